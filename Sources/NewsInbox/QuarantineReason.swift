import NewsCore
import NewsWorker

/// Why a file was quarantined. Its `code` is API (scripts match the text before `:` in
/// `newsctl failed`, `status PATH` and the `NAME.reason` file); its `message` is for people. The
/// rendered text, `code: message`, is what the database keeps and newsctl shows.
package enum QuarantineReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// Larger than `max_file_bytes`: not read at all.
    case tooLarge(bytes: Int64, limit: Int64)
    /// It could not be opened or read (permissions, an I/O error); the system's words.
    case unreadable(String)
    /// Its bytes are no article: binary, undecodable, or broken JSON (the parser's own code).
    case content(ParseError)
    /// Its parser worker failed on it twice: a crash, the time or the memory limit, or no worker.
    case parser(WorkerFailure)
    /// newsd itself died this many times in a row while the file was in flight (SIGKILL, OOM).
    case newsdStopped(times: Int)

    /// The stable code: `too_large`, `unreadable`, `binary`, `undecodable`, `invalid_json`,
    /// `parser_crashed`, `parser_timeout`, `parser_memory` or `parser_unavailable`.
    package var code: String {
        switch self {
        case .tooLarge: "too_large"
        case .unreadable: "unreadable"
        case .content(let error): error.code.rawValue
        case .parser(let failure): failure.code
        case .newsdStopped: "parser_crashed"
        }
    }

    /// What happened, for people.
    package var message: String {
        switch self {
        case .tooLarge(let bytes, let limit): "\(bytes) bytes is more than max_file_bytes (\(limit))"
        case .unreadable(let why): why
        case .content(let error): error.message
        case .parser(let failure): failure.message
        case .newsdStopped(let times): "newsd stopped \(times) times in a row while reading it"
        }
    }

    /// `code: message`, as stored and shown.
    package var description: String { "\(code): \(message)" }
}
