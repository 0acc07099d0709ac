import CNewsLinux
import Foundation
import Logging
import NIOCore
import NIOPosix
import NewsProtocol
import ServiceLifecycle
import Synchronization

/// Why the control socket could not be set up (newsd exits 73).
public struct ControlServerError: Error, Sendable, CustomStringConvertible {
    /// One line naming the socket and the reason.
    public var message: String
    public var description: String { message }
}

/// The control server: JSON-RPC 2.0 lines over a Unix stream socket, one child task per
/// connection. A slow or hostile client only ever holds up its own connection: input lines are
/// bounded, output goes through the channel's back-pressure, and `follow` streams drop (and count)
/// what a client cannot take rather than slow ingest.
public final class ControlServer: Service, Sendable {
    /// Where the listening socket comes from.
    public enum Socket: Sendable {
        /// Bind this path with this mode (a stale file from a crash is replaced; a live daemon's is not).
        case path(String, mode: mode_t)
        /// A socket systemd passed us (socket activation); it is never unlinked by us.
        case inherited(Int32, path: String)
    }

    typealias Listener = NIOAsyncChannel<NIOAsyncChannel<LineFrame, ByteBuffer>, Never>

    /// The socket's path.
    public let path: String
    private let listener: Listener
    private let ownsPath: Bool
    private let handler: any ControlHandler
    private let hub: FollowHub
    private let logger: Logger
    private let idleTimeout: TimeAmount

