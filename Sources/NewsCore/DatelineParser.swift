import Foundation

/// Reads publication stamps (`Monday 19 May 2025 17:13, UK`, `Published 19 May 2025 at 21:52 IST`,
/// ISO 8601, RFC 2822) and turns them into UTC without the machine's time-zone database, so the
/// answer is the same on every host.
enum DatelineParser {
    /// What a stamp line says about the page.
    enum Label: Sendable, Equatable {
        /// A plain stamp or `Published …`.
        case published
        /// `Updated …` / `Last updated …`.
        case updated
    }

    /// A whole line that is nothing but a (labelled) date: its label and value (`…Z` or `YYYY-MM-DD`).
    static func parseLine(_ line: String) -> (label: Label, value: String)? {
        guard line.utf8.count <= 80, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var label = Label.published
        var rest = Substring(line)
        // Most stamps open with the day or its weekday: the labels are compared only with a line whose
        // first letter opens one.
        if mayOpenWithLabel(line.utf8) {
            if let after = afterLabel(rest, among: updateLabels) {
                label = .updated
                rest = after
            } else if let after = afterLabel(rest, among: publicationLabels) ?? afterLabel(rest, among: otherLabels) {
                rest = after
            }
        }
        guard let value = parse(rest) else { return nil }
        return (label, value)
    }

    /// Labels of a publication day, lower-cased, in the languages newsd reads (`Published`,
    /// `Veröffentlicht am`, `Publié le`, `Opublikowano:`); one of `labelLinks` may follow, then a colon.
    static let publicationLabels = [
        "published", "first published", "veröffentlicht", "erschienen", "publié", "publiée", "publicado",
        "publicada", "pubblicato", "pubblicata", "gepubliceerd", "opublikowano", "publicerad", "julkaistu",
        "publikováno", "date de publication", "fecha de publicación", "data di pubblicazione", "publication date",
    ]
    /// Labels of the day a story was last revised (`Updated`, `Aktualisiert am`, `Mis à jour le`).
    static let updateLabels = ["updated", "last updated", "aktualisiert", "mis à jour", "actualizado", "aggiornato"]
    /// Labels that date a reader's post as often as a story (`Posted on`), or any line (`Date:`).
    static let otherLabels = ["posted", "date", "dateline"]
    /// The languages' `on` between a label and its day (`am`, `le`, `el`, `op`).
    static let labelLinks: Set<String> = ["am", "on", "le", "el", "il", "op", "em", "den", "dne", "the"]

    private static let allLabels = publicationLabels + updateLabels + otherLabels
    /// The labels' first two letters (every label opens with two ASCII letters).
    private static let labelOpenings = OpeningPairs(allLabels)
    /// The longest label's length in characters.
    private static let longestLabel = allLabels.map(\.count).max() ?? 0

    /// Whether a text's first two bytes after white space (its UTF-8: a line's, or a page's text
    /// node's before it is made a string), in either case, are the first two letters of a label:
    /// false for most lines, looked at without a copy.
    static func mayOpenWithLabel(_ bytes: some Collection<UInt8>) -> Bool {
        labelOpenings.mayOpen(bytes)
    }

    /// What follows the longest of `labels` (lower-case) that opens `text` in any case and is not
    /// run into a word (`Published:`, not `Publishers`), with the language's `on` and a colon
    /// skipped; nil when `text` opens with none of them.
    static func afterLabel(_ text: Substring, among labels: [String]) -> Substring? {
        let text = text.drop(while: \.isWhitespace)
        guard let first = text.first, first.isLetter else { return nil }
        let lower = text.prefix(longestLabel).lowercased()
        var longest: String?
        for label in labels where lower.hasPrefix(label) && label.utf8.count > longest?.utf8.count ?? 0 {
            longest = label
        }
        guard let label = longest else { return nil }
        var rest = text.dropFirst(label.count)
        guard rest.first.map({ !$0.isLetter }) ?? true else { return nil }
        func skipped(_ s: Substring) -> Substring { s.drop { $0 == " " || $0 == ":" || $0 == "\u{a0}" } }
        rest = skipped(rest)
        if let word = rest.split(separator: " ", maxSplits: 1).first,
            labelLinks.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
        {
            rest = skipped(rest.dropFirst(word.count))
        }
        return rest
    }

