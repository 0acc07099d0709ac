import CNewsLinux
import Foundation
import Glibc
import SystemPackage

/// One end of a worker's SOCK_SEQPACKET socketpair, speaking `Frame`s. Blocking; used by one
/// thread at a time.
struct FrameSocket {
    let fd: FileDescriptor

    /// Sends a payload, with `file` attached to its first message.
    /// - Throws: `Errno` from `sendmsg(2)` (EPIPE when the peer is gone).
    func send(_ payload: Data, file: FileDescriptor? = nil) throws(Errno) {
        var length = UInt64(payload.count).littleEndian
        let sent = withUnsafeBytes(of: &length) { raw in
            cnews_send_with_fd(fd.rawValue, raw.baseAddress, raw.count, file?.rawValue ?? -1)
        }
        guard sent == 8 else { throw Errno(rawValue: errno) }
        var start = 0
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

    /// Waits for the next payload until `deadline` (nil: forever).
    /// - Throws: `Errno` from `recvmsg(2)`, `FrameError` for a malformed frame.
    func receive(until deadline: ContinuousClock.Instant?) throws -> Received {
        var attached: FileDescriptor?
        var lengthBytes = [UInt8](repeating: 0, count: 8)
        switch try receiveMessage(into: &lengthBytes, deadline: deadline, file: &attached) {
        case .closed: return .closed
        case .timedOut: return .timedOut
        case .bytes(let n):
            guard n == 8 else {
                try? attached?.close()
                throw FrameError("length message of \(n) bytes")
            }
        }
        let length = lengthBytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length <= UInt64(Frame.maxPayload) else {
            try? attached?.close()
            throw FrameError("payload of \(length) bytes is over the limit")
        }
        var payload = Data(count: Int(length))
        var filled = 0
        var buffer = [UInt8](repeating: 0, count: Frame.chunk)
        while filled < Int(length) {
            var extra: FileDescriptor?
            let result = try receiveMessage(into: &buffer, deadline: deadline, file: &extra)
            try? extra?.close()
            switch result {
            case .closed:
                try? attached?.close()
                return .closed
            case .timedOut:
                try? attached?.close()
                return .timedOut
            case .bytes(let n):
                guard n > 0, filled + n <= Int(length) else {
                    try? attached?.close()
                    throw FrameError("frame overran its length")
                }
                payload.replaceSubrange(filled..<filled + n, with: buffer[0..<n])
                filled += n
            }
        }
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
