import Foundation
import Glibc
import Logging
import Synchronization
import SystemPackage
import Testing

@testable import NewsInbox

/// A temporary folder removed when the value goes away.
final class ScratchFolder: Sendable {
    let path: String
    init() {
        var template = Array("/tmp/newsd-inbox-test.XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String = "Title\n\nA paragraph.\n") throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

let defaultPatterns = FilePatterns(include: ["*.txt", "*.md", "*.json"], ignore: [".*", "*.tmp", "*.part", "*~"])

@Suite struct FilePatternsTests {
    @Test(arguments: [
        ("story.txt", true), ("notes.md", true), ("feed.json", true), ("image.png", false),
        (".story.txt", false), (".story.txt.part", false), ("story.txt.part", false), ("story.tmp", false),
        ("story.txt~", false), ("STORY.TXT", false),
    ])
    func fileNames(name: String, accepted: Bool) {
        #expect(defaultPatterns.accepts(fileName: name) == accepted)
    }

    @Test(arguments: [("2025", true), ("tmp", false), (".git", false), ("new", true), ("cur", true)])
    func folderNames(name: String, accepted: Bool) {
        #expect(defaultPatterns.accepts(directoryName: name) == accepted)
    }
}

@Suite struct InboxScannerTests {
    @Test func findsAcceptedFilesInSubfoldersButNotTmpIgnoredOrExcluded() throws {
        let folder = ScratchFolder()
        for name in [
            "a.txt", "b.md", "c.png", ".hidden.txt", "d.txt.part", "sub/e.txt", "sub/deeper/f.json", "tmp/g.txt",
            ".git/h.txt", "quarantine/i.txt",
        ] {
            try folder.write(name)
        }
        let scanner = InboxScanner(
            root: FilePath(folder.path), patterns: defaultPatterns, recursive: true,
            excluded: [FilePath(folder.path + "/quarantine")])
        let found = try scanner.files().map { String($0.string.dropFirst(folder.path.count + 1)) }
        #expect(found == ["a.txt", "b.md", "sub/deeper/f.json", "sub/e.txt"])
        let folders = try scanner.folders().map(\.string)
        #expect(Set(folders) == [folder.path, folder.path + "/sub", folder.path + "/sub/deeper"])
    }

    @Test func handsFilesOverInChunksInPathOrder() throws {
        let folder = ScratchFolder()
        let names = ["b/x.txt", "a.txt", "b.txt", "a/z.txt", "c.txt", "a/y/w.txt", "b/a.txt"]
        for name in names { try folder.write(name) }
        let scanner = InboxScanner(root: FilePath(folder.path), patterns: defaultPatterns, recursive: true)
        var chunks: [[String]] = []
        try scanner.scan(chunk: 3) { chunks.append($0) }
        #expect(chunks.map(\.count) == [3, 3, 1])
        // The order of the whole paths: "a.txt" before "a/…" ("." sorts before "/").
        #expect(chunks.joined().map { String($0.dropFirst(folder.path.count + 1)) } == names.sorted())
        #expect(try scanner.files().map(\.string) == names.sorted().map { folder.path + "/" + $0 })
    }

    @Test func notRecursiveStaysAtTheTop() throws {
        let folder = ScratchFolder()
        try folder.write("a.txt")
        try folder.write("sub/b.txt")
        let scanner = InboxScanner(root: FilePath(folder.path), patterns: defaultPatterns, recursive: false)
        #expect(try scanner.files().map(\.string) == [folder.path + "/a.txt"])
    }

    @Test func aMissingInboxIsAnErrorNotAnEmptyFolder() {
        let scanner = InboxScanner(
            root: FilePath("/nonexistent/newsd-inbox"), patterns: defaultPatterns, recursive: true)
        #expect(throws: Errno.noSuchFileOrDirectory) { try scanner.files() }
    }

    @Test func localTemporaryFolderIsNotRemote() {
        #expect(IngestPipeline.remoteFilesystem(FilePath("/tmp")) == nil)
        #expect(IngestPipeline.remoteFilesystem(FilePath("/nonexistent/newsd")) == nil)
    }
}

/// Collects what a watcher reports.
final class EventLog: Sendable {
    private let events = Mutex<[InboxEvent]>([])

    func append(_ event: InboxEvent) { events.withLock { $0.append(event) } }

    var all: [InboxEvent] { events.withLock { $0 } }

    /// Waits until some event satisfies `predicate`.
    func wait(timeout: Double = 10, _ predicate: (InboxEvent) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if all.contains(where: predicate) { return true }
            usleep(10_000)
        }
        return false
    }
}

/// Runs a watcher on a scratch folder for the length of `body`.
func withWatcher(_ body: (ScratchFolder, EventLog) async throws -> Void) async throws {
    let folder = ScratchFolder()
    let inbox = folder.path + "/inbox"
    try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    let log = EventLog()
    let scanner = InboxScanner(root: FilePath(inbox), patterns: defaultPatterns, recursive: true)
    let watcher = try InboxWatcher(scanner: scanner, logger: Logger(label: "test")) { log.append($0) }
    try watcher.start()
    // Its own thread, not a child task: other tests may hold every cooperative thread.
    let stop = watcher.startThread()
    defer { stop() }
    try await body(folder, log)
}

@Suite(.serialized) struct InboxWatcherTests {
    @Test func aWaitWithoutTimeoutEndsWhenWokenAndThenWaitsForEventsAgain() throws {
        let folder = ScratchFolder()
        let inotify = try Inotify()
        _ = try inotify.addWatch(FilePath(folder.path), mask: [.closeWrite, .movedTo])
        inotify.wake()
        #expect(try inotify.read(timeoutMilliseconds: -1).isEmpty)  // woken, no events
        // The wake was taken: the next wait ends with the event, not with the wake again.
        try folder.write("a.txt")
        let events = try inotify.read(timeoutMilliseconds: -1)
        #expect(events.map(\.name) == ["a.txt"])
    }

    @Test func renameInIsReadyAtOnce() async throws {
        try await withWatcher { folder, log in
            try folder.write(".a.txt.part")
            #expect(rename(folder.path + "/.a.txt.part", folder.path + "/inbox/a.txt") == 0)
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/a.txt") })
            #expect(!log.all.contains { if case .ready(let p) = $0 { p.hasSuffix(".part") } else { false } })
        }
    }

    @Test func writeInPlaceIsModifiedThenReadyOnClose() async throws {
        try await withWatcher { folder, log in
            let path = folder.path + "/inbox/b.txt"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = write(fd, "Title\n", 6)
            #expect(log.wait { $0 == .modified(path) })
            #expect(!log.all.contains(.ready(path)))
            close(fd)
            #expect(log.wait { $0 == .ready(path) })
        }
    }

    @Test func ignoredNamesSendNothingButTheirRenameDoes() async throws {
        try await withWatcher { folder, log in
            try folder.write("inbox/c.txt.part")
            try folder.write("inbox/.d.txt")
            try folder.write("inbox/tmp/e.txt")
            try folder.write("inbox/marker.txt")
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/marker.txt") })
            #expect(log.all.allSatisfy { event in
                if case .ready(let p) = event { return p.hasSuffix("marker.txt") }
                if case .modified(let p) = event { return p.hasSuffix("marker.txt") }
                return true
            })
            #expect(rename(folder.path + "/inbox/c.txt.part", folder.path + "/inbox/c.txt") == 0)
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/c.txt") })
        }
    }

