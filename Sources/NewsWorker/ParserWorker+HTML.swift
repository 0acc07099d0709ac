import Foundation
import NewsCore
import NewsHTML
import SystemPackage

/// Web pages in the worker: an `.html` file, or a text file whose first bytes are a page, is read
/// whole by the HTML reader. Like every file, a page that grows or is saved again is read again
/// from its first byte and becomes the article's next revision.
extension ParserWorkerMain {
    /// A small page that loads the HTML reader's tables and Foundation's charset converters before
    /// the sandbox closes.
    static let warmUpPage = """
        <html lang="en"><head><meta charset="windows-1251"><title>Talks resume | Example</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume","datePublished":"2025-05-19T10:00:00+01:00",
        "author":{"@type":"Person","name":"Jane Doe"}}</script></head><body><article><h1>Talks resume</h1>
        <p>Diplomats met in Geneva on Monday, officials said. "We are ready," one told reporters.</p></article></body></html>
        """

    /// Reads the warm-up page once.
    static func warmUpHTML() {
        _ = try? HTMLReader.articles(Array(warmUpPage.utf8))
        _ = String(bytes: [0xCF, 0xF0], encoding: .windowsCP1251)
    }

    /// The reply for a page, or nil when the request is not for one (the text parser takes it).
    static func htmlReply(_ request: ParseRequest, file: FileDescriptor, aliases: EntityAliases) -> ParseReply? {
        guard request.format == .html || request.format == .text else { return nil }
        do {
            if request.format == .text {
                let head = try read(file, from: 0, count: Int(min(request.size, 4096)))
                guard HTMLReader.looksLikeHTML(head) else { return nil }
            }
            let bytes = try read(file, from: 0, count: Int(min(request.size, Int64(HTMLReader.maxBytes))))
            let articles = try HTMLReader.articles(bytes, aliases: aliases)
            return ParseReply(offset: Int64(bytes.count), articles: articles)
        } catch let error as ParseError {
            return ParseReply(offset: 0, articles: [], error: error)
        } catch {
            return ParseReply(offset: 0, articles: [], error: ParseError(.undecodable, "unreadable: \(error)"))
        }
    }

    /// Up to `count` bytes from `offset`; fewer when the file was truncated while read.
    private static func read(_ file: FileDescriptor, from offset: Int64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try buffer.withUnsafeMutableBytes { raw in
                try file.read(
                    fromAbsoluteOffset: offset + Int64(filled), into: UnsafeMutableRawBufferPointer(rebasing: raw[filled..<count]),
                    retryOnInterrupt: true)
            }
            if n == 0 { break }
            filled += n
        }
        return Array(buffer[0..<filled])
    }
}
