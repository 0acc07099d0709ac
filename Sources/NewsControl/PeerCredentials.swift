/// Who is on the other end of a connection, from SO_PEERCRED at accept time.
public struct PeerCredentials: Sendable, Equatable {
    /// The client's process id.
    public var pid: Int32
    /// The client's user id.
    public var uid: UInt32
    /// The client's primary group id.
    public var gid: UInt32

    /// Creates credentials.
    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}
