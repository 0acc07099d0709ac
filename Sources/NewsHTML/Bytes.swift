import NewsCore

/// Byte-level string helpers: class names and hints are ASCII, and Foundation's `contains` costs more
/// than the rest of a page's reading.
extension String {
    /// Whether the UTF-8 of `needle` occurs in the string's UTF-8.
    func hasBytes(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { p in
                let n = h.count
                let m = p.count
                guard m > 0 else { return true }
                guard n >= m else { return false }
                let first = p[0]
                var i = 0
                while i <= n - m {
                    if h[i] == first {
                        var k = 1
                        while k < m, h[i + k] == p[k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The text on one line: line ends and tabs become spaces, runs of white space one space, trimmed.
    var flattened: String {
        var needsWork = false
        for b in utf8 where b == 0x0A || b == 0x0D || b == 0x09 {
            needsWork = true
            break
        }
        guard needsWork else { return PageArticle.clean(self) }
        let bytes = utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }
        return PageArticle.clean(String(decoding: bytes, as: UTF8.self))
    }
}
