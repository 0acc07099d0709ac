/// Decodes one line of an 8-bit text file: UTF-8 when it is valid, else Windows-1252 (a superset of
/// Latin-1's printable range), unless the line is mostly UTF-8 with a few damaged bytes.
enum LineDecoder {
    /// Windows-1252's characters for 0x80…0x9F; the five unassigned bytes keep their Latin-1 meaning.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The line's text; never fails (every byte means something in Windows-1252).
    static func decode(_ raw: [UInt8]) -> String {
        if let text = String(validating: raw, as: UTF8.self) { return text }
        var valid = 0
        var invalid = 0
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            let length = byte >= 0xF0 && byte < 0xF5 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            var ok = length > 0 && i + length <= raw.count
            if ok {
                for k in 1..<length where raw[i + k] & 0xC0 != 0x80 { ok = false }
            }
            if ok {
                valid += 1
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        if valid > invalid { return String(decoding: raw, as: UTF8.self) }
        // Windows-1252 to UTF-8 byte by byte (every character is below U+10000: one to three bytes),
        // then one String: appending scalars one at a time costs several times more.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count + raw.count / 4)
        for byte in raw {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let value = byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
            if value < 0x800 {
                utf8.append(UInt8(0xC0 | value >> 6))
            } else {
                utf8.append(UInt8(0xE0 | value >> 12))
                utf8.append(UInt8(0x80 | (value >> 6) & 0x3F))
            }
            utf8.append(UInt8(0x80 | value & 0x3F))
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
