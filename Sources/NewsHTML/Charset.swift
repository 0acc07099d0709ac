import Glibc

/// The character set a page declares and its conversion to UTF-8 by the C library's converters
/// (`iconv`), for the legacy encodings browsers read: the ISO-8859 and Windows code pages, KOI8,
/// GB18030 (and its subsets GB2312 and GBK), Big5, Shift_JIS, EUC-JP, ISO-2022-JP and EUC-KR.
/// Labels are read as the WHATWG Encoding Standard reads them (`latin1` and `us-ascii` are
/// Windows-1252, `gb2312` is GB18030, `euc-kr` is Windows-949); a label outside the table is no
/// declaration.
package enum Charset {
    /// How newsd reads a page declared in a charset.
    package enum Reading: Equatable, Sendable {
        /// UTF-8 (or a label the standard reads as UTF-8, such as `utf-16` in a `<meta>`).
        case utf8
        /// Windows-1252 and the labels read as it: newsd's own byte table, no converter.
        case windows1252
        /// Any other charset, by this name of the C library's converters.
        case converter(String)
    }

    /// The reading of a declared label, or nil for a label newsd does not know.
    package static func reading(ofLabel label: String) -> Reading? {
        let key = label.lowercased().filter { $0 != " " }
        if utf8Labels.contains(key) { return .utf8 }
        if windows1252Labels.contains(key) { return .windows1252 }
        if let name = converterNames[key] { return .converter(name) }
        // iso-8859-N, iso8859-N, iso_8859-N, iso8859_N (WHATWG: 8859-1 and 8859-9 are Windows code pages).
        let dashed = String(key.map { $0 == "_" ? "-" : $0 })
        for prefix in ["iso-8859-", "iso8859-", "iso8859"] where dashed.hasPrefix(prefix) {
            if let n = Int(dashed.dropFirst(prefix.count).prefix(while: { $0.isNumber })) {
                switch n {
                case 1: return .windows1252
                case 9: return .converter("CP1254")
                case 11: return .converter("CP874")
                case 2...8, 10, 13...16: return .converter("ISO-8859-\(n)")
                default: return nil
                }
            }
        }
        // windows-125N, cp125N, x-cp125N.
        for prefix in ["windows-", "x-cp", "cp"] where key.hasPrefix(prefix) {
            if let n = Int(key.dropFirst(prefix.count)), (1250...1258).contains(n) {
                return n == 1252 ? .windows1252 : .converter("CP\(n)")
            }
        }
        return nil
    }

    static let utf8Labels: Set<String> = [
        "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
        // A page that reached newsd as bytes and names UTF-16 in a `<meta>` is ASCII-compatible:
        // the standard reads it as UTF-8 (real UTF-16 has a byte-order mark).
        "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2",
    ]
    static let windows1252Labels: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
        "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso88591", "iso-1252", "cp367", "iso646-us",
    ]
    static let converterNames: [String: String] = [
        "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "gb18030": "GB18030", "chinese": "GB18030",
        "csgb2312": "GB18030", "iso-ir-58": "GB18030", "gb_2312": "GB18030", "gb_2312-80": "GB18030",
        "big5": "BIG5-HKSCS", "big5-hkscs": "BIG5-HKSCS", "cn-big5": "BIG5-HKSCS", "x-x-big5": "BIG5-HKSCS",
        "csbig5": "BIG5-HKSCS",
        "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
        "windows-31j": "CP932", "csshiftjis": "CP932", "ms932": "CP932", "cp932": "CP932",
        "euc-jp": "EUC-JP", "x-euc-jp": "EUC-JP", "cseucpkdfmtjapanese": "EUC-JP",
        "iso-2022-jp": "ISO-2022-JP", "csiso2022jp": "ISO-2022-JP",
        "euc-kr": "CP949", "euc_kr": "CP949", "ks_c_5601-1987": "CP949", "ks_c_5601-1989": "CP949",
        "korean": "CP949", "windows-949": "CP949", "cp949": "CP949", "ksc5601": "CP949", "ksc_5601": "CP949",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "koi8": "KOI8-R", "cskoi8r": "KOI8-R", "koi8-u": "KOI8-U",
        "koi8-ru": "KOI8-U", "ibm866": "CP866", "cp866": "CP866", "866": "CP866",
        "windows-874": "CP874", "tis-620": "CP874", "dos-874": "CP874",
        "macintosh": "MACINTOSH", "mac": "MACINTOSH", "x-mac-roman": "MACINTOSH", "csmacintosh": "MACINTOSH",
        "x-mac-cyrillic": "MAC-CYRILLIC", "x-mac-ukrainian": "MAC-CYRILLIC",
        "latin2": "ISO-8859-2", "l2": "ISO-8859-2", "latin3": "ISO-8859-3", "latin4": "ISO-8859-4",
        "cyrillic": "ISO-8859-5", "arabic": "ISO-8859-6", "greek": "ISO-8859-7", "greek8": "ISO-8859-7",
        "hebrew": "ISO-8859-8", "iso-8859-8-i": "ISO-8859-8", "latin5": "CP1254", "l5": "CP1254",
        "latin6": "ISO-8859-10", "latin9": "ISO-8859-15", "l9": "ISO-8859-15",
    ]

    // MARK: - Declaration

    /// The label a page declares before its body: a `<meta charset>` or `<meta http-equiv
    /// content="…; charset=…">` (comments and scripts skipped, so that a script's `charset`
    /// attribute is no declaration), or an XML declaration's `encoding`. Lower-cased.
    package static func declaredLabel(_ head: ArraySlice<UInt8>) -> String? {
        let bytes = head
        var i = bytes.startIndex
        if bytes.starts(with: Array("<?xml".utf8)), let close = bytes.firstIndex(of: 0x3E) {
            if let label = value(of: Array("encoding".utf8), in: bytes[i..<close]) { return label }
        }
        while i < bytes.endIndex {
            guard let open = bytes[i...].firstIndex(of: 0x3C) else { return nil }
            if matches(bytes, at: open, "<!--") {
                guard let end = find(Array("-->".utf8), in: bytes, from: open + 4) else { return nil }
                i = end + 3
                continue
            }
            if matches(bytes, at: open, "<script") || matches(bytes, at: open, "<style") {
                let closing = matches(bytes, at: open, "<script") ? "</script" : "</style"
                guard let end = find(Array(closing.utf8), in: bytes, from: open + 1, caseless: true) else { return nil }
                i = end + 2
                continue
            }
            if matches(bytes, at: open, "<body") { return nil }
            guard matches(bytes, at: open, "<meta"), open + 5 < bytes.endIndex,
                isSpace(bytes[open + 5]) || bytes[open + 5] == 0x2F
            else {
                i = open + 1
                continue
            }
            let close = bytes[(open + 5)...].firstIndex(of: 0x3E) ?? bytes.endIndex
            if let label = value(of: Array("charset".utf8), in: bytes[open..<close]) { return label }
            i = close
        }
        return nil
    }

    /// The value after `name` (case-insensitive), `=` and an optional quote, in a tag's text.
    private static func value(of name: [UInt8], in tag: ArraySlice<UInt8>) -> String? {
        var from = tag.startIndex
        while let at = find(name, in: tag, from: from, caseless: true) {
            var j = at + name.count
            while j < tag.endIndex, isSpace(tag[j]) { j += 1 }
            guard j < tag.endIndex, tag[j] == 0x3D else {
                from = at + 1
                continue
            }
            j += 1
            while j < tag.endIndex, isSpace(tag[j]) || tag[j] == 0x22 || tag[j] == 0x27 { j += 1 }
            var label: [UInt8] = []
            while j < tag.endIndex, label.count < 40 {
                let b = lower(tag[j])
                guard b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
                else { break }
                label.append(b)
                j += 1
            }
            if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
            from = at + 1
        }
        return nil
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    private static func isSpace(_ b: UInt8) -> Bool { b.isHTMLSpace }

    private static func matches(_ bytes: ArraySlice<UInt8>, at i: Int, _ word: String) -> Bool {
        var k = i
        for w in word.utf8 {
            guard k < bytes.endIndex, lower(bytes[k]) == w else { return false }
            k += 1
        }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from: Int, caseless: Bool = false) -> Int? {
        guard let first = needle.first, needle.count <= bytes.endIndex - from else { return nil }
        var i = from
        while i + needle.count <= bytes.endIndex {
            if (caseless ? lower(bytes[i]) : bytes[i]) == first {
                var k = 1
                while k < needle.count, (caseless ? lower(bytes[i + k]) : bytes[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Conversion

    /// `bytes` in charset `name` as UTF-8; a byte sequence the charset does not define becomes
    /// U+FFFD and reading goes on. Nil when the C library has no converter of that name.
    package static func convert(_ bytes: [UInt8], from name: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", name)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        var input = bytes
        let total = input.count
        var consumed = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            while consumed < total {
                if output.count - written < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = total - consumed
                let (result, failure, outLeft) = output.withUnsafeMutableBufferPointer { outBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + written)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - written
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, errno, outLeft)
                }
                written = output.count - outLeft
                consumed = total - inLeft
                guard result == -1 else { break }
                switch failure {
                case E2BIG:
                    output.append(contentsOf: repeatElement(0, count: output.count))
                case EILSEQ, EINVAL:
                    // An undefined or cut-off sequence: one replacement character for its first byte.
                    if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                    output[written] = 0xEF
                    output[written + 1] = 0xBF
                    output[written + 2] = 0xBD
                    written += 3
                    consumed += 1
                default:
                    consumed = total
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }
}
