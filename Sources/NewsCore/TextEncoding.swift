/// How a text file's bytes map to characters, decided once from its first bytes.
enum TextEncoding: String, Sendable, Codable {
    /// Fewer than three bytes seen; the byte-order mark (if any) is not known yet.
    case undecided
    /// UTF-8 per line, Windows-1252 for lines that are not valid UTF-8.
    case utf8
    /// UTF-16 little-endian (after an FF FE byte-order mark).
    case utf16LE
    /// UTF-16 big-endian (after an FE FF byte-order mark).
    case utf16BE
}
