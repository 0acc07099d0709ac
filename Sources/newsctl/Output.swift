import FoundationEssentials
import Glibc

/// Human output: aligned tables, relative times, colour only on a terminal and never with NO_COLOR.
enum Output {
    /// A failure newsctl itself detects, with its exit code.
    struct Failure: Error {
        var code: Int32
        var message: String
        /// Already reported line by line; only the exit code is left to set.
        var silent = false
    }

    static let colour: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    static func red(_ s: String) -> String { colour ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    static func green(_ s: String) -> String { colour ? "\u{1B}[32m\(s)\u{1B}[0m" : s }

    /// `**hit**` markers from snippets, shown bold on a terminal and plain elsewhere.
    static func highlight(_ snippet: String) -> String {
        let parts = snippet.components(separatedBy: "**")
        return parts.enumerated().map { i, part in i % 2 == 1 ? bold(part) : part }.joined()
    }

    static func error(_ message: String) {
        write("newsctl: \(message)\n".utf8, to: STDERR_FILENO)
    }

    static func line(_ s: String = "") {
        write((s + "\n").utf8, to: STDOUT_FILENO)
    }

    /// Writes all of the bytes to a descriptor (`STDOUT_FILENO`, `STDERR_FILENO`), unbuffered: what
    /// `follow` prints reaches a pipe at once. A closed or broken output ends the writing silently.
    static func write(_ bytes: some Collection<UInt8>, to fd: Int32) {
        Array(bytes).withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                written += n
            }
        }
    }

    /// A cell widened with spaces to `width` characters.
    static func pad(_ cell: String, _ width: Int) -> String {
        let count = cell.count
        return count >= width ? cell : cell + String(repeating: " ", count: width - count)
    }


    /// Prints rows as columns separated by two spaces; the last column is not padded.
    static func table(_ header: [String]?, _ rows: [[String]]) {
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.first?.count ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count - 1 { widths[i] = max(widths[i], cell.count) }
        }
        for (n, row) in all.enumerated() {
            let text = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : pad(cell, widths[i])
            }.joined(separator: "  ")
            line(n == 0 && header != nil ? bold(text) : text)
        }
    }

    /// `3 min ago`, `2 h ago`, `5 days ago` from an ISO 8601 timestamp.
    static func relative(_ iso: String?, now: Date = Date()) -> String {
        guard let iso, let date = parse(iso) else { return "-" }
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<0: return "just now"
        case 0..<5: return "just now"
        case 5..<60: return "\(seconds) s ago"
        case 60..<3600: return "\(seconds / 60) min ago"
        case 3600..<86400: return "\(seconds / 3600) h ago"
        case 86400..<172_800: return "1 day ago"
        default: return "\(seconds / 86400) days ago"
        }
    }

    static func parse(_ iso: String) -> Date? {
        if let d = try? Date(iso, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
        return try? Date(iso, strategy: Date.ISO8601FormatStyle())
    }

    /// `1.5 s`, `3 min`, `2 h 5 min`, `4 days`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        switch s {
        case ..<60:
            let tenths = Int((seconds * 10).rounded())
            return "\(tenths / 10).\(tenths % 10) s"
        case 60..<3600: return "\(s / 60) min"
        case 3600..<86400: return "\(s / 3600) h \(s % 3600 / 60) min"
        default: return "\(s / 86400) days"
        }
    }

    /// A published time for a table: `2025-05-19 16:13` (UTC) or the bare day.
    static func published(_ iso: String?) -> String {
        guard let iso else { return "-" }
        return String(iso.prefix(16)).replacing("T", with: " ")
    }

    /// `12:48:44` (UTC) from an ISO 8601 timestamp: when a followed article arrived.
    static func clock(_ iso: String) -> String {
        guard let t = iso.firstIndex(of: "T") else { return iso }
        return String(iso[iso.index(after: t)...].prefix(8))
    }

    /// Shortens to `n` characters with an ellipsis.
    static func clip(_ s: String?, _ n: Int) -> String {
        guard let s else { return "-" }
        return s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
