import Glibc

/// The config's `include` and `ignore` globs (`fnmatch(3)` syntax), applied to base names.
public struct FilePatterns: Sendable, Equatable {
    /// Names that are articles (`*.txt`, `*.md`, `*.json`).
    public var include: [String]
    /// Names never read (`.*`, `*.tmp`, `*.part`, `*~`); a rename to a real name is the signal.
    public var ignore: [String]

    /// Creates a matcher.
    public init(include: [String], ignore: [String]) {
        self.include = include
        self.ignore = ignore
    }

    /// True for a file name newsd should read.
    public func accepts(fileName name: String) -> Bool {
        !Self.matches(name, ignore) && Self.matches(name, include)
    }

    /// True for a folder name newsd should descend into (not ignored, and not Maildir's `tmp`).
    public func accepts(directoryName name: String) -> Bool {
        name != "tmp" && !Self.matches(name, ignore)
    }

    static func matches(_ name: String, _ patterns: [String]) -> Bool {
        patterns.contains { fnmatch($0, name, 0) == 0 }
    }
}
