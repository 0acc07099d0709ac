#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// A blocking client of the control socket, for newsctl and tests: connect, send one request line,
/// read one response line. It links no NIO so the CLI starts fast.
public final class ControlClient {
    /// Why a call could not be made (as opposed to the daemon answering with an error).
    public enum ConnectionError: Error, CustomStringConvertible {
        /// Nothing listens at the path (ENOENT, ECONNREFUSED): the daemon is not running.
        case noDaemon(path: String, reason: String)
        /// The socket exists but we may not use it.
        case permissionDenied(path: String)
        /// The connection broke or the answer was not JSON-RPC.
        case protocolFailure(String)

        public var description: String {
            switch self {
            case .noDaemon(let path, let reason): "no newsd at \(path) (\(reason))"
            case .permissionDenied(let path): "permission denied on \(path)"
            case .protocolFailure(let what): what
            }
        }
    }

    /// The socket path it is connected to.
    public let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var nextID = 1

    /// Connects to the daemon's socket.
    /// - Throws: `ConnectionError.noDaemon` when nothing listens, `.permissionDenied` on EACCES.
    public init(path: String) throws(ConnectionError) {
        self.path = path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .protocolFailure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw .protocolFailure("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result != 0 {
            let code = errno
            close(fd)
            if code == EACCES || code == EPERM { throw .permissionDenied(path: path) }
            throw .noDaemon(path: path, reason: String(cString: strerror(code)))
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Gives up on a read after `seconds` (SO_RCVTIMEO) instead of waiting forever; nil waits
    /// forever (the default, which `follow` needs). A read that times out throws
    /// `ConnectionError.protocolFailure("timed out …")`.
    public func setReceiveTimeout(_ seconds: Double?) {
        let s = max(0, seconds ?? 0)
        var timeout = timeval(tv_sec: Int(s), tv_usec: Int((s - s.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Asks the kernel for a receive buffer of about `bytes` (SO_RCVBUF); tests use a small one to
    /// make a client that does not read fall behind sooner.
    public func setReceiveBufferSize(_ bytes: Int32) {
        var size = bytes
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Half-closes the connection for writing (shutdown SHUT_WR): the daemon sees end of stream
    /// while answers can still be read.
    public func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Calls a method and decodes its result.
    /// - Parameter as: the result type; `JSONValue` takes any result as it is.
    /// - Throws: `RPCError` when the daemon answers with an error; `ConnectionError` when it cannot.
    public func call<R: Decodable>(_ method: String, params: [String: JSONValue]? = nil, as: R.Type) throws -> R {
        let line = try callRaw(method, params: params)
        // The answer decoded in one pass; what does not fit (a null result, a malformed answer)
        // is read loosely below, which names what is wrong.
        if let answer = try? JSONDecoder().decode(Answer<R>.self, from: line) {
            if let error = answer.error { throw error }
            if let result = answer.result { return result }
        }
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: line) else {
            throw ConnectionError.protocolFailure("answer is not a JSON object")
        }
        if let error = object["error"] {
            throw try JSONDecoder().decode(RPCError.self, from: ProtocolCoding.encode(error))
        }
        return try JSONDecoder().decode(R.self, from: ProtocolCoding.encode(object["result"] ?? .null))
    }

    /// A response: its result or its error.
    private struct Answer<R: Decodable>: Decodable {
        var result: R?
        var error: RPCError?
    }

    /// Sends a request and returns the raw response line (without the newline).
    public func callRaw(_ method: String, params: [String: JSONValue]? = nil) throws -> Data {
        let request = RPCRequest(id: .number(Double(nextID)), method: method, params: params)
        nextID += 1
        try send(ProtocolCoding.encode(request) + Data("\n".utf8))
        guard let line = try readLine() else { throw ConnectionError.protocolFailure("newsd closed the connection") }
        return line
    }

    /// Writes raw bytes (tests use this for malformed input).
    public func send(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ConnectionError.protocolFailure("send: \(String(cString: strerror(errno)))")
                }
                sent += n
            }
        }
    }

    /// Reads the next line from the daemon, or nil at end of stream.
    public func readLine() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw ConnectionError.protocolFailure("timed out waiting for newsd to answer")
                }
                throw ConnectionError.protocolFailure("recv: \(String(cString: strerror(errno)))")
            }
            if n == 0 {
                if buffer.isEmpty { return nil }
                let line = Data(buffer)
                buffer.removeAll()
                return line
            }
            buffer.append(contentsOf: chunk[..<n])
        }
    }
}
