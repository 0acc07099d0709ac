import Foundation

/// Fast character classes: ASCII is decided by ranges, only other scalars ask the Unicode tables.
enum Scalars {
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inline(__always) static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }
}

extension Scalars {
    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one pass.
    static func array(_ text: String) -> [Unicode.Scalar] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(Unicode.Scalar(b))
                    i += 1
                } else {
                    let (s, width) = EntityTokenizer.scalar(bytes, i)
                    out.append(s)
                    i += width
                }
            }
            return out
        } ?? Array(text.unicodeScalars)
    }

    /// The text of some scalars; ASCII runs are copied as bytes rather than appended one by one.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var ascii = true
        for s in scalars where s.value >= 0x80 {
            ascii = false
            break
        }
        guard ascii else { return String(String.UnicodeScalarView(scalars)) }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var k = 0
            for s in scalars {
                buffer[k] = UInt8(truncatingIfNeeded: s.value)
                k += 1
            }
            return k
        }
    }
}

extension String {
    /// Byte-level substring test, cheaper than Foundation's `range(of:)` for ASCII needles.
    func containsBytes(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return true }
        return needle.withUTF8Buffer { pattern -> Bool in
            if let found = self.utf8.withContiguousStorageIfAvailable({ Self.search(pattern, in: $0) }) {
                return found
            }
            return Array(self.utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
        }
    }

    /// Naive search, skipping quickly to the places where the first two bytes match.
    @inline(__always)
    static func search(_ pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = pattern.count
        guard hay.count >= n else { return false }
        let first = pattern[0]
        let last = hay.count - n
        var i = 0
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n, hay[i + k] == pattern[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether an ASCII lowercase word occurs in the text, ignoring ASCII case.
    func containsASCIICaseInsensitive(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { w -> Bool in
            let n = w.count
            var i = 0
            let bytes = Array(self.utf8)
            while i + n <= bytes.count {
                var k = 0
                while k < n, bytes[i + k] | 0x20 == w[k] { k += 1 }
                if k == n { return true }
                i += 1
            }
            return false
        }
    }

    /// `hasPrefix` with its Character semantics, decided on bytes whenever the bytes settle it.
    func fastHasPrefix(_ prefix: String) -> Bool {
        let answer: Bool?? = prefix.utf8.withContiguousStorageIfAvailable { p -> Bool? in
            self.utf8.withContiguousStorageIfAvailable { l -> Bool? in
                var i = 0
                while i < p.count {
                    if i == l.count { return false }
                    if l[i] != p[i] { return l[i] < 0x80 && p[i] < 0x80 ? false : nil }
                    i += 1
                }
                if i == l.count || l[i] < 0x80 { return true }
                return nil
            } ?? nil
        }
        if let settled = answer ?? nil { return settled }
        return hasPrefix(prefix)
    }
}

extension StringProtocol {
    /// `lowercased()`, which appends each scalar's lowercase mapping, with the mapping of ASCII and of
    /// the Latin-1 and general punctuation blocks (which have no case) decided without the Unicode tables.
    func lowercasedFast() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(truncatingIfNeeded: v)
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else if v < 0xC0 && v != 0xAA && v != 0xB5 && v != 0xBA || v >= 0x2000 && v <= 0x206F {
                out.append(contentsOf: UTF8.encode(scalar)!)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
