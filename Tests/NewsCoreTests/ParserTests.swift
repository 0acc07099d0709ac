import Foundation
import Testing
@testable import NewsCore

@Suite struct ParserTests {
    @Test(arguments: TestSupport.seedNames)
    func seedsParseAlikeInAnyChunking(name: String) throws {
        let bytes = try TestSupport.seed(name)
        let whole = try TestSupport.parse(bytes)
        let expected = try whole.articles()
        #expect(expected.count == 1)
        // Every line boundary.
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let split = try TestSupport.parse(bytes, splits: [index + 1])
            #expect(split.state == whole.state)
            #expect(try split.articles() == expected)
        }
        // Pseudo-random byte offsets, including inside UTF-8 sequences, and a one-byte-at-a-time feed.
        var rng = SplitMix(seed: UInt64(bytes.count))
        for _ in 0..<20 {
            let cuts = (0..<3).map { _ in Int(rng.next() % UInt64(bytes.count)) }
            let split = try TestSupport.parse(bytes, splits: cuts)
            #expect(split.state == whole.state)
            #expect(try split.articles() == expected)
        }
        for (index, byte) in bytes.enumerated() where byte >= 0xC0 {
            let split = try TestSupport.parse(bytes, splits: [index + 1])
            #expect(split.state == whole.state)
            break
        }
        var single = ArticleParser(format: .text)
        for byte in bytes { try single.consume([byte]) }
        #expect(single.state == whole.state)
    }

    /// Found by the parser fuzz target: a UTF-16 chunk that ended inside the LF unit of a CRLF
    /// dropped the CR's claim on it, so the chunked parse saw one more (empty) line.
    @Test(arguments: [TextEncoding.utf16LE, .utf16BE])
    func utf16CRLFParsesAlikeWhereverAChunkEnds(encoding: TextEncoding) throws {
        let text = "Harbour bridge approved\r\nBy Ana Lima\r\nThe council voted on Monday to build the bridge.\r\n"
        var bytes: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += encoding == .utf16LE ? pair : pair.reversed()
        }
        let whole = try TestSupport.parse(bytes)
        #expect(whole.state.lines.count == 3)
        for cut in 1..<bytes.count {
            let split = try TestSupport.parse(bytes, splits: [cut])
            #expect(split.state == whole.state, "cut at \(cut)")
            #expect(split.state.lines == whole.state.lines, "cut at \(cut)")
        }
    }

    /// A file of one line with no sentence end (a minified script, a log line, a page rendered as one
    /// line): the title is cut to a headline's size, and the line stays in the body whole, so that
    /// none of its text is lost to search.
    @Test func aLongLineWithNoSentenceEndIsNoTitleOfAnyLength() throws {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
        let line = (0..<20_000).map { words[$0 * 7 % words.count] }.joined(separator: " ")
        let article = try #require(try TestSupport.article(line + "\n"))
        let title = try #require(article.title)
        #expect(title.count <= TextExtractor.maxTitleCharacters)
        #expect(title.hasPrefix("alpha theta eta zeta"))
        #expect(title.hasSuffix("…"))
        #expect(article.body == [line])
        // A title of ordinary length is left as it is.
        let short = try #require(try TestSupport.article("Council approves the budget\nThe council met on Tuesday.\n"))
        #expect(short.title == "Council approves the budget")
    }

    @Test func savedStateResumes() throws {
        let bytes = try TestSupport.seed("000_edc18a25d3498dcf.txt")
        let whole = try TestSupport.parse(bytes)
        var first = ArticleParser(format: .text)
        try first.consume(bytes[0..<5000])
        let saved = try JSONEncoder().encode(first.state)
        var resumed = ArticleParser(resuming: try JSONDecoder().decode(ArticleParser.State.self, from: saved))
        try resumed.consume(bytes[5000...])
        #expect(resumed.state == whole.state)
        #expect(try resumed.articles() == whole.articles())
    }

    @Test func compactStateRoundTrips() throws {
        let bytes = try TestSupport.seed("000_edc18a25d3498dcf.txt")
        let whole = try TestSupport.parse(bytes)
        // Cut inside a line, so the state holds pending bytes as well as finished lines.
        var first = ArticleParser(format: .text)
        try first.consume(bytes[0..<5001])
        let saved = first.state.serialized()
        let restored = try #require(ArticleParser.State(serialized: saved))
        #expect(restored == first.state)
        var resumed = ArticleParser(resuming: restored)
        try resumed.consume(bytes[5001...])
        #expect(resumed.state == whole.state)
        #expect(try resumed.articles() == whole.articles())
        // A state saved as JSON by an earlier version is still read.
        let legacy = try JSONEncoder().encode(first.state)
        #expect(ArticleParser.State(serialized: legacy) == first.state)
        // Empty lines, a JSON file's raw bytes with their line ends, and an empty state survive too.
        var json = ArticleParser(format: .json)
        try json.consume(Array("{\"title\": \"A\",\n\n \"body\": \"B\"}".utf8))
        #expect(ArticleParser.State(serialized: json.state.serialized()) == json.state)
        var blanks = ArticleParser(format: .text)
        try blanks.consume(Array("Title\n\n\nBody\n".utf8))
        #expect(ArticleParser.State(serialized: blanks.state.serialized()) == blanks.state)
        let empty = ArticleParser(format: .jsonLines).state
        #expect(ArticleParser.State(serialized: empty.serialized()) == empty)
    }

    @Test func damagedSavedStateIsRefused() throws {
        var parser = ArticleParser(format: .text)
        try parser.consume(Array("Title\nBody line\nMore".utf8))
        let saved = parser.state.serialized()
        #expect(ArticleParser.State(serialized: Data()) == nil)
        #expect(ArticleParser.State(serialized: Data("not a state".utf8)) == nil)
        #expect(ArticleParser.State(serialized: saved.prefix(saved.count - 6)) == nil)  // lines cut off
        var extraLine = saved
        extraLine.append(contentsOf: Array("\nsurplus".utf8))
        #expect(ArticleParser.State(serialized: extraLine) == nil)
        // Counts that add up but are negative (found by fuzzing: a forged row once trapped the reader).
        let forged = Data("newsd-parser-state 1 text utf8 40 0 0 0 7 3 -1\n".utf8) + Data([0xB9]) + Data("Byane".utf8)
        #expect(ArticleParser.State(serialized: forged) == nil)
        let negativeOffset = Data("newsd-parser-state 1 text utf8 -5 0 0 0 0 0 0\n".utf8)
        #expect(ArticleParser.State(serialized: negativeOffset) == nil)
        // More control bytes than bytes consumed (found by fuzzing: the binary check multiplied the
        // forged count and trapped), and an offset past any file.
        let forgedControl = Data("newsd-parser-state 1 text utf8 40 0 2049638230412172400 0 0 0 0\n".utf8)
        #expect(ArticleParser.State(serialized: forgedControl) == nil)
        let hugeOffset = Data("newsd-parser-state 1 text utf8 9223372036854775800 0 0 0 0 0 0\n".utf8)
        #expect(ArticleParser.State(serialized: hugeOffset) == nil)
        let plausible = Data("newsd-parser-state 1 text utf8 40 0 2 40 0 0 0\n".utf8)
        #expect(ArticleParser.State(serialized: plausible) != nil)
    }

    @Test func partialLineCountsButStaysPending() throws {
        var parser = ArticleParser(format: .text)
        try parser.consume(Array("Headline\nFirst para".utf8))
        #expect(try parser.articles().first?.body == ["First para"])
        try parser.consume(Array("graph continues.\n".utf8))
        #expect(try parser.articles().first?.body == ["First paragraph continues."])
    }

    @Test func articlesDoesNotMutate() throws {
        let parser = try TestSupport.parse(Array("Headline\nBody".utf8))
        let before = parser.state
        _ = try parser.articles()
        #expect(parser.state == before)
    }

    @Test(arguments: ["", "   \n\n \t \n"])
    func blankIsNotAnArticleYet(text: String) throws {
        #expect(try TestSupport.parse(Array(text.utf8)).articles().isEmpty)
    }

    static let sample = "Café talks resume\nThe minister said “it’s over” – for now.\n"

    @Test func utf8WithBOM() throws {
        let article = try #require(try TestSupport.parse([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8)).articles().first)
        #expect(article.title == "Café talks resume")
    }

    @Test(arguments: [true, false])
    func utf16WithBOM(littleEndian: Bool) throws {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in Self.sample.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let whole = try TestSupport.parse(bytes)
        let article = try #require(try whole.articles().first)
        #expect(article.title == "Café talks resume")
        #expect(article.body == ["The minister said “it’s over” – for now."])
        for cut in 1..<bytes.count { #expect(try TestSupport.parse(bytes, splits: [cut]).state == whole.state) }
    }

    @Test func windows1252AndLatin1() throws {
        // “it’s” and – in Windows-1252, é in both.
        let cp1252: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" talks resume\nThe minister said ".utf8)
            + [0x93] + Array("it".utf8) + [0x92] + Array("s over".utf8) + [0x94, 0x20, 0x96] + Array(" for now.\n".utf8)
        let article = try #require(try TestSupport.parse(cp1252).articles().first)
        #expect(article.title == "Café talks resume")
        #expect(article.body == ["The minister said “it’s over” – for now."])
    }

    @Test(arguments: ["\r\n", "\r"])
    func lineEnds(ending: String) throws {
        let text = Self.sample.replacingOccurrences(of: "\n", with: ending)
        let bytes = Array(text.utf8)
        let whole = try TestSupport.parse(bytes)
        let article = try #require(try whole.articles().first)
        #expect(article.title == "Café talks resume")
        #expect(article.body.count == 1)
        for cut in 1..<bytes.count { #expect(try TestSupport.parse(bytes, splits: [cut]).state == whole.state) }
    }

    @Test func nulIsBinary() {
        #expect(throws: ParseError.self) { try TestSupport.parse(Array("Headline\nBo".utf8) + [0] + Array("dy".utf8)) }
        do {
            _ = try TestSupport.parse([0x41, 0x00])
        } catch let error as ParseError {
            #expect(error.code == .binary)
            #expect(error.message.contains("NUL"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func controlBytesAreBinary() throws {
        var rng = SplitMix(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next() % 255 + 1) }
        #expect(throws: ParseError(.binary, "")) {
            do { _ = try TestSupport.parse(bytes).articles() } catch let e as ParseError { throw ParseError(e.code, "") }
        }
    }

    @Test func jsonRecord() throws {
        let json = """
            {"title": "Talks resume", "maintext": "First paragraph.\\nSecond paragraph.", "authors": ["Jane Doe"],
             "date_publish": "2025-05-19T17:13:00+01:00", "source_domain": "www.reuters.com", "url": "https://x/y",
             "language": "en"}
            """
        let article = try #require(try TestSupport.article(json, format: .json))
        #expect(article.title == "Talks resume")
        #expect(article.body == ["First paragraph.", "Second paragraph."])
        #expect(article.authors == ["Jane Doe"])
        #expect(article.published == "2025-05-19T16:13:00Z")
        #expect(article.source == "Reuters")
        #expect(article.url == "https://x/y")
    }

    @Test func jsonLinesGiveOneArticlePerRecord() throws {
        let lines = #"{"title": "One", "text": "Body one."}"# + "\n" + #"{"title": "Two", "text": "Body two."}"# + "\n"
        let articles = try TestSupport.parse(Array(lines.utf8), format: .jsonLines).articles()
        #expect(articles.map(\.title) == ["One", "Two"])
    }

    @Test func badJSONLineNamesItsNumber() {
        let lines = #"{"title": "One", "text": "Body one."}"# + "\n{oops\n"
        do {
            _ = try TestSupport.parse(Array(lines.utf8), format: .jsonLines).articles()
            Issue.record("expected an error")
        } catch let error as ParseError {
            #expect(error.code == .invalidJSON)
            #expect(error.message.contains("line 2"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func inputFormatFromFileName() {
        #expect(InputFormat(fileName: "a.JSON") == .json)
        #expect(InputFormat(fileName: "a.ndjson") == .jsonLines)
        #expect(InputFormat(fileName: "a.txt") == .text)
        #expect(InputFormat(fileName: "page.HTML") == .html)
        #expect(InputFormat(fileName: "page.htm") == .html)
        #expect(InputFormat(fileName: "page.xhtml") == .html)
        #expect(InputFormat(fileName: "notes.html.txt") == .text)
    }
}

/// A small deterministic random generator for split offsets.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
