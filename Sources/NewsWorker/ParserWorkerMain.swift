import CNewsLinux
import CNewsSandbox
import Foundation
import Glibc
import NewsCore
import SystemPackage

/// The child side of a parser worker: `newsd --parser-worker MB` runs this. It sandboxes itself,
/// then answers requests on fd 3 until the daemon closes the socket. It holds no path to the
/// inbox or the database: each request brings the file's descriptor, opened read-only by the daemon.
package enum ParserWorkerMain {
    /// The descriptor the daemon maps the worker's end of the socketpair to.
    package static let socketDescriptor: Int32 = 3

    /// A small article that touches the parser's lazily loaded tables and time zones.
    static let warmUpText = """
        Leaders meet in Geneva as talks resume

        By Jane Doe, Reuters

        Published 19 May 2025 10:00 BST, updated 20 May 2025 12:30 EDT

        GENEVA, May 19 (Reuters) - Diplomats from Ukraine and Russia met on Monday, officials in Kyiv and \
        Moscow said. "We are ready," President Donald Trump told reporters in Washington.

        """

    /// Runs the worker loop; never returns.
    package static func run(memoryMB: Int) -> Never {
        // Warm up before the sandbox closes: time zones and the parser's tables load lazily.
        var warmUp = ArticleParser(format: .text)
        try? warmUp.consume(Array(Self.warmUpText.utf8))
        _ = try? warmUp.articles()
        warmUpHTML()
        let step = cnews_worker_sandbox(UInt64(max(0, memoryMB)) << 20)
        if step != 0 {
            FileHandle.standardError.write(Data("newsd parser worker: sandbox step \(-step) failed: \(Errno(rawValue: errno))\n".utf8))
            exit(70)
        }
        let socket = FrameSocket(fd: FileDescriptor(rawValue: socketDescriptor))
        var aliases = EntityAliases.builtin
        while true {
            let received: FrameSocket.Received
            do {
                received = try socket.receive(until: nil, limit: 1 << 31)  // the daemon is trusted
            } catch {
                exit(65)
            }
            guard case .payload(let payload, let file) = received else { exit(0) }
            guard let file else {
                // No file: the set-up message.
                if let (setup, _) = try? Frame.split(payload, as: WorkerSetup.self), let json = setup.aliases,
                    let extra = try? EntityAliases(json: json)
                {
                    aliases = EntityAliases.builtin.merging(extra)
                }
                continue
            }
            let reply: Data
            do {
                let request = try ReplyWire.decodeRequest(payload)
                reply = try encode(handle(request, file: file, aliases: aliases))
            } catch {
                exit(65)
            }
            try? file.close()
            do {
                try socket.send(reply)
            } catch {
                exit(0)
            }
        }
    }

    /// Parses one request: the pure part of the worker, testable in process.
    /// The file is read from its first byte every time: an append is read whole again (the
    /// extraction weighs every line of the page anyway), so nothing of the text needs saving
    /// between reads but the offset the daemon keeps.
    package static func handle(_ request: ParseRequest, file: FileDescriptor, aliases: EntityAliases) -> ParseReply {
        #if DEBUG
            injectFault(request.testFault)
        #endif
        // Web pages are read whole by the HTML reader (ParserWorker+HTML.swift).
        if let reply = htmlReply(request, file: file, aliases: aliases) { return reply }
        var parser = ArticleParser(format: request.format, aliases: aliases)
        var offset: Int64 = 0
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        do {
            while offset < request.size {
                let want = Int(min(Int64(chunk), request.size - offset))
                let n = try buffer.withUnsafeMutableBytes { raw in
                    try file.read(
                        fromAbsoluteOffset: offset, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<want]),
                        retryOnInterrupt: true)
                }
                if n == 0 { break }  // truncated while read: the next event sees the new size
                try parser.consume(buffer[0..<n])
                offset += Int64(n)
            }
            let articles = try parser.articles()
            return ParseReply(offset: offset, articles: articles)
        } catch let error as ParseError {
            return ParseReply(offset: 0, articles: [], error: error)
        } catch {
            return ParseReply(
                offset: 0, articles: [], error: ParseError(.undecodable, "unreadable: \(error)"))
        }
    }

    static func encode(_ reply: ParseReply) throws -> Data { ReplyWire.encode(reply) }

    static func decode(_ payload: Data) throws -> ParseReply { try ReplyWire.decode(payload) }

    #if DEBUG
        /// Lets the daemon's end-to-end tests make a worker crash, exhaust its memory or hang.
        private static func injectFault(_ fault: String?) {
            switch fault {
            case "crash"?:
                raise(SIGSEGV)
            case "allocate"?:
                var hoard: [[UInt8]] = []
                while true { hoard.append([UInt8](repeating: 1, count: 16 << 20)) }
            case "hang"?:
                while true { sleep(1) }
            default:
                break
            }
        }
    #endif
}
