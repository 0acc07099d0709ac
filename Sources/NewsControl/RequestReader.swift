import Foundation
import NewsProtocol

/// Turns one request line into a request; the rules live in NewsProtocol (`RPCRequest.read(line:)`)
/// so they are unit-tested without a socket.
enum RequestReader {
    static func read(_ line: Data) throws(RPCError) -> RPCRequest { try RPCRequest.read(line: line) }

    /// The id of a line that failed to read, as written, when one can be found (else `null`).
    static func id(in line: Data) -> String { RPCRequest.idText(inLine: line) }
}
