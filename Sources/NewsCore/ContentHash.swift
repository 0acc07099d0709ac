import Crypto
import Foundation

/// The body's fingerprint: equal for copies that differ only in Unicode form, quote style,
/// white space or case.
enum ContentHash {
    /// Hex SHA-256 of the normalised body.
    ///
    /// The normal form is the paragraphs joined by spaces, in NFC, with curly quotes made straight,
    /// lowercased and with white space runs collapsed to one space. It is built in one pass over the
    /// UTF-8 bytes; only text with combining marks goes through Foundation's normalisation first.
    static func of(_ body: [String]) -> String {
        // Text without combining marks is in NFC already; the first mark found sends the whole
        // body through Foundation's normalisation instead.
        let normal = normalForm(body, separately: true) ?? normalForm(
            [body.joined(separator: " ").precomposedStringWithCanonicalMapping], separately: false
        )!
        let digest = SHA256.hash(data: normal)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The normal form of the paragraphs (joined by a space), or nil when `separately` and a
    /// paragraph holds a combining mark (a scalar from U+0300 with a non-zero combining class).
    private static func normalForm(_ paragraphs: [String], separately: Bool) -> [UInt8]? {
        var total = 0
        for paragraph in paragraphs { total += paragraph.utf8.count + 1 }
        // A scalar's lowercase mapping takes at most twice its UTF-8 bytes (U+0130 → `i̇`, U+023A →
        // U+2C65) and each separating space follows at least one white-space byte or a paragraph
        // break, so three bytes per input byte always suffice.
        let capacity = total * 3 + 8
        var normal = [UInt8](repeating: 0, count: capacity)
        var length = 0
        let complete = normal.withUnsafeMutableBufferPointer { buffer -> Bool in
            var writer = Writer(out: buffer)
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 { writer.space = true }
                var paragraph = paragraph
                paragraph.withUTF8 { writer.append($0, stopAtCombiningMark: separately) }
                if writer.sawCombiningMark { return false }
            }
            length = writer.count
            return true
        }
        guard complete else { return nil }
        normal.removeSubrange(length...)
        return normal
    }

    /// Writes the normal form into a buffer large enough for it (see `normalForm`).
    private struct Writer {
        let out: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        /// White space seen since the last byte written.
        var space = false
        var sawCombiningMark = false

        init(out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

        /// Writes one byte of the normal form (white space only marks a pending space).
        @inline(__always) static func emit(
            _ byte: UInt8, into out: UnsafeMutableBufferPointer<UInt8>, count: inout Int, space: inout Bool
        ) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = true
                return
            }
            if space, count > 0 {
                out[count] = 0x20
                count += 1
            }
            space = false
            out[count] = byte
            count += 1
        }

        /// Appends the normal form of some UTF-8: quotes straightened, lowercased, white space
        /// collapsed. With `stopAtCombiningMark` it stops at a combining mark and sets `sawCombiningMark`.
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, stopAtCombiningMark: Bool) {
            // Locals rather than stored properties in the loop.
            let out = self.out
            var count = self.count
            var space = self.space
            defer {
                self.count = count
                self.space = space
            }
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    Self.emit(b >= 0x41 && b <= 0x5A ? b | 0x20 : b, into: out, count: &count, space: &space)
                    i += 1
                    continue
                }
                // Curly quotes and guillemets become straight quotes (as `replacingQuotes`).
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x98, bytes[i + 2] <= 0x9F {
                    Self.emit(bytes[i + 2] <= 0x9B ? 0x27 : 0x22, into: out, count: &count, space: &space)
                    i += 3
                    continue
                }
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
                    Self.emit(0x22, into: out, count: &count, space: &space)
                    i += 2
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < n { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                i += length
                guard let scalar = Unicode.Scalar(value) else { continue }
                if Scalars.isGeneralPunctuation(scalar) {
                    // Its own lowercase mapping: the bytes as they are.
                    for k in (i - length)..<min(i, n) { Self.emit(bytes[k], into: out, count: &count, space: &space) }
                    continue
                }
                if stopAtCombiningMark, value >= 0x300, scalar.properties.canonicalCombiningClass.rawValue != 0 {
                    sawCombiningMark = true
                    return
                }
                for byte in ContentHash.lowercaseUTF8(scalar) { Self.emit(byte, into: out, count: &count, space: &space) }
            }
        }
    }

    /// The UTF-8 bytes of a scalar's lowercase mapping (what `String.lowercased()` appends for it).
    static func lowercaseUTF8(_ scalar: Unicode.Scalar) -> String.UTF8View {
        scalar.properties.lowercaseMapping.utf8
    }
}
