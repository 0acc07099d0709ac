import Crypto
import Foundation

/// The body's fingerprint: equal for copies that differ only in Unicode form, quote style,
/// white space or case.
enum ContentHash {
    /// Hex SHA-256 of the normalised body.
    static func of(_ body: [String]) -> String {
        var joined = body.joined(separator: " ")
        if joined.unicodeScalars.contains(where: { $0.value >= 0x300 && $0.properties.canonicalCombiningClass.rawValue != 0 }) {
            joined = joined.precomposedStringWithCanonicalMapping
        }
        joined = joined.replacingQuotes().lowercased()
        var normal: [UInt8] = []
        normal.reserveCapacity(joined.utf8.count)
        var space = false
        for byte in joined.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = true
                continue
            }
            if space, !normal.isEmpty { normal.append(0x20) }
            space = false
            normal.append(byte)
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
}
