import Foundation

/// A news-please / trafilatura style record (`title`, `maintext` or `text`, `authors`,
/// `date_publish`, `source_domain`, `url`, `language`): explicit fields become metadata, the text
/// goes through the same line analysis as a plain-text page.
struct JSONRecord {
    var metadata = Metadata()
    var text: String = ""

    /// Parses one record. `line` is the 1-based line number in a `.jsonl` file, for the error message.
    static func parse(_ bytes: [UInt8], line: Int?) throws(ParseError) -> JSONRecord {
        let place = line.map { "line \($0): " } ?? ""
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw ParseError(.invalidJSON, place + "not valid JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw ParseError(.invalidJSON, place + "expected a JSON object with the article's fields")
        }
        var record = JSONRecord()
        func string(_ keys: [String]) -> String? {
            for key in keys {
                if let s = dict[key] as? String, !s.trimming(" \n\t").isEmpty { return s }
            }
            return nil
        }
        record.text = string(["maintext", "text", "content", "body", "raw_text", "article"]) ?? ""
        if record.text.isEmpty, let list = dict["body"] as? [String] { record.text = list.joined(separator: "\n") }
        record.metadata.title = string(["title", "headline"]).map { TextExtractor.clean($0) }
        guard record.metadata.title != nil || !record.text.isEmpty else {
            throw ParseError(.invalidJSON, place + "record has neither a title nor a text")
        }
        if let list = dict["authors"] as? [Any] {
            record.metadata.authors = list.compactMap { $0 as? String }.map { TextExtractor.clean($0) }
                .filter { !$0.isEmpty }
        } else if let single = string(["authors", "author", "byline"]) {
            record.metadata.authors = Metadata.splitAuthors(single)
        }
        for key in ["date_publish", "published", "date", "date_published", "pubdate"] {
            if let s = dict[key] as? String, let value = recordDate(s) {
                record.metadata.published = value
                break
            }
        }
        for key in ["date_modify", "updated", "date_modified"] {
            if let s = dict[key] as? String, let value = recordDate(s) {
                record.metadata.updated = value
                break
            }
        }
        if let source = string(["source", "sitename", "site_name", "publisher"]) {
            record.metadata.source = source
        } else if let domain = string(["source_domain", "hostname", "domain"]) {
            var d = domain.lowercased()
            if d.hasPrefix("www.") { d.removeFirst(4) }
            record.metadata.source = Gazetteer.domains[d] ?? domain
        }
        record.metadata.url = string(["url", "source_url", "link"])
        if let language = string(["language", "lang"]) { record.metadata.language = String(language.prefix(2)).lowercased() }
        return record
    }

    /// A record's date field. news-please writes `2025-05-19 16:13:00`, a time without a zone: the time
    /// is kept, read as UTC, rather than cut to the day. A day followed by a time no reader takes
    /// (`2022-01-10T22:06:08:684Z`) is the day.
    static func recordDate(_ raw: String) -> String? {
        let text = raw.trimming(" \t")
        guard let value = DatelineParser.parse(Substring(text)) ?? leadingDay(text) else { return nil }
        if value.utf8.count == 10, text.utf8.count >= 16, let instant = DatelineParser.parseISO(Substring(text + "Z")) {
            return instant
        }
        return value
    }

    /// The ISO day that opens `text` when a time follows it (`T` or a space, or a zone's name run in:
    /// `2018-11-28CET11:59:00+0100`), else nil.
    static func leadingDay(_ text: String) -> String? {
        let head = text.utf8.prefix(11)
        guard head.count == 11, let next = head.last, next == 0x20 || next | 0x20 >= 0x61 && next | 0x20 <= 0x7A else { return nil }
        return DatelineParser.parseISO(Substring(text).prefix(10))
    }

    /// The record as an article.
    func article(aliases: EntityAliases) -> Article? {
        var lines: [String] = []
        text.enumerateLines { line, _ in lines.append(line) }
        return TextExtractor(lines: lines, metadata: metadata, aliases: aliases, readsHeader: false).article()
    }
}
