/// How a file's bytes are to be read: plain text, one JSON record, one JSON record per line, or an
/// HTML page (read whole by the HTML reader in the parser workers; `ArticleParser` reads it as text).
public enum InputFormat: String, Sendable, Codable {
    case text
    case json
    case jsonLines = "jsonl"
    case html

    /// The format a file name implies: `.json` → `json`, `.jsonl` / `.ndjson` → `jsonLines`,
    /// `.html` / `.htm` / `.xhtml` → `html`, else `text`.
    public init(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") {
            self = .html
        } else {
            self = .text
        }
    }
}
