import Foundation
import NewsCore

/// A parse reply as it crosses the socket from a worker to the daemon (and a request, the other
/// way): a compact binary form, written and read field by field. JSON through `Codable` cost a
/// worker about a sixth of its time and the daemon as much again to read back; this form costs a
/// copy of the strings.
///
/// Layout (integers little-endian): `offset: Int64`, `error: optional(code, message)`,
/// `articles: count, article…`. A string or `bytes` is a `UInt32` length and that many bytes; an
/// optional is a byte 0 (absent) or 1 followed by the value; a list is a `UInt32` count and its items.
///
/// The reader treats the bytes as hostile (a worker parses hostile files and may have been taken
/// over): every length is checked against what is left, strings must be valid UTF-8, enumerations
/// must name a known case, and anything else is a `FrameError`, never a trap.
enum ReplyWire {
    /// Stored properties of `Article` the layout writes; a test holds it to the type's own count,
    /// so a new field cannot be dropped on the way to the daemon unnoticed.
    static let articleFields = 19

    static func encode(_ reply: ParseReply) -> Data {
        var w = Writer()
        w.bytes.reserveCapacity(
            64 + reply.articles.reduce(0) { $0 + $1.body.reduce(0) { $0 + $1.utf8.count + 4 } + 512 })
        w.int64(reply.offset)
        w.optional(reply.error) { w, error in
            w.string(error.code.rawValue)
            w.string(error.message)
        }
        w.count(reply.articles.count)
        for article in reply.articles { w.article(article) }
        return Data(w.bytes)
    }

    static func decode(_ data: Data) throws(FrameError) -> ParseReply {
        let result: Result<ParseReply, FrameError> = data.withUnsafeBytes { raw in
            var r = Reader(raw)
            do throws(FrameError) {
                let offset = try r.int64()
                let error: ParseError? = try r.optional { r throws(FrameError) in
                    let raw = try r.string()
                    guard let code = ParseError.Code(rawValue: raw) else { throw FrameError("unknown error code \(raw)") }
                    return ParseError(code, try r.string())
                }
                let articles = try r.list { r throws(FrameError) in try r.article() }
                guard r.isAtEnd else { throw FrameError("\(r.remaining) bytes after the reply") }
                return .success(ParseReply(offset: offset, articles: articles, error: error))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// A request the same way: `format`, `size: Int64`, `testFault: optional`.
    static func encode(_ request: ParseRequest) -> Data {
        var w = Writer()
        w.string(request.format.rawValue)
        w.int64(request.size)
        w.optionalString(request.testFault)
        return Data(w.bytes)
    }

    static func decodeRequest(_ data: Data) throws(FrameError) -> ParseRequest {
        let result: Result<ParseRequest, FrameError> = data.withUnsafeBytes { raw in
            var r = Reader(raw)
            do throws(FrameError) {
                let name = try r.string()
                guard let format = InputFormat(rawValue: name) else { throw FrameError("unknown format \(name)") }
                let request = ParseRequest(format: format, size: try r.int64(), testFault: try r.optionalString())
                guard r.isAtEnd else { throw FrameError("\(r.remaining) bytes after the request") }
                return .success(request)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func int64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

        mutating func count(_ n: Int) { withUnsafeBytes(of: UInt32(n).littleEndian) { bytes.append(contentsOf: $0) } }

        mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                count(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            write(&self, value)
        }

        mutating func optionalString(_ s: String?) { optional(s) { $0.string($1) } }

        mutating func strings(_ list: [String]) {
            count(list.count)
            for s in list { string(s) }
        }

        mutating func article(_ a: Article) {
            optionalString(a.title)
            optionalString(a.source)
            optionalString(a.url)
            strings(a.authors)
            optionalString(a.published)
            optionalString(a.updated)
            strings(a.summary)
            strings(a.subheadings)
            strings(a.body)
            strings(a.captions)
            count(a.embeddedPosts.count)
            for post in a.embeddedPosts {
                optionalString(post.author)
                optionalString(post.handle)
                optionalString(post.date)
                string(post.text)
            }
            string(a.kind.rawValue)
            strings(a.people)
            strings(a.places)
            strings(a.organisations)
            count(a.quotes.count)
            for quote in a.quotes {
                optionalString(quote.speaker)
                string(quote.text)
            }
            optionalString(a.language)
            int64(Int64(a.wordCount))
            string(a.contentHash)
        }
    }

    struct Reader {
        let raw: UnsafeRawBufferPointer
        var at = 0

        init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

        var remaining: Int { raw.count - at }
        var isAtEnd: Bool { at == raw.count }

        mutating func take(_ n: Int) throws(FrameError) -> UnsafeRawBufferPointer {
            guard n >= 0, n <= remaining else { throw FrameError("field of \(n) bytes past the end of the reply") }
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: raw[at..<at + n])
        }

        mutating func int64() throws(FrameError) -> Int64 {
            let b = try take(8)
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(b[k]) << (8 * UInt64(k)) }
            return Int64(bitPattern: v)
        }

        mutating func count() throws(FrameError) -> Int {
            let b = try take(4)
            return Int(b[0]) | Int(b[1]) << 8 | Int(b[2]) << 16 | Int(b[3]) << 24
        }

        mutating func string() throws(FrameError) -> String {
            let b = try take(try count())
            guard let s = String(validating: b.bindMemory(to: UInt8.self), as: UTF8.self) else {
                throw FrameError("a string that is not UTF-8")
            }
            return s
        }

        mutating func optional<T>(_ read: (inout Reader) throws(FrameError) -> T) throws(FrameError) -> T? {
            switch try take(1)[0] {
            case 0: return nil
            case 1: return try read(&self)
            case let tag: throw FrameError("optional tag \(tag)")
            }
        }

        mutating func optionalString() throws(FrameError) -> String? { try optional { r throws(FrameError) in try r.string() } }

        /// A list: its count can be no larger than the bytes left, so a forged count cannot make the
        /// reader reserve memory the reply does not hold.
        mutating func list<T>(_ read: (inout Reader) throws(FrameError) -> T) throws(FrameError) -> [T] {
            let n = try count()
            guard n <= remaining else { throw FrameError("list of \(n) items in \(remaining) bytes") }
            var items: [T] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try read(&self)) }
            return items
        }

        mutating func strings() throws(FrameError) -> [String] { try list { r throws(FrameError) in try r.string() } }

        mutating func article() throws(FrameError) -> Article {
            var a = Article()
            a.title = try optionalString()
            a.source = try optionalString()
            a.url = try optionalString()
            a.authors = try strings()
            a.published = try optionalString()
            a.updated = try optionalString()
            a.summary = try strings()
            a.subheadings = try strings()
            a.body = try strings()
            a.captions = try strings()
            a.embeddedPosts = try list { r throws(FrameError) in
                Article.EmbeddedPost(
                    author: try r.optionalString(), handle: try r.optionalString(), date: try r.optionalString(),
                    text: try r.string())
            }
            let kind = try string()
            guard let known = Article.Kind(rawValue: kind) else { throw FrameError("unknown article kind \(kind)") }
            a.kind = known
            a.people = try strings()
            a.places = try strings()
            a.organisations = try strings()
            a.quotes = try list { r throws(FrameError) in Article.Quote(speaker: try r.optionalString(), text: try r.string()) }
            a.language = try optionalString()
            let words = try int64()
            guard words >= 0, words <= Int64(Int32.max) else { throw FrameError("word count \(words)") }
            a.wordCount = Int(words)
            a.contentHash = try string()
            return a
        }
    }
}
