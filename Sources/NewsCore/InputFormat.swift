/// How a file's bytes are to be read: plain text, one JSON record, or one JSON record per line.
public enum InputFormat: String, Sendable, Codable {
    case text
    case json
    case jsonLines = "jsonl"

    /// The format a file name implies: `.json` → `json`, `.jsonl` / `.ndjson` → `jsonLines`, else `text`.
    public init(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if lower.hasSuffix(".json") {
            self = .json
        } else {
            self = .text
        }
    }
}
