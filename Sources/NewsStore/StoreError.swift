/// Why a store operation failed. The code is stable; the message is for people.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// Stable failure kinds.
    public enum Code: String, Sendable {
        /// The database file cannot be opened or created (newsd exits 73).
        case cannotOpen = "cannot_open"
        /// The query text is not valid FTS5 syntax.
        case badQuery = "bad_query"
        /// Nothing has that id or path.
        case notFound = "not_found"
        /// A query over the cost bounds (too many words, too large a NEAR distance).
        case tooComplex = "too_complex"
        /// A read ran past the query timeout and was stopped.
        case timeout
        /// The caller went away (its task was cancelled) and the read was stopped.
        case cancelled
        /// Any other SQLite failure.
        case database
    }

    /// The stable kind.
    public var code: Code
    /// The explanation, including SQLite's own words.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
