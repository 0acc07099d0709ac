import Foundation
import NewsCore
import NewsHTML

// newsd-extract [--repeat N] FILE… (or `-`: the paths on standard input): one JSON line per file,
// {"file", "ms", "article"} or {"file", "error"}, the file read in the format its name implies
// (HTML by the HTML reader, text and JSON by the parser the daemon's workers run). `ms` covers
// decoding, parsing, extraction and analysis, not reading the file; for a page, `extract_ms` is the
// part before the analysis (decoding, gumbo's parse, metadata and main content: what an extractor
// such as trafilatura does) and `parse_ms` the part before metadata and main content (decoding and
// gumbo's parse).
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
/// One file's articles and the nanoseconds its steps took: the whole reading, and for a page the
/// parse and the extraction before the analysis.
func read(_ bytes: [UInt8], format: InputFormat) throws -> (articles: [Article], full: UInt64, parse: UInt64?, extract: UInt64?) {
    let start = DispatchTime.now().uptimeNanoseconds
    if format == .html {
        // HTMLReader.articles step by step (keep the two alike), each step timed.
        let text = try HTMLReader.decode(bytes.count > HTMLReader.maxBytes ? Array(bytes.prefix(HTMLReader.maxBytes)) : bytes)
        let document = HTMLDocument(utf8: text)
        let parsed = DispatchTime.now().uptimeNanoseconds
        let page = HTMLReader.page(document, text: text)
        let extracted = DispatchTime.now().uptimeNanoseconds
        let articles = page.article(aliases: .builtin).map { [$0] } ?? []
        return (articles, DispatchTime.now().uptimeNanoseconds - start, parsed - start, extracted - start)
    }
    var parser = ArticleParser(format: format)
    try parser.consume(bytes)
    let articles = try parser.articles()
    return (articles, DispatchTime.now().uptimeNanoseconds - start, nil, nil)
}

// `--repeat N`: each file read N times and the fastest time of each step reported (on a busy
// machine the fastest of a few readings is the steadier number).
var repeats = 1
var files = paths[...]
if files.first == "--repeat", files.count >= 2, let n = Int(files[files.startIndex + 1]), n >= 1 {
    repeats = n
    files = files.dropFirst(2)
}
// `-` alone: the paths come on standard input, one per line, and each answer is written as soon as
// its file is read, so that a caller can time another extractor on the same page right after
// newsd's (the two then see the same machine, where two runs minutes apart may not).
let fromInput = files.count == 1 && files.first == "-"
let pathSource = AnyIterator<String> {
    if fromInput { return readLine(strippingNewline: true) }
    return files.popFirst()
}
for path in pathSource {
    var line: [String: Any] = ["file": path]
    if let data = FileManager.default.contents(atPath: path) {
        let bytes = [UInt8](data)
        do {
            let format = InputFormat(fileName: path)
            var result = try read(bytes, format: format)
            for _ in 1..<repeats {
                let again = try read(bytes, format: format)
                result.full = min(result.full, again.full)
                if let p = again.parse { result.parse = min(result.parse ?? p, p) }
                if let e = again.extract { result.extract = min(result.extract ?? e, e) }
            }
            line["ms"] = Double(result.full) / 1e6
            if let parse = result.parse { line["parse_ms"] = Double(parse) / 1e6 }
            if let extract = result.extract { line["extract_ms"] = Double(extract) / 1e6 }
            if let article = result.articles.first, let json = try? encoder.encode(article) {
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
