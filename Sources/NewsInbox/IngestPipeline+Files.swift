import Crypto
import Foundation
import Glibc
import NewsCore
import NewsStore
import SystemPackage

/// What reading one file came to.
enum FileOutcome: Sendable {
    /// Nothing to do: unchanged, vanished, or not a regular file.
    case skip
    /// Commit this; `dispose` when the file is complete and `after_ingest` applies.
    case commit(FileCommit, dispose: Bool)
    /// Commit this failure, then move the file to `destination` with its reason beside it.
    case quarantine(FileCommit, source: FilePath, destination: FilePath)
}

/// A file's (device, inode), size and mtime as `stat(2)` saw them.
struct FileStat: Sendable {
    var identity: FileIdentity
    var size: Int64
    var mtimeNanoseconds: Int64
    var isRegular: Bool

    init(_ st: stat) {
        identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        size = Int64(st.st_size)
        mtimeNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        isRegular = (st.st_mode & S_IFMT) == S_IFREG
    }

    /// `stat(2)` of a path, following symlinks; nil when it is gone.
    static func of(_ path: FilePath) throws(Errno) -> FileStat? {
        var st = stat()
        if path.withPlatformString({ stat($0, &st) }) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Errno(rawValue: errno)
        }
        return FileStat(st)
    }

    /// `fstat(2)` of an open file.
    static func of(_ fd: FileDescriptor) throws(Errno) -> FileStat {
        var st = stat()
        guard fstat(fd.rawValue, &st) == 0 else { throw Errno(rawValue: errno) }
        return FileStat(st)
    }
}

/// Reads and parses files for the pipeline. Blocking: runs on the thread pool, never on the
/// cooperative pool.
struct FileProcessor: Sendable {
    static let headLength = 4096
    static let chunkSize = 64 * 1024

    var inbox: FilePath
    var settings: IngestSettings

    /// The path relative to the inbox (`sub/a.txt`), as the database keeps it.
    func relative(_ path: FilePath) -> String {
        // Paths come from the watcher and the scanner, which build them under `inbox`: the common
        // case is a plain prefix (FilePath's component walk costs far more per file).
        let full = path.string
        let root = inbox.string
        if full.hasPrefix(root) {
            let rest = full.utf8.dropFirst(root.utf8.count)
            if root.hasSuffix("/") || rest.first == UInt8(ascii: "/") {
                return String(decoding: rest.drop(while: { $0 == UInt8(ascii: "/") }), as: UTF8.self)
            }
        }
        var components = path.components.makeIterator()
        for _ in inbox.components { _ = components.next() }
        return FilePath(root: nil, Array(IteratorSequence(components))).string
    }

