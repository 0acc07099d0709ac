import Crypto
import Foundation

/// The body's fingerprint: equal for copies that differ only in Unicode form, quote style,
/// white space or case.
enum ContentHash {
    /// Hex SHA-256 of the normalised body.
    static func of(_ body: [String]) -> String {
        let joined = body.joined(separator: " ").precomposedStringWithCanonicalMapping.replacingQuotes().lowercased()
        var normal = String.UnicodeScalarView()
        var space = false
        for s in joined.unicodeScalars {
            if s.properties.isWhitespace {
                space = true
                continue
            }
            if space, !normal.isEmpty { normal.append(" ") }
            space = false
            normal.append(s)
        }
        let digest = SHA256.hash(data: Array(String(normal).utf8))
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
