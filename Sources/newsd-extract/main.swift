import Foundation
import NewsCore
import NewsHTML

// newsd-extract FILE…: one JSON line per file, {"file", "ms", "article"} or {"file", "error"}, the
// file read in the format its name implies (HTML by the HTML reader, text and JSON by the parser
// the daemon's workers run). `ms` covers decoding, parsing, extraction and analysis, not reading
// the file; for a page, `extract_ms` is the part before the analysis (decoding, gumbo's parse,
// metadata and main content: what an extractor such as trafilatura does) and `parse_ms` the part
// before metadata and main content (decoding and gumbo's parse).
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
var failures: Int32 = 0
let paths = Array(CommandLine.arguments.dropFirst())
if paths.first == "--title-candidates" {
    for path in paths.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        var parser = ArticleParser(format: .text)
        guard (try? parser.consume([UInt8](data))) != nil, let found = try? parser.titleCandidates() else { continue }
        let candidates: [[String: Any]] = found.map { ["text": $0.text, "line": $0.line ?? -1, "features": $0.features] }
        let out = try JSONSerialization.data(withJSONObject: ["file": path, "candidates": candidates], options: [.sortedKeys])
        FileHandle.standardOutput.write(out + Data("\n".utf8))
    }
    exit(0)
}
for path in paths {
    var line: [String: Any] = ["file": path]
    if let data = FileManager.default.contents(atPath: path) {
        let bytes = [UInt8](data)
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let format = InputFormat(fileName: path)
            let articles: [Article]
            if format == .html {
                // HTMLReader.articles step by step (keep the two alike), each step timed.
                let text = try HTMLReader.decode(bytes.count > HTMLReader.maxBytes ? Array(bytes.prefix(HTMLReader.maxBytes)) : bytes)
                let document = HTMLDocument(utf8: text)
                let parsed = DispatchTime.now().uptimeNanoseconds
                let page = HTMLReader.page(document)
                let extracted = DispatchTime.now().uptimeNanoseconds
                articles = page.article(aliases: .builtin).map { [$0] } ?? []
                line["parse_ms"] = Double(parsed - start) / 1e6
                line["extract_ms"] = Double(extracted - start) / 1e6
            } else {
                var parser = ArticleParser(format: format)
                try parser.consume(bytes)
                articles = try parser.articles()
            }
            line["ms"] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if let article = articles.first, let json = try? encoder.encode(article) {
                line["article"] = try? JSONSerialization.jsonObject(with: json)
            } else {
                line["article"] = NSNull()
            }
        } catch {
            line["error"] = "\(error)"
        }
    } else {
        line["error"] = "unreadable"
        failures += 1
    }
    let out = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
    FileHandle.standardOutput.write(out + Data("\n".utf8))
}
exit(failures == 0 ? 0 : 1)
