import CNewsLinux
import Foundation
import Glibc
import NewsCore
import NewsStore
import NewsWorker
import SystemPackage

/// What reading one file came to.
enum FileOutcome: Sendable {
    /// Nothing to do: unchanged, vanished, or not a regular file.
    case skip
    /// Commit this; `dispose` when the file is complete and `after_ingest` applies.
    case commit(FileCommit, dispose: Bool)
    /// Commit this failure (its `error` is `reason`'s text), then move the file (`source`, relative
    /// to the inbox) to `destination` with its reason beside it.
    case quarantine(FileCommit, reason: QuarantineReason, source: String, destination: FilePath)
}

/// A file's (device, inode), size and mtime as `stat(2)` saw them (swift-system's `Stat`).
struct FileStat: Sendable {
    var identity: FileIdentity
    var size: Int64
    var mtimeNanoseconds: Int64
    var isRegular: Bool

    init(_ st: Stat) {
        identity = FileIdentity(device: UInt64(st.deviceID.rawValue), inode: UInt64(st.inode.rawValue))
        size = st.size
        mtimeNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        isRegular = st.type == .regular
    }

    /// `lstat(2)` of a path outside the inbox (quarantine, archive); nil when it is gone.
    static func of(_ path: FilePath) throws(Errno) -> FileStat? {
        do throws(Errno) {
            return FileStat(try path.stat(followTargetSymlink: false))
        } catch Errno.noSuchFileOrDirectory, Errno.notDirectory {
            return nil
        }
    }

    /// `fstat(2)` of an open file.
    static func of(_ fd: FileDescriptor) throws(Errno) -> FileStat {
        FileStat(try fd.stat())
    }
}

/// Decides what each file needs, opens it, and has a parser worker parse it. Blocking: runs on
/// the thread pool, never on the cooperative pool. The daemon itself never reads file bytes: it
/// opens the file and hands the descriptor to a parser worker.
struct FileProcessor: Sendable {
    var inbox: FilePath
    var settings: IngestSettings
    var parsers: ParserPool
    var journal: InFlightJournal?

    /// The inbox as a boundary: every open, look, move and delete of an inbox file goes through it.
    var directory: InboxDirectory { InboxDirectory(root: inbox) }

    /// The path relative to the inbox (`sub/a.txt`), as the database keeps it, from an absolute
    /// path in `RawName`'s escaped form (as the watcher and the scanner give them).
    func relative(_ path: String) -> String {
        let root = RawName.string(inbox)
        if path.hasPrefix(root) {
            let rest = path.utf8.dropFirst(root.utf8.count)
            if root.hasSuffix("/") || rest.first == UInt8(ascii: "/") {
                return String(decoding: rest.drop(while: { $0 == UInt8(ascii: "/") }), as: UTF8.self)
            }
        }
        return path
    }

    /// `lstat` of an inbox file, reached without following symlinks; nil when it is not there.
    func stat(_ path: String) -> FileStat? {
        (try? directory.stat(relative(path))) ?? nil
    }

