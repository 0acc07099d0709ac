import CNewsLinux
import Foundation
import Glibc
import SystemPackage

/// One end of a worker's SOCK_SEQPACKET socketpair, speaking `Frame`s. Blocking; used by one
/// thread at a time.
struct FrameSocket {
    let fd: FileDescriptor

    /// Sends a payload, with `file` attached to its first message. The first message carries the
    /// 8-byte length and as much of the payload as fits, so a small payload (most replies and every
    /// request) is one `sendmsg(2)` and one `recvmsg(2)`.
    /// - Throws: `Errno` from `sendmsg(2)` (EPIPE when the peer is gone).
    func send(_ payload: Data, file: FileDescriptor? = nil) throws(Errno) {
        let head = min(payload.count, Frame.chunk - 8)
        var first = [UInt8](repeating: 0, count: 8 + head)
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { first.replaceSubrange(0..<8, with: $0) }
        first.replaceSubrange(8..., with: payload.prefix(head))
        let sent = first.withUnsafeBytes { raw in
            cnews_send_with_fd(fd.rawValue, raw.baseAddress, raw.count, file?.rawValue ?? -1)
        }
        guard sent == first.count else { throw Errno(rawValue: errno) }
        var start = head
        while start < payload.count {
            let end = min(payload.count, start + Frame.chunk)
            let n = payload[payload.startIndex + start..<payload.startIndex + end].withUnsafeBytes { raw in
                cnews_send_with_fd(fd.rawValue, raw.baseAddress, raw.count, -1)
            }
            guard n >= 0 else { throw Errno(rawValue: errno) }
            start = end
        }
    }

    /// What `receive` came to.
    enum Received {
        /// A whole payload, and the descriptor that came with it.
        case payload(Data, FileDescriptor?)
        /// The peer closed its end (it exited or died).
        case closed
        /// `deadline` passed first.
        case timedOut
    }

    /// Waits for the next payload until `deadline` (nil: forever); a payload longer than `limit`
    /// is refused before anything is allocated for it.
    /// - Throws: `Errno` from `recvmsg(2)`, `FrameError` for a malformed frame.
    func receive(until deadline: ContinuousClock.Instant?, limit: Int = Frame.maxPayload) throws -> Received {
        // The first message's descriptor goes to the caller with the payload; on every other way
        // out (an error, the peer gone, the deadline) it is closed here, as is any descriptor a
        // later message carries: a broken or taken-over worker cannot make the daemon leak them.
        var attached: FileDescriptor?
        var handedOver = false
        defer { if !handedOver { try? attached?.close() } }
        var buffer = [UInt8](repeating: 0, count: Frame.chunk)
        let firstCount: Int
        switch try receiveMessage(into: &buffer, deadline: deadline, file: &attached) {
        case .closed: return .closed
        case .timedOut: return .timedOut
        case .bytes(let n):
            guard n >= 8 else { throw FrameError("first message of \(n) bytes") }
            firstCount = n
        }
        let length = buffer[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length <= UInt64(limit), UInt64(firstCount - 8) <= length else {
            throw FrameError("payload of \(length) bytes is over the limit or shorter than its first message")
        }
        var payload = Data(count: Int(length))
        payload.replaceSubrange(0..<firstCount - 8, with: buffer[8..<firstCount])
        var filled = firstCount - 8
        while filled < Int(length) {
            var extra: FileDescriptor?
            defer { try? extra?.close() }
            switch try receiveMessage(into: &buffer, deadline: deadline, file: &extra) {
            case .closed: return .closed
            case .timedOut: return .timedOut
            case .bytes(let n):
                guard n > 0, filled + n <= Int(length) else { throw FrameError("frame overran its length") }
                payload.replaceSubrange(filled..<filled + n, with: buffer[0..<n])
                filled += n
            }
        }
        handedOver = true
        return .payload(payload, attached)
    }

    private enum Message {
        case bytes(Int)
        case closed
        case timedOut
    }

    private func receiveMessage(into buffer: inout [UInt8], deadline: ContinuousClock.Instant?, file: inout FileDescriptor?)
        throws(Errno) -> Message
    {
        if let deadline {
            let left = ContinuousClock.now.duration(to: deadline)
            let ms = left <= .zero ? 0 : Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = cnews_poll_in(fd.rawValue, ms)
            if ready < 0 { throw Errno(rawValue: errno) }
            if ready == 0 { return .timedOut }
        }
        var received: Int32 = -1
        let n = buffer.withUnsafeMutableBytes { raw in
            cnews_receive_with_fd(fd.rawValue, raw.baseAddress, raw.count, &received)
        }
        if received >= 0 { file = FileDescriptor(rawValue: received) }
        if n < 0 {
            if errno == ECONNRESET { return .closed }
            throw Errno(rawValue: errno)
        }
        return n == 0 ? .closed : .bytes(n)
    }
}
