import Foundation
import Glibc
import Logging
import NewsCore
import NewsStore
import SystemPackage
import Testing

@testable import NewsInbox

/// The disposer moves or removes only the file that was read, through the inbox's own folders.
@Suite struct DisposerTests {
    static func identity(_ path: String) -> FileIdentity {
        var st = stat()
        _ = lstat(path, &st)
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    static func outcome(_ folder: ScratchFolder, _ name: String, dispose: Bool = true) -> FileOutcome {
        let commit = FileCommit(
            fileID: 7, path: name, identity: identity(folder.path + "/inbox/" + name), size: 1, mtimeNanoseconds: 0,
            offset: 1, state: .ingested)
        return .commit(commit, dispose: dispose)
    }

    static func disposer(_ folder: ScratchFolder, _ afterIngest: Disposition) -> Disposer {
        let settings = IngestSettings(
            patterns: FilePatterns(include: ["*.txt"], ignore: []), afterIngest: afterIngest,
            archiveDir: FilePath(folder.path + "/archive"), quarantineDir: FilePath(folder.path + "/quarantine"))
        return Disposer(directory: InboxDirectory(root: FilePath(folder.path + "/inbox")), settings: settings, logger: Logger(label: "test"))
    }

    @Test func archiveMovesTheFileKeepingItsSubfolder() throws {
        let folder = ScratchFolder()
        try folder.write("inbox/sub/a.txt")
        let leaving = LeavingFiles()
        let left = Self.disposer(folder, .archive).dispose([Self.outcome(folder, "sub/a.txt")], leaving: leaving)
        #expect(left == [.init(fileID: 7, path: "sub/a.txt", movedTo: folder.path + "/archive/sub/a.txt")])
        // Its row is to be recorded by the next transaction, with where it went.
        #expect(leaving.pending().map { [$0.id: $0.movedTo] } == [[7: folder.path + "/archive/sub/a.txt"]])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/inbox/sub/a.txt"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/archive/sub/a.txt"))
    }

    @Test func aNameThatNowStandsForAnotherFileIsLeftAlone() throws {
        let folder = ScratchFolder()
        try folder.write("inbox/a.txt")
        let read = Self.outcome(folder, "a.txt")
        // Replaced after the read: a new inode under the same name.
        try folder.write("inbox/b.txt", "Another\n\nText.\n")
        #expect(rename(folder.path + "/inbox/b.txt", folder.path + "/inbox/a.txt") == 0)
        for mode in [Disposition.archive, .delete] {
            let leaving = LeavingFiles()
            #expect(Self.disposer(folder, mode).dispose([read], leaving: leaving).isEmpty)
            #expect(leaving.count == 0, "a file that stayed is not recorded as gone")
            #expect(try String(contentsOfFile: folder.path + "/inbox/a.txt", encoding: .utf8) == "Another\n\nText.\n")
        }
    }

    @Test func deleteRemovesOnlyThroughTheInboxNeverThroughASymlink() throws {
        let folder = ScratchFolder()
        try folder.write("outside/secret.txt")
        try folder.write("inbox/a.txt")
        #expect(symlink(folder.path + "/outside", folder.path + "/inbox/linkdir") == 0)
        var st = stat()
        _ = stat(folder.path + "/outside/secret.txt", &st)
        let viaLink = FileOutcome.commit(
            FileCommit(
                fileID: 8, path: "linkdir/secret.txt", identity: FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)),
                size: 1, mtimeNanoseconds: 0, offset: 1, state: .ingested), dispose: true)
        let leaving = LeavingFiles()
        let left = Self.disposer(folder, .delete).dispose([Self.outcome(folder, "a.txt"), viaLink], leaving: leaving)
        #expect(left.map(\.path) == ["a.txt"])
        #expect(leaving.pending().map(\.id) == [7] && leaving.pending().first?.movedTo == nil)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/outside/secret.txt"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/inbox/a.txt"))
    }

    @Test func keepLeavesEverythingAndQuarantineWritesTheReason() throws {
        let folder = ScratchFolder()
        try folder.write("inbox/a.txt")
        try folder.write("inbox/bad.txt")
        #expect(Self.disposer(folder, .keep).dispose([Self.outcome(folder, "a.txt")], leaving: LeavingFiles()).isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/inbox/a.txt"))
        let destination = FilePath(folder.path + "/quarantine/bad.txt")
        let why = QuarantineReason.content(ParseError(.binary, "NUL byte at offset 3"))
        let failed = FileCommit(
            fileID: nil, path: "bad.txt", identity: Self.identity(folder.path + "/inbox/bad.txt"), size: 1,
            mtimeNanoseconds: 0, offset: 0, state: .failed, error: why.description)
        _ = Self.disposer(folder, .keep).dispose([
            .quarantine(failed, reason: why, source: "bad.txt", destination: destination)
        ], leaving: LeavingFiles())
        #expect(FileManager.default.fileExists(atPath: folder.path + "/quarantine/bad.txt"))
        let reason = try String(contentsOfFile: folder.path + "/quarantine/bad.txt.reason", encoding: .utf8)
        #expect(reason.contains("reason: binary: NUL byte at offset 3"))
    }

    @Test func theRecordBesideTheDatabaseKeepsWhatADeadRunHadNotRecorded() throws {
        let folder = ScratchFolder()
        let path = folder.path + "/newsd.db.leaving"
        let a = FileIdentity(device: 1, inode: 10)
        let b = FileIdentity(device: 1, inode: 11)
        do {
            let record = try #require(LeavingFiles(path: path) { _ in false })
            record.enter(.init(id: 3, "a.txt", a, movedTo: "/archive/a.txt"))
            record.enter(.init(id: 4, "sub/b c.txt", b, movedTo: nil))
            record.enter(.init(id: 5, "kept.txt", b, movedTo: nil))
            record.stay(5)  // its removal failed
        }
        // A line cut short by the death is no entry.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":9,"path":"x.t"#.utf8))
        try handle.close()
        // The next run: b's file is still at its path with its identity (it never moved).
        let next = try #require(LeavingFiles(path: path) { $0.path == "sub/b c.txt" && $0.identity == b })
        #expect(next.pending() == [.init(id: 3, movedTo: "/archive/a.txt", identity: a)])
        #expect(next.contains(3) && !next.contains(4) && !next.contains(5))
        next.recorded(next.pending())
        #expect(next.count == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty, "nothing left to record")
        #expect(LeavingFiles(path: path) { _ in false }?.count == 0)
    }
}