    @Test func newSubfoldersAreWatchedAndScanned() async throws {
        try await withWatcher { folder, log in
            // Made and filled at once: the file may be written before the watch is set.
            try folder.write("inbox/new/deeper/f.txt")
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/new/deeper/f.txt") })
            try folder.write("inbox/new/deeper/g.txt")
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/new/deeper/g.txt") })
        }
    }

    @Test func removalsAreReported() async throws {
        try await withWatcher { folder, log in
            try folder.write("inbox/h.txt")
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/h.txt") })
            try FileManager.default.removeItem(atPath: folder.path + "/inbox/h.txt")
            #expect(log.wait { $0 == .removed(folder.path + "/inbox/h.txt") })
        }
    }

    @Test func inboxDeletedAndRecreatedAsksForARescanAndIsWatchedAgain() async throws {
        try await withWatcher { folder, log in
            try FileManager.default.removeItem(atPath: folder.path + "/inbox")
            try FileManager.default.createDirectory(atPath: folder.path + "/inbox", withIntermediateDirectories: true)
            // The loss itself asks for a rescan (the pipeline reports `degraded`), and so does the return.
            #expect(log.wait { $0 == .rescan(reason: "inbox deleted or moved") })
            #expect(log.wait { $0 == .rescan(reason: "inbox recreated") })
            try folder.write("inbox/i.txt")
            #expect(log.wait { $0 == .ready(folder.path + "/inbox/i.txt") })
        }
    }
}

/// Names are bytes: the escaped form round-trips every byte string and leaves ordinary names alone.
@Suite struct RawNameTests {
    @Test(arguments: [
        ([UInt8]("plain.txt".utf8), "plain.txt"),
        ([UInt8]("Zürich – Bericht.txt".utf8), "Zürich – Bericht.txt"),
        ([0x62, 0x61, 0x64, 0xFF, 0x2E, 0x74, 0x78, 0x74], "bad\\xFF.txt"),
        ([UInt8]("a\\b.txt".utf8), "a\\\\b.txt"),
        ([0xC3, 0x28], "\\xC3("),
        ([0xE2, 0x82], "\\xE2\\x82"),
    ])
    func escapes(bytes: [UInt8], escaped: String) {
        #expect(RawName.escape(bytes) == escaped)
        #expect(RawName.bytes(escaped) == bytes)
    }

    @Test func everyByteStringRoundTrips() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 1...12, using: &generator)).map { _ in UInt8.random(in: 1...255, using: &generator) }
            #expect(RawName.bytes(RawName.escape(bytes)) == bytes)
        }
    }
}