    /// Parses a date expression that must fill the whole text; nil when any part is not understood.
    static func parse(_ text: Substring) -> String? {
        let trimmed = text.trimmingSpaces()
        if let iso = parseISO(trimmed) { return iso }
        guard let tokens = tokenize(trimmed, stoppingAtUnknownWord: true) else { return nil }
        var year: Int?
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute = 0
        var second = 0
        var pm: Bool?
        var zone: TimeZoneRule?
        var weekdaySeen = false
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            switch token {
            case .word(let word):
                if fillers.contains(word) {
                    break
                } else if let m = months[word], month == nil {
                    month = m
                } else if weekdays.contains(word), !weekdaySeen {
                    weekdaySeen = true
                } else if hour != nil, ["am", "pm"].contains(word), pm == nil {
                    pm = word == "pm"
                } else if day != nil, ["st", "nd", "rd", "th"].contains(word) {
                    break
                } else if let z = TimeZoneRule.named[word], zone == nil {
                    zone = z
                    if word == "utc" || word == "gmt", i + 1 < tokens.count, case .offset(let minutes) = tokens[i + 1] {
                        zone = .fixed(minutes)
                        i += 1
                    }
                } else {
                    return nil
                }
            case .number(let digits):
                let value = Int(digits) ?? -1
                if i + 2 < tokens.count, case .colon = tokens[i + 1], case .number(let mm) = tokens[i + 2], hour == nil {
                    hour = value
                    minute = Int(mm) ?? 99
                    i += 2
                    if i + 2 < tokens.count, case .colon = tokens[i + 1], case .number(let ss) = tokens[i + 2] {
                        second = Int(ss) ?? 99
                        i += 2
                    }
                } else if digits.count == 4, year == nil {
                    year = value
                } else if digits.count <= 2, day == nil {
                    day = value
                } else {
                    return nil
                }
            case .offset(let minutes):
                guard hour != nil, zone == nil else { return nil }
                zone = .fixed(minutes)
            case .colon:
                return nil
            }
            i += 1
        }
        guard let y = year, let m = month, let d = day, y >= 1900, y <= 2200, d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        guard var h = hour else { return formatDate(y, m, d) }
        if let pm {
            guard h >= 1, h <= 12 else { return nil }
            h = h % 12 + (pm ? 12 : 0)
        }
        guard h < 24, minute < 60, second < 61 else { return nil }
        guard let zone else { return formatDate(y, m, d) }
        let local = CivilTime.epochSeconds(y, m, d, h, minute, second)
        return CivilTime.formatUTC(zone.utc(fromLocal: local))
    }

    /// `2025-05-19`, `2025-05-19T16:13:00Z`, `2025-05-19 17:13:00+01:00`, fractions allowed.
    static func parseISO(_ text: Substring) -> String? {
        let s = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                guard s[k] >= 0x30, s[k] <= 0x39 else { return nil }
                v = v * 10 + Int(s[k] - 0x30)
            }
            return v
        }
        guard s.count >= 10, let y = num(0, 4), s[4] == 0x2D, let m = num(5, 2), s[7] == 0x2D, let d = num(8, 2),
            m >= 1, m <= 12, d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        if s.count == 10 { return formatDate(y, m, d) }
        guard s[10] == 0x54 || s[10] == 0x20 || s[10] == 0x74, let h = num(11, 2), s.count > 13, s[13] == 0x3A,
            let mi = num(14, 2), h < 24, mi < 60
        else { return nil }
        var i = 16
        var sec = 0
        if i < s.count, s[i] == 0x3A {
            guard let v = num(i + 1, 2) else { return nil }
            sec = v
            i += 3
            if i < s.count, s[i] == 0x2E || s[i] == 0x2C {
                i += 1
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
            }
        }
        while i < s.count, s[i] == 0x20 { i += 1 }
        let local = CivilTime.epochSeconds(y, m, d, h, mi, sec)
        if i == s.count { return formatDate(y, m, d) }
        if s[i] == 0x5A || s[i] == 0x7A, i + 1 == s.count { return CivilTime.formatUTC(local) }
        let tail = String(decoding: s[i...], as: UTF8.self)
        if let named = TimeZoneRule.named[tail.lowercased()] { return CivilTime.formatUTC(named.utc(fromLocal: local)) }
        guard s[i] == 0x2B || s[i] == 0x2D, let oh = num(i + 1, 2) else { return nil }
        var j = i + 3
        if j < s.count, s[j] == 0x3A { j += 1 }
        let om = j < s.count ? (num(j, 2) ?? -1) : 0
        guard om >= 0, om < 60, j + (j < s.count ? 2 : 0) == s.count else { return nil }
        let offset = (oh * 60 + om) * (s[i] == 0x2B ? 1 : -1)
        return CivilTime.formatUTC(local - offset * 60)
    }

    enum Token: Equatable {
        case word(String)
        case number(String)
        case offset(Int)
        case colon
    }

    /// Every word `parse` accepts in some position; a text with any other word is no date.
    static let dateWords: Set<String> = fillers.union(weekdays).union(months.keys).union(TimeZoneRule.named.keys)
        .union(["am", "pm", "st", "nd", "rd", "th"])

    /// Splits a stamp into words, numbers, colons and `+hh:mm` offsets; other punctuation separates.
    static func tokenize(_ text: Substring) -> [Token] {
        tokenize(text, stoppingAtUnknownWord: false) ?? []
    }

    /// `tokenize(_:)`, or nil as soon as a word is not one of `dateWords` when `stoppingAtUnknownWord`.
    static func tokenize(_ text: Substring, stoppingAtUnknownWord: Bool) -> [Token]? {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if Scalars.isLetter(c) {
                var word = ""
                while i < scalars.count, Scalars.isLetter(scalars[i]) || scalars[i] == "." {
                    if scalars[i] != "." { word.unicodeScalars.append(scalars[i]) }
                    i += 1
                }
                let lower = word.lowercasedFast()
                if stoppingAtUnknownWord, !dateWords.contains(lower) { return nil }
                tokens.append(.word(lower))
            } else if c.properties.numericType != nil, c.isASCII {
                var digits = ""
                while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType != nil {
                    digits.unicodeScalars.append(scalars[i])
                    i += 1
                }
                tokens.append(.number(digits))
            } else if c == ":" {
                tokens.append(.colon)
                i += 1
            } else if (c == "+" || c == "-" || c == "\u{2212}"), i + 1 < scalars.count, scalars[i + 1].isASCII,
                scalars[i + 1].properties.numericType != nil,
                tokens.contains(where: { if case .colon = $0 { return true } else { return false } })
            {
                let sign = c == "+" ? 1 : -1
                var digits: [Int] = []
                i += 1
                while i < scalars.count, scalars[i].isASCII, let v = scalars[i].properties.numericType.map({ _ in
                    Int(scalars[i].value) - 48
                }) {
                    digits.append(v)
                    i += 1
                    if i < scalars.count, scalars[i] == ":", digits.count == 2 { i += 1 }
                }
                let minutes: Int
                switch digits.count {
                case 1, 2: minutes = digits.reduce(0) { $0 * 10 + $1 } * 60
                case 4: minutes = (digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3]
                default: minutes = 100_000
                }
                if minutes > 18 * 60, stoppingAtUnknownWord, !dateWords.contains("?") { return nil }
                tokens.append(minutes > 18 * 60 ? .word("?") : .offset(sign * minutes))
            } else {
                i += 1
            }
        }
        return tokens
    }

    static let fillers: Set<String> = ["at", "on", "the", "of", "time", "am_", "local"]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        default: return 0
        }
    }

    static func formatDate(_ y: Int, _ m: Int, _ d: Int) -> String {
        CivilTime.pad(y, 4) + "-" + CivilTime.pad(m, 2) + "-" + CivilTime.pad(d, 2)
    }
}

