import Foundation
import NewsCore

/// Days written in a page's own text, in the forms newsd's date-line reader does not take as a whole
/// line: `16.12.2012`, `Samstag, 19. Juli 2014`, `le 3 mars 2019`, `23 de marzo de 2020`, `2020.
/// március 23.`, `2018/07/03`, `07/03/2018` (US order unless the text says it is from where the day
/// comes first: `DayOrder`), anywhere in a short text. Only the day is kept.
enum DateText {
    /// Month names in English with their common abbreviations, and those of `MonthNames` (German,
    /// French, Spanish … Russian, Arabic) the text reader knows.
    static let months: [String: Int] = {
        var out: [String: Int] = [:]
        let english: [[String]] = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"],
            ["december", "dec"],
        ]
        for (index, list) in english.enumerated() { for name in list { out[name] = index + 1 } }
        for (name, month) in MonthNames.european + MonthNames.slavicAndArabic { out[name] = month }
        return out
    }()

    /// The first day named in the text, as `YYYY-MM-DD`, or nil. With `shortYears`, a text that says
    /// it is a date (an element named for one) may write the year in two digits between dots
    /// (`Party, 30.10.23`). `page` gives the page's order of numeric dates, asked only when a date
    /// could be read either way and the text says nothing of its own.
    static func find(in text: String, shortYears: Bool = false, page: PageOrder? = nil) -> String? {
        guard text.utf8.count <= 400 else { return nil }
        // Every day found has a year of four ASCII digits (numbers are runs of ASCII digits).
        var digits = 0
        for b in text.utf8 where b >= 0x30 && b <= 0x39 { digits += 1 }
        guard digits >= 4 else { return nil }
        let tokens = tokenize(text)
        var k = 0
        while k < tokens.count {
            defer { k += 1 }
            let t = tokens[k]
            // Numeric: D.M.YYYY, YYYY-MM-DD, YYYY/MM/DD, M/D/YYYY.
            if case .number(let a, let aDigits) = t, k + 4 < tokens.count,
                case .separator(let s1) = tokens[k + 1], case .number(let b, _) = tokens[k + 2],
                case .separator(let s2) = tokens[k + 3], s1 == s2, case .number(let c, let cDigits) = tokens[k + 4]
            {
                if aDigits == 4, let day = day(a, b, c) { return day }
                if shortYears, cDigits == 2, aDigits <= 2, s1 == ".",
                    k + 5 >= tokens.count || tokens[k + 5] != .separator("."), let day = day(2000 + c, b, a)
                {
                    return day
                }
                if cDigits == 4 {
                    if s1 == "/", a <= 12, b > 12 || !(DayOrder.dayFirst(in: text) || page?.dayFirst == true), let day = day(c, a, b) {
                        return day
                    }
                    if let day = day(c, b, a) { return day }
                }
            }
            // YYYY年M月D日 (Chinese, Japanese), YYYY년 M월 D일 (Korean).
            if case .number(let y, 4) = t, k + 5 < tokens.count, case .word(let w1) = tokens[k + 1], w1 == "年" || w1 == "년",
                case .number(let m, let md) = tokens[k + 2], md <= 2, case .word(let w2) = tokens[k + 3], w2 == "月" || w2 == "월",
                case .number(let d, let dd) = tokens[k + 4], dd <= 2, case .word(let w3) = tokens[k + 5],
                w3.hasPrefix("日") || w3.hasPrefix("일"), let day = day(y, m, d)
            {
                return day
            }
            // D. Month YYYY / D Month YYYY / Month D, YYYY.
            if case .word(let w) = t, let month = months[w] {
                if k + 2 < tokens.count, case .number(let d, let dd) = tokens[k + 1], dd <= 2,
                    case .number(let y, 4) = tokens[k + 2], let day = day(y, month, d)
                {
                    return day
                }
                if k + 3 < tokens.count, case .number(let d, let dd) = tokens[k + 1], dd <= 2, case .separator = tokens[k + 2],
                    case .number(let y, 4) = tokens[k + 3], let day = day(y, month, d)
                {
                    return day
                }
                if k >= 1, k + 1 < tokens.count, case .number(let d, let dd) = tokens[k - 1], dd <= 2,
                    case .number(let y, 4) = tokens[k + 1], let day = day(y, month, d)
                {
                    return day
                }
                if k >= 2, k + 1 < tokens.count, case .number(let d, let dd) = tokens[k - 2], dd <= 2,
                    case .separator(".") = tokens[k - 1], case .number(let y, 4) = tokens[k + 1], let day = day(y, month, d)
                {
                    return day
                }
                // `23 de marzo de 2020`, `23 d'abril de 2020` (Catalan).
                if k >= 2, case .number(let d, let dd) = tokens[k - 2], dd <= 2, case .word(let de) = tokens[k - 1], de == "de" || de == "d" {
                    let y = k + 1 < tokens.count && tokens[k + 1] == .word("de") ? k + 2 : k + 1
                    if y < tokens.count, case .number(let year, 4) = tokens[y], let day = day(year, month, d) { return day }
                }
                // `2020. március 23.` (Hungarian).
                if k >= 2, k + 1 < tokens.count, case .number(let y, 4) = tokens[k - 2], case .separator(".") = tokens[k - 1],
                    case .number(let d, let dd) = tokens[k + 1], dd <= 2, let day = day(y, month, d)
                {
                    return day
                }
            }
        }
        return nil
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case separator(String)
    }

    /// Runs of digits, runs of letters (lower-cased), and the punctuation between them; spaces dropped.
    static func tokenize(_ text: String) -> [Token] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return tokenize(ascii: text) }
        var out: [Token] = []
        var digits = ""
        var letters = ""
        func flush() {
            if !digits.isEmpty {
                out.append(.number(Int(digits.prefix(9)) ?? 0, digits: digits.count))
                digits = ""
            }
            if !letters.isEmpty {
                out.append(.word(letters.lowercased()))
                letters = ""
            }
        }
        for ch in text {
            if ch.isASCII, ch.isNumber {
                if !letters.isEmpty { flush() }
                digits.append(ch)
            } else if ch.isLetter {
                if !digits.isEmpty { flush() }
                letters.append(ch)
            } else {
                flush()
                if ch == "." || ch == "/" || ch == "-" || ch == "," { out.append(.separator(String(ch))) }
            }
            if out.count > 200 { break }
        }
        flush()
        return out
    }

    /// `tokenize` for ASCII text, byte by byte (the same tokens; no Character is made).
    private static func tokenize(ascii text: String) -> [Token] {
        var out: [Token] = []
        var value = 0
        var digits = 0
        var letters: [UInt8] = []
        func flush() {
            if digits > 0 {
                out.append(.number(value, digits: digits))
                (value, digits) = (0, 0)
            }
            if !letters.isEmpty {
                out.append(.word(String(decoding: letters, as: UTF8.self)))
                letters.removeAll(keepingCapacity: true)
            }
        }
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if !letters.isEmpty { flush() }
                // The value of the first nine digits, as `Int(digits.prefix(9))`.
                if digits < 9 { value = value * 10 + Int(b - 0x30) }
                digits += 1
            } else if b >= 0x41 && b <= 0x5A || b >= 0x61 && b <= 0x7A {
                if digits > 0 { flush() }
                letters.append(b | 0x20)
            } else {
                flush()
                if b == 0x2E || b == 0x2F || b == 0x2D || b == 0x2C { out.append(.separator(String(UnicodeScalar(b)))) }
            }
            if out.count > 200 { break }
        }
        flush()
        return out
    }

    /// `YYYY-MM-DD` for a real day between 1995 and 2100.
    static func day(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard y >= 1995, y <= 2100, m >= 1, m <= 12, d >= 1, d <= 31 else { return nil }
        let lengths = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= lengths[m - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
