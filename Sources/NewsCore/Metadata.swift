import Foundation

/// Fields stated explicitly by the file (front matter, `Title:` header lines, JSON keys); they win
/// over anything guessed from the text.
struct Metadata: Sendable, Equatable {
    var title: String?
    var source: String?
    var url: String?
    var authors: [String]?
    var published: String?
    var updated: String?
    var language: String?

    /// Reads one `key: value` pair; returns false when the key is not a metadata key.
    mutating func set(key rawKey: String, value rawValue: String) -> Bool {
        let key = rawKey.lowercased().trimming(" \t")
        var value = rawValue.trimming(" \t")
        if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            value = String(value.dropFirst().dropLast())
        }
        switch key {
        case "title", "headline": title = value.isEmpty ? nil : value
        case "source", "publisher", "outlet", "site", "source_domain": source = value.isEmpty ? nil : value
        case "url", "link", "canonical", "canonical_url": url = value.isEmpty ? nil : value
        case "author", "authors", "by", "byline":
            authors = Metadata.splitAuthors(value)
        case "published", "date", "date_publish", "published_at", "pubdate", "datetime":
            published = DatelineParser.parse(Substring(value))
        case "updated", "date_modify", "modified", "updated_at", "last_modified":
            updated = DatelineParser.parse(Substring(value))
        case "language", "lang": language = value.isEmpty ? nil : String(value.prefix(2)).lowercased()
        default: return false
        }
        return true
    }

    /// `A, B and C` / `[A, B]` → names. Another language's `and` (`Monika Bolliger und Anna
    /// Trechsel`, `… og …`) parts two names only where a name of two words or more stands on each
    /// side of it: one inside a name (`José Ortega y Gasset`, `João Ferreira e Silva`) stays.
    static func splitAuthors(_ value: String) -> [String] {
        var v = value
        if v.hasPrefix("["), v.hasSuffix("]") { v = String(v.dropFirst().dropLast()) }
        if v.lowercased().hasPrefix("by ") { v = String(v.dropFirst(3)) }
        var out: [String] = []
        let parts = v.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",")
            .split(separator: ",").flatMap { splitAtJoiner(String($0)) }
        for part in parts {
            var name = part.trimming(" \t\"'")
            if name.isEmpty { continue }
            if let bare = Byline.cleanName(name) { name = bare } else if !out.isEmpty { continue }
            if !out.contains(name) { out.append(name) }
        }
        return out
    }
}

extension Metadata {
    /// `and` in the languages whose bylines newsd reads, besides English's.
    static let joiners = [" und ", " og ", " och ", " en ", " et ", " y ", " e ", " i ", " és ", " ve "]

    /// A part of an author field split at another language's `and` when two words or more stand on
    /// each side, capitalised next to it (`Monika Bolliger und Anna Trechsel`, not `Zone Justice et
    /// faits divers`); else the part whole.
    static func splitAtJoiner(_ part: String) -> [String] {
        for joiner in joiners {
            guard let r = part.range(of: joiner) else { continue }
            let left = part[..<r.lowerBound].split(separator: " ")
            let right = part[r.upperBound...].split(separator: " ")
            guard left.count >= 2, right.count >= 2, right[0].first?.isUppercase == true,
                left[left.count - 1].first?.isUppercase == true
            else { continue }
            return [String(part[..<r.lowerBound])] + splitAtJoiner(String(part[r.upperBound...]))
        }
        return [part]
    }
}

extension String {
    /// The text without the given leading and trailing characters.
    func trimming(_ set: String) -> String {
        let chars = set.unicodeScalars
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, chars.contains(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, chars.contains(l) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
