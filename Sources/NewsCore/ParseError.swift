/// Why some bytes are not an article. The code is stable (it names the quarantine reason);
/// the message is for people.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable reasons a file is refused.
    public enum Code: String, Sendable, Codable {
        /// NUL bytes or mostly non-text bytes.
        case binary
        /// Bytes that no supported encoding decodes.
        case undecodable
        /// A `.json` / `.jsonl` record that is not valid JSON or lacks any text.
        case invalidJSON = "invalid_json"
    }

    /// The stable reason.
    public var code: Code
    /// A human explanation, e.g. `NUL byte at offset 1234`.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
