import Foundation

/// A kicker printed on the headline's own line before the headline that the page's title bar gives,
/// or a standfirst run into it after.
extension PageLayout {
    /// `Immobilienkrise Rene Benko-Firma Signa in Sorge …`, `Eintracht Presse: Eintracht Frankfurt
    /// stellt Weichen …`, `23.01.2022 - Dorothea Wierer darf …`: a page prints a kicker (a topic, a
    /// label, the day) before the headline on one line, where the title bar (`titleBar`, the page's
    /// first line) gives the headline alone. The headline without the kicker, or nil.
    ///
    /// The kicker is one to five words and ends in a colon, or is a date, or is run into the
    /// headline with no separator and ends in a capitalised word. A kicker set off by a dash is not
    /// taken off (`Korsetts – Shops, Designer, online kaufen`, `Welpen kaufen – Tipps …`: a headline's
    /// own two parts as often), nor one that ends in a small word (`Eignet sich eine Wärmepumpe im
    /// Altbau?` over a title bar's `Wärmepumpe im Altbau`).
    static func withoutKicker(_ title: String, titleBar: String) -> String? {
        guard let (key, parts) = titleBarParts(title, titleBar) else { return nil }
        let words = title.split(separator: " ")
        guard words.count >= 3 else { return nil }
        for (_, partKey) in parts where partKey.utf8.count < key.utf8.count && key.hasSuffix(partKey) {
            for split in 1...min(5, words.count - 2) {
                let rest = words[split...].joined(separator: " ")
                // A separator opening the rest belongs to the kicker: the next split takes it.
                guard foldKey(rest) == partKey, words[split].contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                let kicker = words[..<split].joined(separator: " ")
                var bare = Substring(kicker)
                while let last = bare.last, "-–—|".contains(last) || last == " " { bare = bare.dropLast() }
                let dated = bare.contains(where: \.isNumber) && (DatelineParser.parse(bare) ?? DateFinder.find(in: String(bare))) != nil
                let colon = kicker.hasSuffix(":")
                let runIn = bare.count == kicker.count && words[split - 1].first.map { $0.isUppercase } == true
                guard dated || colon || runIn else { return nil }
                return rest
            }
        }
        return nil
    }

    /// `Tagesschau unterschlägt Hass-Demo in Essen Gebührenfinanzierte Islamismus-Verharmlosung im
    /// ÖRR`: a standfirst run into the headline's line with no separator, where the title bar gives
    /// the headline alone (three words or more). The headline, or nil. What follows the headline must
    /// open with a capital (a sentence of its own), not a separator or a word that goes on with it.
    static func withoutRunInStandfirst(_ title: String, titleBar: String) -> String? {
        guard let (key, parts) = titleBarParts(title, titleBar) else { return nil }
        let words = title.split(separator: " ")
        for (part, partKey) in parts where Sentences.wordCount(part) >= 3 && key.hasPrefix(partKey) {
            for end in 3..<max(3, words.count) {
                let head = words[..<end].joined(separator: " ")
                let headKey = foldKey(head)
                if headKey.utf8.count > partKey.utf8.count { break }
                guard headKey == partKey else { continue }
                // `Seat Mo 125: Was kann …`: a title bar's part that ends at a colon or a comma is
                // the first of the headline's own parts.
                guard let next = words[end].first, next.isUppercase, let last = head.last, !":,;–—-|".contains(last) else { return nil }
                return head
            }
        }
        return nil
    }

    /// The printed headline's fold key and the title bar's parts (and the bar whole) with theirs, or
    /// nil when nothing is to be cut: a headline that is the title bar or that the title bar prints
    /// whole (`Algeria: Al-Qaeda claims …` over `Algeria: Al-Qaeda claims … - World News`: its kicker
    /// is the headline's), or a first line too long to be a title bar (a hostile page's one line).
    private static func titleBarParts(_ title: String, _ titleBar: String) -> (key: String, parts: [(String, String)])? {
        guard title.utf8.count <= 300, titleBar.utf8.count <= 1_000, title != titleBar else { return nil }
        let key = foldKey(title)
        guard !key.isEmpty, !foldKey(titleBar).containsUTF8(key) else { return nil }
        let parts = (TitleRanker.titleParts(titleBar) + [titleBar]).map { ($0, foldKey($0)) }.filter { !$0.1.isEmpty }
        return (key, parts)
    }