    /// An absolute path of the inbox's from a relative one.
    func absolute(_ relative: String) -> String {
        let root = RawName.string(inbox)
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// Decides what a file needs and does the reading and parsing.
    func process(_ path: String, stat seen: FileStat, record: FileRecord?) -> FileOutcome {
        let relativePath = relative(path)
        if seen.size > settings.maxFileBytes {
            return quarantine(
                path, relativePath, stat: seen, record: record,
                reason: .tooLarge(bytes: seen.size, limit: settings.maxFileBytes))
        }
        if let record, record.state == .ingested || record.state == .seen,
            seen.size == record.size, seen.mtimeNanoseconds == record.mtimeNanoseconds, record.offset == seen.size
        {
            if record.path != relativePath {
                // A second name for the same inode (a hard link) leaves the record where it is
                // while its own name still stands for that inode: only a rename moves it.
                if let other = (try? directory.stat(record.path)) ?? nil, other.identity == seen.identity { return .skip }
                return .commit(commit(record, relativePath, seen, articles: nil), dispose: record.state == .ingested)
            }
            // Unchanged: no read at all. An ingested file still in the inbox may owe its disposition
            // (a crash between commit and move).
            return record.state == .ingested && settings.afterIngest != .keep
                ? .commit(commit(record, relativePath, seen, articles: nil), dispose: true) : .skip
        }
        if let record, record.identity == seen.identity, record.path != relativePath,
            let other = (try? directory.stat(record.path)) ?? nil, other.identity == seen.identity
        {
            return .skip  // a second name for a file newsd reads under its first name
        }
        let fd: FileDescriptor
        do {
            fd = try directory.open(relativePath)
        } catch Errno.noSuchFileOrDirectory, Errno.tooManySymbolicLinkLevels, Errno.improperLink {
            return .skip  // gone, or a symlink (never followed)
        } catch {
            return quarantine(path, relativePath, stat: seen, record: record, reason: .unreadable("\(error)"))
        }
        defer { try? fd.close() }
        do {
            let current = try FileStat.of(fd)
            guard current.isRegular else { return .skip }
            guard current.identity == seen.identity else { return .skip }  // replaced since stat: its own event follows
            let outcome = try parse(fd, path, relativePath, stat: current, record: record)
            if current.size >= IngestPipeline.trimAfterBytes {
                // The worker's reply (the article's paragraphs, one allocation each) is gone by now,
                // its pages freed between live ones: given back before the commit copies the body.
                _ = cnews_malloc_trim()
            }
            return outcome
        } catch let error as ParseError {
            return quarantine(path, relativePath, stat: seen, record: record, reason: .content(error))
        } catch {
            return quarantine(path, relativePath, stat: seen, record: record, reason: .unreadable("\(error)"))
        }
    }

    private func parse(_ fd: FileDescriptor, _ path: String, _ relativePath: String, stat: FileStat, record: FileRecord?)
        throws -> FileOutcome
    {
        // An append and a replacement alike are read from the first byte (a worker keeps nothing
        // between files): the commit keeps what did not change and revises what did.
        let size = stat.size
        var request = ParseRequest(
            format: InputFormat(fileName: String(relativePath.split(separator: "/").last ?? "")), size: size)
        #if DEBUG
            request.testFault = Self.testFault(try readFully(fd, at: 0, count: min(Int(size), 64)))
        #endif
        if let journal {
            if journal.deaths(stat.identity) >= InFlightJournal.deathsBeforeQuarantine {
                return quarantine(
                    path, relativePath, stat: stat, record: record,
                    reason: .newsdStopped(times: journal.deaths(stat.identity)))
            }
            journal.begin(stat.identity)
        }
        let reply: ParseReply
        switch parsers.parse(request, file: fd, path: relativePath) {
        case .failure(let failure):
            return quarantine(path, relativePath, stat: stat, record: record, reason: .parser(failure))
        case .success(let answer):
            reply = answer
        }
        if let error = reply.error {
            return quarantine(path, relativePath, stat: stat, record: record, reason: .content(error))
        }
        let articles = reply.articles
        let commit = FileCommit(
            fileID: record?.id, path: relativePath, identity: stat.identity, size: reply.offset, mtimeNanoseconds: stat.mtimeNanoseconds, offset: reply.offset,
            state: articles.isEmpty ? .seen : .ingested,
            error: articles.isEmpty ? (reply.offset == 0 ? "empty: no bytes yet" : "no article text yet") : nil,
            articles: articles)
        return .commit(commit, dispose: !articles.isEmpty)
    }

    #if DEBUG
        /// Debug builds only: a file whose first line is `NEWSD-TEST-FAULT: crash|allocate|hang` makes
        /// its worker fail that way, so the daemon's tests can show what a poison file does.
        static func testFault(_ head: [UInt8]) -> String? {
            let marker = Array("NEWSD-TEST-FAULT: ".utf8)
            guard head.starts(with: marker) else { return nil }
            return String(decoding: head.dropFirst(marker.count).prefix { $0 != 0x0A }, as: UTF8.self)
        }
    #endif

    private func commit(_ record: FileRecord, _ relativePath: String, _ seen: FileStat, articles: [Article]?)
        -> FileCommit
    {
        FileCommit(
            fileID: record.id, path: relativePath, identity: seen.identity, size: record.size, mtimeNanoseconds: record.mtimeNanoseconds,
            offset: record.offset, state: record.state, articles: articles)
    }

    private func quarantine(
        _ path: String, _ relativePath: String, stat: FileStat, record: FileRecord?, reason: QuarantineReason
    ) -> FileOutcome {
        let destination = Self.freeName(Self.path(settings.quarantineDir, relativePath))
        let commit = FileCommit(
            fileID: record?.id, path: relativePath, identity: stat.identity, size: stat.size,
            mtimeNanoseconds: stat.mtimeNanoseconds, offset: 0, state: .failed,
            error: reason.description, movedTo: RawName.string(destination), articles: nil)
        return .quarantine(commit, reason: reason, source: relativePath, destination: destination)
    }

    /// `folder` joined with a relative path in escaped form, as bytes.
    static func path(_ folder: FilePath, _ relative: String) -> FilePath {
        let root = RawName.string(folder)
        return RawName.path(root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// `path`, or `path.1`, `path.2`… when a file of that name (or its `.reason`) already exists.
    static func freeName(_ path: FilePath) -> FilePath {
        var candidate = path
        var n = 0
        func exists(_ p: FilePath) -> Bool { p.withPlatformString { access($0, F_OK) } == 0 }
        while exists(candidate) || exists(RawName.path(RawName.string(candidate) + ".reason")) {
            n += 1
            candidate = RawName.path(RawName.string(path) + ".\(n)")
        }
        return candidate
    }

    #if DEBUG
        /// The first `count` bytes (fewer when the file is shorter), for the test fault marker.
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
    #endif
}

/// Writes the reasons beside quarantined files.
enum FileMover {
    /// Writes `NAME.reason` beside a quarantined file.
    static func writeReason(_ reason: QuarantineReason, for destination: FilePath, original: String) throws {
        let text = "file: \(original)\nreason: \(reason)\ntime: \(Date())\n"
        let path = RawName.path(RawName.string(destination) + ".reason")
        let fd = try FileDescriptor.open(
            path, .writeOnly, options: [.create, .truncate, .closeOnExec, .noFollow],
            permissions: [.ownerReadWrite, .groupRead], retryOnInterrupt: true)
        defer { try? fd.close() }
        _ = try fd.writeAll(Array(text.utf8))
    }
}
