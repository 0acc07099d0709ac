import NewsProtocol

/// What the control server asks of the daemon: answer one method call, and filter `follow`
/// streams. Errors are RPC errors with their stable names.
public protocol ControlHandler: Sendable {
    /// Answers a call; the result is encoded as the response's `result`.
    func call(_ method: RPCMethod, params: [String: JSONValue]?, peer: PeerCredentials) async throws(RPCError)
        -> any Encodable & Sendable

    /// Checks a `follow` filter before the subscription starts.
    func validateFollow(_ params: FollowParams) async throws(RPCError)

    /// The ids among `ids` whose articles match `filter` (the query language, or raw FTS5 when `fts`).
    func matching(_ ids: [Int64], filter: String, fts: Bool) async -> Set<Int64>
}
