import CNewsLinux
import Foundation
import Glibc
import SystemPackage
import Testing

@testable import NewsWorker

/// Frames over a real SOCK_SEQPACKET socketpair: every size arrives whole with its descriptor, and
/// a peer that breaks the framing gets an error, never a trap or a read past the frame.
@Suite struct FrameSocketTests {
    static func pair() throws -> (FrameSocket, FrameSocket) {
        var fds: [Int32] = [-1, -1]
        try #require(cnews_worker_socketpair(&fds) == 0)
        return (FrameSocket(fd: FileDescriptor(rawValue: fds[0])), FrameSocket(fd: FileDescriptor(rawValue: fds[1])))
    }

    @Test(arguments: [0, 1, Frame.chunk - 8, Frame.chunk - 7, Frame.chunk, 2 * Frame.chunk + 5])
    func payloadsOfEverySizeArriveWhole(size: Int) throws {
        let (a, b) = try Self.pair()
        defer { try? a.fd.close(); try? b.fd.close() }
        let payload = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let file = FileDescriptor(rawValue: cnews_memfd("frame-test"))
        defer { try? file.close() }
        try a.send(payload, file: file)
        guard case .payload(let got, let attached) = try b.receive(until: .now + .seconds(5)) else {
            Issue.record("no payload")
            return
        }
        defer { try? attached?.close() }
        #expect(got == payload)
        #expect(attached != nil)
    }

    @Test func twoFramesInARowStayApart() throws {
        let (a, b) = try Self.pair()
        defer { try? a.fd.close(); try? b.fd.close() }
        try a.send(Data("first".utf8))
        try a.send(Data("second".utf8))
        guard case .payload(let one, _) = try b.receive(until: .now + .seconds(5)),
            case .payload(let two, _) = try b.receive(until: .now + .seconds(5))
        else {
            Issue.record("frames lost")
            return
        }
        #expect(String(decoding: one, as: UTF8.self) == "first")
        #expect(String(decoding: two, as: UTF8.self) == "second")
    }

    /// Raw messages a broken or taken-over peer could send.
    @Test(arguments: [
        [UInt8](repeating: 1, count: 5),  // shorter than the length field
        [3, 0, 0, 0, 0, 0, 0, 0] + Array("more than three".utf8),  // carries more than its length
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],  // a length over the limit
    ])
    func brokenFramingIsAnError(message: [UInt8]) throws {
        let (a, b) = try Self.pair()
        defer { try? a.fd.close(); try? b.fd.close() }
        let sent = message.withUnsafeBytes { cnews_send_with_fd(a.fd.rawValue, $0.baseAddress, $0.count, -1) }
        try #require(sent == message.count)
        #expect(throws: FrameError.self) { try b.receive(until: .now + .seconds(5)) }
    }

    /// A descriptor that arrives with a frame the receiver refuses (or with a frame cut short, with
    /// a later message of a frame, or with a message of no bytes) is closed by the receiver: one end of a connected pair is sent,
    /// the sender closes its own copy, and the other end then sees end of file — it would wait for
    /// ever on a copy left open in the receiver.
    @Test(arguments: ["broken", "cut short", "on a later message", "empty"])
    func descriptorsOfRefusedFramesAreClosed(how: String) throws {
        let (a, b) = try Self.pair()
        defer { try? b.fd.close() }
        var ends: [Int32] = [-1, -1]
        // A connected pair made close-on-exec in the same call: tests run side by
        // side, and a worker another test spawns meanwhile would otherwise inherit the write end
        // and hold it, and the read end would not see end of file.
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0)
        defer { close(ends[0]) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        func send(_ bytes: [UInt8], file: Int32) -> Int {
            bytes.withUnsafeBytes { cnews_send_with_fd(a.fd.rawValue, $0.baseAddress, $0.count, file) }
        }
        var head = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: UInt64(how == "broken" ? 3 : 64).littleEndian) { head.replaceSubrange(0..<8, with: $0) }
        switch how {
        case "empty":
            #expect(send([], file: ends[1]) == 0)  // a message of no bytes is the end of the stream
        case "broken":
            #expect(send(head, file: ends[1]) == head.count)  // 8 bytes of payload for a length of 3
        case "cut short":
            #expect(send(head, file: ends[1]) == head.count)  // 8 of 64 bytes, then the peer goes
        default:
            #expect(send(head, file: -1) == head.count)
            #expect(send([UInt8](repeating: 7, count: 80), file: ends[1]) == 80)  // overruns, with a descriptor
        }
        close(ends[1])
        if how == "cut short" { try a.fd.close() }
        let result = Result { try b.receive(until: .now + .seconds(5)) }
        if how == "cut short" || how == "empty" {
            try? a.fd.close()
            guard case .success(.closed) = result else { Issue.record("expected closed, got \(result)"); return }
        } else {
            #expect(throws: FrameError.self) { try result.get() }
            try? a.fd.close()
        }
        var byte: UInt8 = 0
        #expect(read(ends[0], &byte, 1) == 0, "the sent end is still open somewhere: errno \(errno)")
    }

    @Test func aPeerThatGoesAwayMidFrameIsClosedNotAHang() throws {
        let (a, b) = try Self.pair()
        defer { try? b.fd.close() }
        // Announces 200 KiB, sends the first message only, then closes.
        var first = [UInt8](repeating: 0, count: 64)
        withUnsafeBytes(of: UInt64(200 << 10).littleEndian) { first.replaceSubrange(0..<8, with: $0) }
        _ = first.withUnsafeBytes { cnews_send_with_fd(a.fd.rawValue, $0.baseAddress, $0.count, -1) }
        try a.fd.close()
        guard case .closed = try b.receive(until: .now + .seconds(5)) else {
            Issue.record("expected closed")
            return
        }
    }
}
