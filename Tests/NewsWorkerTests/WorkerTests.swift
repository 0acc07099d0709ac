import CNewsLinux
import Foundation
import Glibc
import NewsCore
import SystemPackage
import Testing

@testable import NewsWorker

/// The worker's parsing and its frames, in process. The end-to-end tests run real workers.
@Suite struct WorkerTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    static func open(_ data: [UInt8]) throws -> FileDescriptor {
        let fd = memfd()
        _ = try fd.writeAll(data)
        return fd
    }

    static func memfd() -> FileDescriptor {
        FileDescriptor(rawValue: memfd_create_shim())
    }

    @Test func aWorkerParsesASeedLikeTheParserDoes() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent("003_03a027c79ce3cc39.txt")))
        var direct = ArticleParser(format: .text)
        try direct.consume(bytes)
        let expected = try direct.articles()
        let fd = try Self.open(bytes)
        defer { try? fd.close() }
        let reply = ParserWorkerMain.handle(
            ParseRequest(format: .text, size: Int64(bytes.count)), file: fd, aliases: .builtin)
        #expect(reply.error == nil)
        #expect(reply.articles == expected)
        #expect(reply.offset == Int64(bytes.count))
        // Through the frame encoding, as the daemon receives it.
        let decoded = try ParserWorkerMain.decode(ParserWorkerMain.encode(reply))
        #expect(decoded == reply)
    }

    /// A request reads the file from its first byte up to the size it names: a file that grew is
    /// read whole again, and its first half gives what the first half alone gives.
    @Test func aRequestReadsFromTheFirstByteToItsSize() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent("001_21c871b8396f508a.txt")))
        let cut = try #require(bytes[..<(bytes.count / 2)].lastIndex(of: 0x0A)) + 1
        let fd = try Self.open(bytes)
        defer { try? fd.close() }
        let first = ParserWorkerMain.handle(ParseRequest(format: .text, size: Int64(cut)), file: fd, aliases: .builtin)
        var half = ArticleParser(format: .text)
        try half.consume(bytes[..<cut])
        #expect(first.articles == (try half.articles()))
        #expect(first.offset == Int64(cut))
        let grown = ParserWorkerMain.handle(
            ParseRequest(format: .text, size: Int64(bytes.count)), file: fd, aliases: .builtin)
        var whole = ArticleParser(format: .text)
        try whole.consume(bytes)
        #expect(grown.articles == (try whole.articles()))
        #expect(grown.articles != first.articles)
        #expect(grown.offset == Int64(bytes.count))
    }

    @Test func bytesThatAreNoArticleComeBackAsAParseError() throws {
        let bytes: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x00, 0xFF]
        let fd = try Self.open(bytes)
        defer { try? fd.close() }
        let reply = ParserWorkerMain.handle(
            ParseRequest(format: .text, size: Int64(bytes.count)), file: fd, aliases: .builtin)
        #expect(reply.error?.code == .binary)
        #expect(try ParserWorkerMain.decode(ParserWorkerMain.encode(reply)).error == reply.error)
    }

    @Test(arguments: [Data(), Data([1, 0, 0]), Data([255, 255, 255, 255, 0x7B]), Data([2, 0, 0, 0, 0x7B, 0x7D, 9])])
    func malformedFramesAreErrorsNotTraps(payload: Data) {
        #expect(throws: (any Error).self) { try ParserWorkerMain.decode(payload) }
    }

    @Test(arguments: [
        (WorkerFailure.crashed(signal: SIGSEGV, status: nil), "parser_crashed: signal 11 (SIGSEGV)"),
        (.crashed(signal: SIGILL, status: nil), "parser_crashed: signal 4 (SIGILL)"),
        (.timeout(seconds: 30), "parser_timeout: 30 s"),
        (.memory(megabytes: 512), "parser_memory: 512 MiB"),
    ])
    func failureReasons(failure: WorkerFailure, reason: String) {
        #expect(failure.reason == reason)
        #expect(failure.reason == failure.code + ": " + failure.message)
        #expect(failure.code == String(reason.prefix { $0 != ":" }))
    }
}

private func memfd_create_shim() -> Int32 {
    cnews_memfd("worker-test")
}
