import Foundation
import NewsCore

/// What the daemon asks a parser worker to do with the file descriptor that comes with it.
package struct ParseRequest: Sendable, Codable, Equatable {
    /// How to read the bytes (text, JSON, JSON lines).
    package var format: InputFormat
    /// How far to read, from the file's first byte (the size `fstat` saw when the daemon opened the file).
    package var size: Int64
    /// Fault injection for the daemon's own tests, honoured only by debug builds: `crash`,
    /// `allocate` or `hang`.
    package var testFault: String?

    /// Creates a request.
    package init(format: InputFormat, size: Int64, testFault: String? = nil) {
        self.format = format
        self.size = size
        self.testFault = testFault
    }
}

/// What a worker answers for one file.
package struct ParseReply: Sendable, Equatable {
    /// The byte offset parsed up to (the new committed offset).
    package var offset: Int64
    /// Every article the file yields now.
    package var articles: [Article]
    /// Set when the bytes are not an article (binary, undecodable, broken JSON): the quarantine reason.
    package var error: ParseError?

    /// Creates a reply.
    package init(offset: Int64, articles: [Article], error: ParseError? = nil) {
        self.offset = offset
        self.articles = articles
        self.error = error
    }
}

/// The one-time set-up a worker gets before its first request.
struct WorkerSetup: Codable {
    /// Extra entity name variants (the operator's `aliases_file`), as its JSON; nil for the built-in ones.
    var aliases: Data?
}

/// Frames: a payload travels as a first message of its 8-byte length and up to `chunk` − 8 bytes
/// of it (carrying the file descriptor, when there is one), followed by messages of at most `chunk`
/// bytes, over a SOCK_SEQPACKET socketpair, which keeps message boundaries and never merges two frames.
enum Frame {
    /// Largest message: well under the socket's send buffer.
    static let chunk = 64 * 1024
    /// Longest payload a peer accepts by default (requests are small; the daemon sets a reply's
    /// limit from the file's size, see `WorkerLimits.replyLimit`).
    static let maxPayload = 64 << 20

    /// `[UInt32 length of header][header JSON][blob]`.
    static func payload(header: some Encodable, blob: [Data] = []) throws -> Data {
        let json = try JSONEncoder().encode(header)
        var data = Data(capacity: 4 + json.count + blob.reduce(0) { $0 + $1.count })
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for part in blob { data.append(part) }
        return data
    }

    /// Splits a payload into its header and the bytes after it.
    static func split<Header: Decodable>(_ data: Data, as: Header.Type) throws -> (Header, Data) {
        guard data.count >= 4 else { throw FrameError("frame shorter than its length field") }
        let length = data.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length <= data.count - 4 else { throw FrameError("header length \(length) past the frame") }
        let start = data.startIndex + 4
        let header = try JSONDecoder().decode(Header.self, from: data[start..<start + length])
        return (header, Data(data[(start + length)...]))
    }
}

/// A frame that does not follow the protocol (a worker that was compromised or died mid-write).
package struct FrameError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
