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
        var normal: [UInt8] = []
        var total = 0
        for paragraph in body { total += paragraph.utf8.count + 1 }
        normal.reserveCapacity(total)
        var space = false
        var needsNFC = false
        for paragraph in body where needsCanonicalMapping(paragraph) {
            needsNFC = true
            break
        }
        if needsNFC {
            let joined = body.joined(separator: " ").precomposedStringWithCanonicalMapping
            append(joined, to: &normal, space: &space)
        } else {
            for (index, paragraph) in body.enumerated() {
                if index > 0 { space = true }
                append(paragraph, to: &normal, space: &space)
            }
        }
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

    /// Whether the text holds a combining mark (a scalar from U+0300 with a non-zero combining class).
    static func needsCanonicalMapping(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0xCC }) else { return false }
        return text.unicodeScalars.contains { $0.value >= 0x300 && $0.properties.canonicalCombiningClass.rawValue != 0 }
    }

    /// Appends the normal form of `text`: quotes straightened, lowercased, white space collapsed.
    private static func append(_ text: String, to normal: inout [UInt8], space: inout Bool) {
        @inline(__always) func emit(_ byte: UInt8, _ normal: inout [UInt8], _ space: inout Bool) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = true
                return
            }
            if space, !normal.isEmpty { normal.append(0x20) }
            space = false
            normal.append(byte)
        }
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    emit(b >= 0x41 && b <= 0x5A ? b | 0x20 : b, &normal, &space)
                    i += 1
                    continue
                }
                // Curly quotes and guillemets become straight quotes (as `replacingQuotes`).
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x98, bytes[i + 2] <= 0x9F {
                    emit(bytes[i + 2] <= 0x9B ? 0x27 : 0x22, &normal, &space)
                    i += 3
                    continue
                }
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
                    emit(0x22, &normal, &space)
                    i += 2
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < n { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                i += length
                guard let scalar = Unicode.Scalar(value) else { continue }
                for byte in lowercaseUTF8(scalar) { emit(byte, &normal, &space) }
            }
            return true
        }
        if done == nil {
            var copy = text
            copy.makeContiguousUTF8()
            append(copy, to: &normal, space: &space)
        }
    }

    /// The UTF-8 bytes of a scalar's lowercase mapping (what `String.lowercased()` appends for it).
    static func lowercaseUTF8(_ scalar: Unicode.Scalar) -> String.UTF8View {
        scalar.properties.lowercaseMapping.utf8
    }
}