    /// Decides what a file needs and does the reading and parsing.
    func process(_ path: FilePath, stat seen: FileStat, record: FileRecord?) -> FileOutcome {
        let relativePath = relative(path)
        if seen.size > settings.maxFileBytes {
            return quarantine(
                path, relativePath, stat: seen, record: record,
                reason: "too_large: \(seen.size) bytes is more than max_file_bytes (\(settings.maxFileBytes))")
        }
        if let record, record.state == .ingested || record.state == .seen,
            seen.size == record.size, seen.mtimeNanoseconds == record.mtimeNanoseconds, record.offset == seen.size
        {
            if record.path != relativePath {
                return .commit(commit(record, relativePath, seen, articles: nil), dispose: record.state == .ingested)
            }
            // Unchanged: no read at all. An ingested file still in the inbox may owe its disposition
            // (a crash between commit and move).
            return record.state == .ingested && settings.afterIngest != .keep
                ? .commit(commit(record, relativePath, seen, articles: nil), dispose: true) : .skip
        }
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec, .noFollow], retryOnInterrupt: true)
        } catch Errno.noSuchFileOrDirectory {
            return .skip
        } catch {
            return quarantine(path, relativePath, stat: seen, record: record, reason: "unreadable: \(error)")
        }
        defer { try? fd.close() }
        do {
            let current = try FileStat.of(fd)
            guard current.isRegular else { return .skip }
            guard current.identity == seen.identity else { return .skip }  // replaced since stat: its own event follows
            return try parse(fd, path, relativePath, stat: current, record: record)
        } catch let error as ParseError {
            return quarantine(path, relativePath, stat: seen, record: record, reason: error.description)
        } catch {
            return quarantine(path, relativePath, stat: seen, record: record, reason: "unreadable: \(error)")
        }
    }

    private func parse(_ fd: FileDescriptor, _ path: FilePath, _ relativePath: String, stat: FileStat, record: FileRecord?)
        throws -> FileOutcome
    {
        let size = stat.size
        let head = try readFully(fd, at: 0, count: min(Int(size), Self.headLength))
        var parser = ArticleParser(format: InputFormat(fileName: path.lastComponent?.string ?? ""), aliases: settings.aliases)
        var offset: Int64 = 0
        if let record, record.state == .ingested || record.state == .seen, record.offset > 0, record.offset <= size,
            let saved = record.parserState,
            Self.hash(head.prefix(record.headLength)) == record.headHash,
            let state = ArticleParser.State(serialized: saved)
        {
            // Same head, more bytes: an append. Continue from the committed offset.
            parser = ArticleParser(resuming: state, aliases: settings.aliases)
            offset = record.offset
        }
        while offset < size {
            let chunk = try readFully(fd, at: offset, count: Int(min(Int64(Self.chunkSize), size - offset)))
            if chunk.isEmpty { break }  // truncated while we read: the next event sees the new size
            try parser.consume(chunk)
            offset += Int64(chunk.count)
        }
        let articles = try parser.articles()
        let state = parser.state.serialized()
        let commit = FileCommit(
            fileID: record?.id, path: relativePath, identity: stat.identity, headHash: Self.hash(head[...]),
            headLength: head.count, size: offset, mtimeNanoseconds: stat.mtimeNanoseconds, offset: offset,
            parserState: state, state: articles.isEmpty ? .seen : .ingested,
            error: articles.isEmpty ? (offset == 0 ? "empty: no bytes yet" : "no article text yet") : nil,
            articles: articles)
        return .commit(commit, dispose: !articles.isEmpty)
    }

    private func commit(_ record: FileRecord, _ relativePath: String, _ seen: FileStat, articles: [Article]?)
        -> FileCommit
    {
        FileCommit(
            fileID: record.id, path: relativePath, identity: seen.identity, headHash: record.headHash,
            headLength: record.headLength, size: record.size, mtimeNanoseconds: record.mtimeNanoseconds,
            offset: record.offset, parserState: record.parserState, state: record.state, articles: articles)
    }

    private func quarantine(_ path: FilePath, _ relativePath: String, stat: FileStat, record: FileRecord?, reason: String)
        -> FileOutcome
    {
        let destination = Self.freeName(settings.quarantineDir.appending(relativePath))
        let commit = FileCommit(
            fileID: record?.id, path: relativePath, identity: stat.identity, size: stat.size,
            mtimeNanoseconds: stat.mtimeNanoseconds, offset: 0, parserState: nil, state: .failed, error: reason,
            movedTo: destination.string, articles: nil)
        return .quarantine(commit, source: path, destination: destination)
    }

    /// `path`, or `path.1`, `path.2`… when a file of that name (or its `.reason`) already exists.
    static func freeName(_ path: FilePath) -> FilePath {
        var candidate = path
        var n = 0
        while access(candidate.string, F_OK) == 0 || access(candidate.string + ".reason", F_OK) == 0 {
            n += 1
            candidate = FilePath(path.string + ".\(n)")
        }
        return candidate
    }

    private func readFully(_ fd: FileDescriptor, at offset: Int64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try buffer.withUnsafeMutableBytes { raw in
                try fd.read(
                    fromAbsoluteOffset: offset + Int64(filled),
                    into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]), retryOnInterrupt: true)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < count { buffer.removeSubrange(filled...) }
        return buffer
    }

    /// Hex SHA-256 of a file's first bytes: tells an append (same head) from a replacement.
    static func hash(_ bytes: ArraySlice<UInt8>) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// Moves files out of the inbox after their commit: quarantine, archive, delete.
enum FileMover {
    /// Renames `source` to `destination`, creating folders; copies and unlinks across filesystems.
    static func move(_ source: FilePath, to destination: FilePath) throws {
        if let parent = destination.removingLastComponent() as FilePath?, !parent.isEmpty {
            try FileManager.default.createDirectory(atPath: parent.string, withIntermediateDirectories: true)
        }
        if rename(source.string, destination.string) == 0 { return }
        guard errno == EXDEV else { throw Errno(rawValue: errno) }
        try FileManager.default.copyItem(atPath: source.string, toPath: destination.string)
        try FileManager.default.removeItem(atPath: source.string)
    }

    /// Writes `NAME.reason` beside a quarantined file.
    static func writeReason(_ reason: String, for destination: FilePath, original: String) throws {
        let text = "file: \(original)\nreason: \(reason)\ntime: \(Date())\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: destination.string + ".reason"), options: .atomic)
    }
}
