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

extension String {
    /// Byte-level substring test, cheaper than Foundation's `range(of:)` for ASCII needles.
    func containsBytes(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return true }
        return needle.withUTF8Buffer { pattern -> Bool in
            var utf8 = self.utf8
            let found = utf8.withContiguousStorageIfAvailable { hay -> Bool in
                guard hay.count >= n else { return false }
                let first = pattern[0]
                var i = 0
                while i + n <= hay.count {
                    if hay[i] == first {
                        var k = 1
                        while k < n, hay[i + k] == pattern[k] { k += 1 }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
            if let found { return found }
            utf8 = String(self).utf8
            return Array(utf8).withUnsafeBufferPointer { hay in
                guard hay.count >= n else { return false }
                var i = 0
                while i + n <= hay.count {
                    var k = 0
                    while k < n, hay[i + k] == pattern[k] { k += 1 }
                    if k == n { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
