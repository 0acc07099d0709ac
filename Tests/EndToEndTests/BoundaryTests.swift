import Foundation
import Glibc
import Testing

/// The inbox is a boundary, tried as a hostile member of the newsd group would: nothing outside
/// it is read, moved or deleted; a second name does not take over a file's record; what newsd
/// writes is not world-readable; names are bytes.
@Suite struct BoundaryTests {
    static func story(_ title: String, _ marker: String) -> Data { IngestTests.story(title, marker) }

    /// The paths of `query TEXT`'s results.
    static func hits(_ daemon: DaemonUnderTest, _ text: String) throws -> [String] {
        let answer = try daemon.ctl("--json", "query", text)
        let results = (try answer.json() as? [String: Any])?["results"] as? [[String: Any]] ?? []
        return results.compactMap { $0["path"] as? String }
    }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : 0o7777
    }

    @Test(arguments: ["keep", "archive", "delete"])
    func aSymlinkedFolderIsNeverFollowed(afterIngest: String) throws {
        let daemon = try DaemonUnderTest(config: ["after_ingest": afterIngest], start: false)
        // A private folder outside the inbox, with a secret only its owner may read.
        let secretFolder = daemon.folder.path + "/private"
        #expect(mkdir(secretFolder, 0o700) == 0)
        let secret = secretFolder + "/secret.txt"
        try Self.story("The secret report", "secret1").write(to: URL(fileURLWithPath: secret))
        #expect(chmod(secret, 0o600) == 0)
        #expect(symlink(secretFolder, daemon.inbox + "/linkdir") == 0)
        #expect(symlink(secret, daemon.inbox + "/link.txt") == 0)
        try Self.story("An ordinary report", "plain1").write(to: URL(fileURLWithPath: daemon.inbox + "/plain.txt"))
        try daemon.launch()
        daemon.waitReady()
        try daemon.waitArticles(1)
        // A rescan (and the events of a link made while running) changes nothing.
        #expect(symlink(secretFolder, daemon.inbox + "/linkdir2") == 0)
        #expect(try daemon.ctl("rescan").status == 0)
        try daemon.dropCarefully("after.txt", Self.story("A report after the rescan", "plain2"))
        try daemon.waitArticles(2)
        let status = try daemon.status()
        #expect(status["articles"] as? Int == 2)
        #expect(try Self.hits(daemon, "secret1").isEmpty)
        #expect(FileManager.default.fileExists(atPath: secret), "the file outside the inbox is where it was")
        #expect(Self.mode(secret) == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8).contains("secret1"))
        let link = try daemon.fileStatus("link.txt")
        #expect(link["state"] as? String == "ignored" && link["error"] as? String == "symlink", "\(link)")
        #expect(try daemon.ctl("status", daemon.inbox + "/linkdir/secret.txt").status != 0)
    }

    @Test func aHardLinkOrSymlinkToAnIngestedFileDoesNotTakeOverItsRecord() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("original.txt", Self.story("The original report", "orig1"))
        try daemon.waitArticles(1)
        #expect(link(daemon.inbox + "/original.txt", daemon.inbox + "/hardlink.txt") == 0)
        #expect(symlink(daemon.inbox + "/original.txt", daemon.inbox + "/softlink.txt") == 0)
        #expect(try daemon.ctl("rescan").status == 0)
        try daemon.dropCarefully("marker.txt", Self.story("A marker after the links", "mark1"))
        try daemon.waitArticles(2)
        usleep(300_000)
        let original = try daemon.fileStatus("original.txt")
        #expect(original["state"] as? String == "ingested", "\(original)")
        #expect(original["path"] as? String == "original.txt")
        #expect(try Self.hits(daemon, "orig1") == ["original.txt"])
        #expect(try daemon.status()["articles"] as? Int == 2)
        // Once the first name is gone, the second name is the file's name: a rename.
        #expect(unlink(daemon.inbox + "/original.txt") == 0)
        #expect(try daemon.ctl("rescan").status == 0)
        try daemon.waitStatus("the record follows the remaining name") { _ in
            (try? daemon.fileStatus("hardlink.txt")["state"] as? String) == "ingested"
        }
    }

    @Test func theDatabaseAndQuarantinedFilesAreNotWorldReadable() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("good.txt", Self.story("A good report", "mode1"))
        try daemon.dropCarefully("bad.txt", Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0, 0, 0, 0xFF]))
        try daemon.waitStatus("one ingested, one failed") {
            ($0["articles"] as? Int) == 1 && ($0["failed"] as? Int) == 1 && ($0["pending"] as? Int) == 0
        }
        let failed = try daemon.fileStatus("bad.txt")
        let quarantined = try #require(failed["moved_to"] as? String)
        for path in [daemon.database, daemon.database + "-wal", quarantined + ".reason"] {
            #expect(Self.mode(path) & 0o007 == 0, "\(path) is \(String(Self.mode(path), radix: 8))")
        }
        let folder = (quarantined as NSString).deletingLastPathComponent
        #expect(Self.mode(folder) & 0o007 == 0, "quarantine folder is \(String(Self.mode(folder), radix: 8))")
    }

    @Test func aNameThatIsNotUTF8IsIngestedAndShownEscaped() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        var name = Array(daemon.inbox.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8)
        name.append(0)
        let fd = name.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        let data = Self.story("A report under a Latin-1 name", "latin1")
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try daemon.waitArticles(1)
        let hits = try daemon.ctl("--json", "query", "latin1")
        let results = (try hits.json() as? [String: Any])?["results"] as? [[String: Any]] ?? []
        #expect(results.first?["path"] as? String == "bad\\xFF.txt", "\(hits.stdout)")
        #expect(try daemon.fileStatus("bad\\xFF.txt")["state"] as? String == "ingested")
        // A rescan finds it as the same file, not a new one.
        #expect(try daemon.ctl("rescan").status == 0)
        try daemon.dropCarefully("marker.txt", Self.story("Marker", "mark2"))
        try daemon.waitArticles(2)
        #expect(try daemon.status()["articles"] as? Int == 2)
    }
}
