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

    /// `A, B and C` / `[A, B]` → names.
    static func splitAuthors(_ value: String) -> [String] {
        var v = value
        if v.hasPrefix("["), v.hasSuffix("]") { v = String(v.dropFirst().dropLast()) }
        if v.lowercased().hasPrefix("by ") { v = String(v.dropFirst(3)) }
        var out: [String] = []
        for part in v.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",")
            .split(separator: ",")
        {
            var name = String(part).trimming(" \t\"'")
            if name.isEmpty { continue }
            if let bare = Byline.cleanName(name) { name = bare } else if !out.isEmpty { continue }
            if !out.contains(name) { out.append(name) }
        }
        return out
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