    /// `Benjamin Näßler: «Liebe kennt keine Pause`: a headline the title model took from the title bar
    /// (`titleBar`, the page's first line) cut at a separator that is the headline's own (`… Pause –
    /// gegen Homophobie in Katar» – Mannschaft`: the bar goes on in lower case), where a line of the
    /// page prints more of the bar from its start (`… Pause – gegen Homophobie in Katar»`). The
    /// longest such line that is not the bar whole, or nil. Only the first 2,000 lines are looked at.
    static func completedFromTitleBar(_ title: String, titleBar: String, in text: [String]) -> String? {
        guard titleBar.utf8.count <= 1_000, titleBar.hasPrefix(title) else { return nil }
        let rest = titleBar.dropFirst(title.count)
        guard let separator = cutSeparators.first(where: { rest.hasPrefix($0) }) else { return nil }
        // The bar goes on in lower case, as a sentence does (`– gegen Homophobie …`), not with a name
        // (`| Polly Toynbee`, `| Bad Astronomy`) or a section.
        guard let next = rest.dropFirst(separator.count).first, next.isLowercase else { return nil }
        let opening = title + separator
        var best: String?
        for line in text.prefix(2_000).dropFirst() where line.utf8.count > opening.utf8.count && line.utf8.count < titleBar.utf8.count {
            guard line.hasPrefix(opening), titleBar.hasPrefix(line), line.utf8.count > best?.utf8.count ?? 0 else { continue }
            // The line ends where the bar's next part starts, not inside a word.
            let after = titleBar.dropFirst(line.count)
            guard cutSeparators.contains(where: { after.hasPrefix($0) }) else { continue }
            best = line
        }
        return best
    }

    /// `Leasing oder Finanzierung`: a headline taken from the title bar (`… » Der große Vergleich |
    /// FINANZCHECK.de`) whose page prints it longer on a line of its own, a dash and a subtitle
    /// that goes on in lower case as a sentence does (`Leasing oder Finanzierung – was lohnt sich
    /// mehr?`): the first such line after the bar whose subtitle has one to twelve words, is none of
    /// the bar's (its site, its slogan) nor holds a `|`, and ends no cut teaser. A line that runs on
    /// without a separator is a teaser's, a date's or a count's as often (`… 12 Dezember, 2015`,
    /// `… 3 Comments`), a part in capitals a section's (`… - Warme Morgenmahlzeit`), and one after a
    /// colon a subheading's (`1000 Euro Kredit: die Vorteile auf einen Blick`). Nil when the
    /// headline is under three words or not the bar's opening. Only the first 2,000 lines are looked at.
    static func printedLonger(_ title: String, titleBar: String, in text: [String]) -> String? {
        guard titleBar.utf8.count <= 1_000, titleBar.hasPrefix(title), titleBar != title,
            Sentences.wordCount(title) >= 3
        else { return nil }
        let bar = foldKey(titleBar)
        let shortest = title.utf8.count + 3
        for line in text.prefix(2_000).dropFirst() where line.utf8.count >= shortest && line.utf8.count <= 200 {
            guard line.hasPrefix(title), line != titleBar else { continue }
            var rest = line.dropFirst(title.count)
            guard let separator = [" – ", " - ", " — "].first(where: { rest.hasPrefix($0) }) else { continue }
            rest = rest.dropFirst(separator.count)
            let words = Sentences.wordCount(String(rest))
            guard rest.first?.isLowercase == true, (1...12).contains(words), !rest.contains("|"), !rest.hasSuffix("…"),
                !rest.hasSuffix("..."),
                case let key = foldKey(String(rest)), !key.isEmpty, !bar.containsUTF8(key)
            else { continue }
            return line
        }
        return nil
    }

    /// Where a line that completes a cut headline goes on with something else (a site, a section).
    static let cutSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « "]

    /// `Vintage-Flair mit viel...`: a headline the title model took from a teaser cut at an
    /// ellipsis, where a line of the page prints it whole (`Vintage-Flair mit viel Grün`). The whole
    /// headline (up to a separator after the cut, as a title bar goes on with its site), or nil. Only
    /// the first 2,000 lines, and lines at most three times as long as the cut, are looked at.
    static func uncut(_ title: String, in text: [String]) -> String? {
        let (stem, ellipsis) = CutHeadline.stem(title)
        guard ellipsis else { return nil }
        guard Sentences.wordCount(String(stem)) >= 3 else { return nil }
        let limit = stem.utf8.count * 3 + 16
        for line in text.prefix(2_000) where line.utf8.count > stem.utf8.count + 1 && line.utf8.count <= limit && line.hasPrefix(stem) {
            var rest = line.dropFirst(stem.count)
            guard rest.first == " " || rest.first?.isLetter == true || rest.first?.isNumber == true else { continue }
            rest = CutHeadline.upToSeparator(rest, separators: Self.cutSeparators)
            let whole = String(stem + rest).trimmingCharacters(in: .whitespaces)
            guard !whole.hasSuffix("…"), !whole.hasSuffix("..."), whole.count > stem.count else { continue }
            return whole
        }
        return nil
    }
}