extension Substring {
    /// The text without leading and trailing scalars that `drop` says go, scalar by scalar as
    /// Foundation's `trimmingCharacters(in:)` trims, without bridging to NSString.
    func trimmingScalars(_ drop: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = unicodeScalars
        var low = scalars.startIndex
        var high = scalars.endIndex
        while low < high, drop(scalars[low]) { low = scalars.index(after: low) }
        while high > low {
            let last = scalars.index(before: high)
            guard drop(scalars[last]) else { break }
            high = last
        }
        return Substring(scalars[low..<high])
    }

    /// Without leading and trailing punctuation: Unicode's P* categories, Foundation's
    /// `punctuationCharacters` (but for 14 scalars new in Unicode 16, whose categories the standard
    /// library knows and Foundation's tables do not yet).
    func trimmingPunctuation() -> Substring { trimmingScalars(Scalars.isPunctuation) }

    /// Without leading and trailing blanks: Unicode's Zs, the tab and the zero-width space, as
    /// Foundation's `whitespaces` holds them.
    func trimmingBlanks() -> Substring {
        trimmingScalars {
            $0 == "\t" || $0 == " " || $0.value >= 0x80 && ($0.value == 0x200B || $0.properties.generalCategory == .spaceSeparator)
        }
    }

    /// `split(separator: " ", maxSplits:)` (empty pieces omitted) found on the UTF-8 bytes instead of
    /// the characters: the same pieces but where a combining mark follows a space (a space and its
    /// mark are one character, which no split makes), at a fraction of the cost.
    func spaceSeparated(maxSplits: Int = .max) -> [Substring] {
        var result: [Substring] = []
        let view = utf8
        let end = view.endIndex
        var start = view.startIndex
        if maxSplits == 0 || start == end {
            if start != end { result.append(self[start..<end]) }
            return result
        }
        var index = start
        while index != end {
            if view[index] == 0x20 {
                let appended = start != index
                if appended { result.append(self[start..<index]) }
                view.formIndex(after: &index)
                start = index
                if appended && result.count == maxSplits { break }
                continue
            }
            view.formIndex(after: &index)
        }
        if start != end { result.append(self[start..<end]) }
        return result
    }

    /// The text without leading and trailing spaces, tabs and no-break spaces.
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.unicodeScalars.first, f == " " || f == "\t" || f == "\u{A0}" { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, l == " " || l == "\t" || l == "\u{A0}" { s = s.dropLast() }
        return s
    }
}