    /// Binds (or adopts) the socket so it listens before READY=1; `run()` serves it.
    /// - Throws: `ControlServerError` when the path is held by a live daemon or cannot be bound.
    public init(
        socket: Socket, handler: any ControlHandler, hub: FollowHub, logger: Logger,
        idleTimeout: TimeAmount = .seconds(300), group: MultiThreadedEventLoopGroup = .singleton
    ) async throws(ControlServerError) {
        self.handler = handler
        self.hub = hub
        self.logger = logger
        self.idleTimeout = idleTimeout
        // Remote half-closure: a client that sends its requests and then shuts down its side of the
        // socket (`nc -N`, `socat`) still gets every answer before the connection closes. A client
        // that closes outright is a hang-up (EPOLLHUP), which closes the channel and cancels its
        // work.
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (Channel) -> EventLoopFuture<NIOAsyncChannel<LineFrame, ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maxLength: maxRequestLineBytes)))
                return try NIOAsyncChannel<LineFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        switch socket {
        case .inherited(let fd, let path):
            self.path = path
            self.ownsPath = false
            do {
                listener = try await bootstrap.bind(fd, childChannelInitializer: initializer)
            } catch {
                throw ControlServerError(message: "cannot use the socket passed by systemd (fd \(fd)): \(error)")
            }
        case .path(let path, let mode):
            self.path = path
            self.ownsPath = true
            try Self.clearStale(path)
            // Bind inside a private (0700) folder next to the target, set the mode, then rename into
            // place: nobody can connect before the mode is set, and a half-set-up socket never has
            // the public name.
            let folder = Self.privateFolder(beside: path)
            let temporary = folder.map { $0 + "/control.sock" } ?? path + ".\(getpid()).tmp"
            defer { if let folder { rmdir(folder) } }
            unlink(temporary)
            do {
                listener = try await bootstrap.bind(unixDomainSocketPath: temporary, childChannelInitializer: initializer)
            } catch {
                throw ControlServerError(message: "cannot bind control socket \(path): \(Self.describe(error))")
            }
            if chmod(temporary, mode) != 0 || rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                try? await listener.channel.close()
                throw ControlServerError(message: "cannot set up control socket \(path): \(reason)")
            }
        }
    }

    /// A fresh 0700 folder in the socket's folder, or nil when none can be made (or its socket
    /// path would be too long for `sun_path`).
    private static func privateFolder(beside path: String) -> String? {
        let parent = (path as NSString).deletingLastPathComponent
        var template = Array(((parent.isEmpty ? "." : parent) + "/.newsd-bind.XXXXXX").utf8CString)
        guard template.count + "/control.sock".utf8.count < 100 else { return nil }
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let made = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: made)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }

    /// Refuses to take a live daemon's socket; removes a stale one left by a crash. Only a socket
    /// that refuses connections is stale: one we may not connect to (EACCES) may still be live.
    private static func clearStale(_ path: String) throws(ControlServerError) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFSOCK else {
            throw ControlServerError(message: "cannot bind control socket \(path): a file that is not a socket is there")
        }
        do {
            _ = try ControlClient(path: path)
            throw ControlServerError(message: "control socket \(path) is in use by another running newsd")
        } catch let error as ControlServerError {
            throw error
        } catch ControlClient.ConnectionError.permissionDenied {
            throw ControlServerError(
                message: "control socket \(path) exists and cannot be checked (permission denied); is another newsd running?")
        } catch {
            // ECONNREFUSED: nobody listens; the file is what a crash left behind.
        }
        unlink(path)
    }

    /// Serves connections until graceful shutdown, then closes the socket and removes its file
    /// (unless systemd owns it).
    public func run() async throws {
        defer {
            if ownsPath { unlink(path) }
        }
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await self.serve(connection) }
                    }
                }
                // The listener is closed (shutdown): end every connection, follow streams and idle
                // clients included, rather than wait for them to hang up.
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.listener.channel.close(promise: nil)
        }
    }

    /// Closes the listening socket (tests; run() does it on shutdown).
    public func close() async {
        try? await listener.channel.close()
        if ownsPath { unlink(path) }
    }

    private func peer(of channel: any Channel) async -> PeerCredentials? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let future: EventLoopFuture<cnews_ucred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(CNEWS_SOL_SOCKET), name: SocketOptionName(CNEWS_SO_PEERCRED))
        guard let cred = try? await future.get() else { return nil }
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid)
    }

    private func serve(_ connection: NIOAsyncChannel<LineFrame, ByteBuffer>) async {
        guard let peer = await peer(of: connection.channel) else {
            try? await connection.channel.close()
            return
        }
        let idle = idleTimeout
        do {
            try await connection.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // Idle timeout: a connection that sends no complete line for `idle` is closed
                    // (a half line does not count). Follow streams are exempt: they are quiet by nature.
                    let activity = ActivityClock()
                    group.addTask {
                        while true {
                            try await Task.sleep(for: .milliseconds(500))
                            if activity.isFollowing { continue }
                            if activity.idle > idle {
                                connection.channel.close(promise: nil)
                                return
                            }
                        }
                    }
                    // Ends the connection's tasks as soon as the channel closes, so a follow
                    // client that hung up is noticed before the next article.
                    // Cancelled (shutdown, or another task ended): close the channel, which ends the rest.
                    group.addTask {
                        let channel = connection.channel
                        await withTaskCancellationHandler {
                            try? await channel.closeFuture.get()
                        } onCancel: {
                            channel.close(promise: nil)
                        }
                    }
                    group.addTask {
                        for try await frame in inbound {
                            activity.touch()
                            let follow = try await self.answer(frame, peer: peer, outbound: outbound)
                            if let follow {
                                activity.isFollowing = true
                                try await self.stream(follow, outbound: outbound)
                                return
                            }
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["client.uid": "\(peer.uid)", "error": "\(error)"])
        }
    }

    /// Answers one line; returns a subscription when the call was a successful `follow`.
    private func answer(
        _ frame: LineFrame, peer: PeerCredentials, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> FollowHub.Subscription? {
        let line: ByteBuffer
        switch frame {
        case .tooLong:
            try await send(
                error: RPCError(.tooLarge, "request line longer than \(maxRequestLineBytes) bytes"), id: "null",
                to: outbound)
            return nil
        case .line(let l):
            line = l
        }
        // Blank lines (spaces, tabs, a CR) are keep-alives.
        if line.readableBytesView.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let request: RPCRequest
        do {
            request = try RequestReader.read(Data(line.readableBytesView))
        } catch {
            try await send(error: error, id: RequestReader.id(in: Data(line.readableBytesView)), to: outbound)
            return nil
        }
        let id = request.idText ?? "null"
        let isNotification = request.id == nil  // JSON-RPC: a notification gets no answer, not even an error
        guard let method = RPCMethod(rawValue: request.method) else {
            if !isNotification {
                try await send(error: RPCError(.methodNotFound, "unknown method \"\(request.method)\""), id: id, to: outbound)
            }
            return nil
        }
        if method == .follow {
            let params: FollowParams
            do {
                params = try ProtocolCoding.params(FollowParams.self, from: request.params)
                try await handler.validateFollow(params)
            } catch {
                if !isNotification { try await send(error: error, id: id, to: outbound) }
                return nil
            }
            let filter = params.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let subscription = hub.subscribe(filter: filter, fts: params.fts ?? false)
            do {
                if !isNotification { try await send(result: FollowResult(), id: id, to: outbound) }
            } catch {
                hub.unsubscribe(subscription)
                throw error
            }
            return subscription
        }
        let outcome: Result<any Encodable & Sendable, RPCError>
        do {
            outcome = .success(try await handler.call(method, params: request.params, peer: peer))
        } catch {
            outcome = .failure(error)
        }
        guard !isNotification else { return nil }
        switch outcome {
        case .success(let result): try await send(result: result, id: id, to: outbound)
        case .failure(let error): try await send(error: error, id: id, to: outbound)
        }
        return nil
    }

    private func stream(_ subscription: FollowHub.Subscription, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>)
        async throws
    {
        defer { hub.unsubscribe(subscription) }
        while let (dropped, hits) = await subscription.next() {
            if dropped > 0 {
                try await write(RPCNotification(method: "dropped", params: DroppedParams(count: dropped)), to: outbound)
            }
            var wanted = hits
            if let filter = subscription.filter {
                let matching = await handler.matching(hits.map(\.id), filter: filter, fts: subscription.filterIsFTS)
                wanted = hits.filter { matching.contains($0.id) }
            }
            for hit in wanted {
                try await write(RPCNotification(method: "article", params: hit), to: outbound)
            }
        }
    }

    /// Writes a result; `id` is the request's id as the client wrote it (JSON text), echoed as is.
    private func send(result: any Encodable & Sendable, id: String, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>)
        async throws
    {
        do {
            var buffer = ByteBuffer(string: "{\"id\":")
            buffer.writeString(id)
            buffer.writeString(",\"jsonrpc\":\"2.0\",\"result\":")
            buffer.writeBytes(try ProtocolCoding.encode(result))
            buffer.writeString("}\n")
            try await outbound.write(buffer)
        } catch let error as EncodingError {
            try await send(error: RPCError(.internal, "cannot encode result: \(error)"), id: id, to: outbound)
        }
    }

    /// Writes an error; `id` as in `send(result:)`.
    private func send(error: RPCError, id: String, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        var buffer = ByteBuffer(string: "{\"error\":")
        buffer.writeBytes(try ProtocolCoding.encode(error))
        buffer.writeString(",\"id\":")
        buffer.writeString(id)
        buffer.writeString(",\"jsonrpc\":\"2.0\"}\n")
        try await outbound.write(buffer)
    }

    private func write(_ message: some Encodable, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        var buffer = ByteBuffer(bytes: try ProtocolCoding.encode(message))
        buffer.writeString("\n")
        try await outbound.write(buffer)
    }
}

/// When a connection last sent something, and whether it became a follow stream.
final class ActivityClock: Sendable {
    private struct State {
        var last = NIODeadline.now()
        var following = false
    }

    private let state = Mutex(State())

    func touch() { state.withLock { $0.last = .now() } }

    var idle: TimeAmount { state.withLock { NIODeadline.now() - $0.last } }

    var isFollowing: Bool {
        get { state.withLock { $0.following } }
        set { state.withLock { $0.following = newValue } }
    }
}
