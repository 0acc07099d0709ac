import Foundation
import Glibc
import Testing

/// Ingest guarantees with the built daemon on real folders and real inotify: every file is
/// ingested once, appends grow one article, replacements revise it, nothing is lost across
/// restarts, new folders or a recreated inbox, and bad files are quarantined with a reason.
@Suite(.serialized)
struct IngestTests {
    /// A small article whose paragraphs carry `marker` so the test can count them.
    static func article(_ title: String, paragraphs: [String]) -> String {
        "\(title)\n\nBy Jane Doe, political correspondent\n\n" + paragraphs.map { $0 + "\n\n" }.joined()
    }

    /// A one-paragraph article as bytes.
    static func story(_ title: String, _ marker: String) -> Data {
        Data(article(title, paragraphs: [paragraph(marker)]).utf8)
    }

    static func paragraph(_ marker: String) -> String {
        "The committee said on Tuesday that item \(marker) would be published after the vote in the chamber."
    }

    @Test func renameInWriteInPlaceAndSlowWriterEachMakeOneArticle() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully(
            "renamed.txt", Self.story("Renamed into the inbox", "r1"))
        try daemon.dropCarelessly(
            "in-place.txt", Self.story("Written in place", "w1"))

        // A writer that keeps the file open and appends a paragraph at a time, slower than settle_ms.
        let markers = (1...5).map { "slowpara\($0)" }
        let fd = open(daemon.inbox + "/slow.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let head = "Slow writer keeps the file open\n\nBy Jane Doe, political correspondent\n\n"
        _ = head.withCString { write(fd, $0, strlen($0)) }
        for marker in markers {
            let text = Self.paragraph(marker) + "\n\n"
            _ = text.withCString { write(fd, $0, strlen($0)) }
            usleep(350_000)
        }
        close(fd)

        try daemon.waitArticles(3)
        let slow = try daemon.waitFile("slow.txt") { ($0["offset"] as? Int) == Self.size(daemon.inbox + "/slow.txt") }
        let id = try #require(slow["article_id"] as? Int)
        let body = try daemon.body(of: id)
        for marker in markers {
            #expect(body.filter { $0.contains(marker) }.count == 1, "paragraph \(marker) once in \(body)")
        }
        #expect(try daemon.articleCount() == 3)
        for name in ["renamed.txt", "in-place.txt", "slow.txt"] {
            let file = try daemon.fileStatus(name)
            #expect(file["state"] as? String == "ingested")
            #expect(file["offset"] as? Int == Self.size(daemon.inbox + "/" + name))
        }
    }

    @Test func fileStillBeingWrittenIsSettlingUntilQuiet() throws {
        // A long quiet time: a loaded machine may answer the first `status` many seconds after the
        // write (20 s was once not enough beside a parallel build), and the file must still be
        // settling then. Closing it ends the wait at once.
        let daemon = try DaemonUnderTest(config: ["settle_ms": 120_000])
        #expect(daemon.waitReady(timeout: 120), "no READY=1; newsd's log ends:\n\(daemon.log.tail())")
        let path = daemon.inbox + "/open.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let text = Self.article("Still open for writing", paragraphs: [Self.paragraph("o1")])
        _ = text.withCString { write(fd, $0, strlen($0)) }
        let settling = try daemon.waitFile("open.txt", timeout: 90) { $0["state"] as? String == "settling" }
        #expect(settling["offset"] as? Int == 0)
        #expect(try daemon.articleCount() == 0)
        close(fd)
        try daemon.waitArticles(1)
        #expect(try daemon.fileStatus("open.txt")["state"] as? String == "ingested")
    }

    @Test func aFreshFileFoundByTheStartUpScanIsShownSettlingAtOnce() throws {
        // Written just before the start: the scan, not an event, finds it, and it must wait the
        // quiet time like one an event named, with its `settling` row, without a later wake.
        let daemon = try DaemonUnderTest(config: ["settle_ms": 120_000], start: false)
        let fd = open(daemon.inbox + "/early.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        let text = Self.article("Written before the start", paragraphs: [Self.paragraph("e1")])
        _ = text.withCString { write(fd, $0, strlen($0)) }
        try daemon.launch()
        #expect(daemon.waitReady(timeout: 120), "no READY=1; newsd's log ends:\n\(daemon.log.tail())")
        let settling = try daemon.waitFile("early.txt", timeout: 30) { $0["state"] as? String == "settling" }
        #expect(settling["offset"] as? Int == 0)
        #expect(try daemon.articleCount() == 0)
    }

    @Test func liveBlogAppendedInThreeStepsIsOneArticleAtRevisionThree() throws {
        let seed = Binaries.seeds.appendingPathComponent("000_edc18a25d3498dcf.txt")
        let whole = try Data(contentsOf: seed)
        let lines = whole.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // Three parts cut at line boundaries.
        var parts: [Data] = []
        let cuts = [0, lines.count / 3, 2 * lines.count / 3, lines.count]
        for step in 0..<3 {
            var part = Data()
            for index in cuts[step]..<cuts[step + 1] {
                part.append(contentsOf: lines[index])
                if index < lines.count - 1 { part.append(UInt8(ascii: "\n")) }
            }
            parts.append(part)
        }
        #expect(parts.reduce(0) { $0 + $1.count } == whole.count)

        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        let path = daemon.inbox + "/live.txt"
        var written = 0
        for (step, part) in parts.enumerated() {
            if step == 0 {
                try daemon.dropCarelessly("live.txt", part)
            } else {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                handle.seekToEndOfFile()
                handle.write(part)
                try handle.close()
            }
            written += part.count
            let expected = written
            try daemon.waitFile("live.txt") {
                ($0["offset"] as? Int) == expected && $0["state"] as? String == "ingested"
            }
        }
        // The same seed ingested in one go, for comparison.
        try daemon.dropCarefully("reference.txt", whole)
        try daemon.waitArticles(2)
        try daemon.waitFile("reference.txt") { $0["state"] as? String == "ingested" }

        #expect(try daemon.articleCount() == 2)
        let live = try #require(try daemon.fileStatus("live.txt")["article_id"] as? Int)
        let reference = try #require(try daemon.fileStatus("reference.txt")["article_id"] as? Int)
        let liveArticle = try daemon.show(live)
        let referenceArticle = try daemon.show(reference)
        #expect(liveArticle["revision"] as? Int == 3)
        #expect(referenceArticle["revision"] as? Int == 1)
        let body = liveArticle["body"] as? [String] ?? []
        #expect(!body.isEmpty)
        #expect(body == referenceArticle["body"] as? [String] ?? [])
        #expect(liveArticle["title"] as? String == referenceArticle["title"] as? String)
        // Every paragraph once: no paragraph of the appended file repeats.
        let referenceBody = referenceArticle["body"] as? [String] ?? []
        for paragraph in Set(body) {
            #expect(body.filter { $0 == paragraph }.count == referenceBody.filter { $0 == paragraph }.count)
        }
    }

    @Test func truncatedAndReplacedFilesAreNewRevisionsOfTheSameArticle() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        let first = Self.article("First version of the story", paragraphs: (1...6).map { Self.paragraph("v1p\($0)") })
        try daemon.dropCarelessly("story.txt", Data(first.utf8))
        try daemon.waitArticles(1)
        let id = try #require(try daemon.fileStatus("story.txt")["article_id"] as? Int)

        // Truncated and rewritten in place, shorter: a replacement.
        let second = Self.article("Second version", paragraphs: [Self.paragraph("v2p1")])
        try daemon.dropCarelessly("story.txt", Data(second.utf8))
        try daemon.waitFile("story.txt") { ($0["offset"] as? Int) == second.utf8.count }
        var article = try daemon.show(id)
        #expect(article["revision"] as? Int == 2)
        #expect(article["title"] as? String == "Second version")
        #expect((article["body"] as? [String] ?? []).allSatisfy { !$0.contains("v1p") })

        // Same length, different head: still a replacement.
        let third = second.replacingOccurrences(of: "Second", with: "Thirdd")
        try daemon.dropCarelessly("story.txt", Data(third.utf8))
        try daemon.waitShow(id) { $0["revision"] as? Int == 3 }

        // Replaced by a rename over it (a new inode under the same name): the next revision too.
        let fourth = Self.article("Fourth version, saved by rename", paragraphs: [Self.paragraph("v4p1")])
        try daemon.dropCarefully("story.txt", Data(fourth.utf8))
        article = try daemon.waitShow(id) { $0["revision"] as? Int == 4 }
        #expect(article["title"] as? String == "Fourth version, saved by rename")
        #expect(try daemon.articleCount() == 1)
        let file = try daemon.fileStatus("story.txt")
        #expect(file["article_id"] as? Int == id)
        #expect(file["offset"] as? Int == fourth.utf8.count)

        // Emptied: nothing to read yet, the article stays as it was.
        try daemon.dropCarelessly("empty.txt", Data())
        try daemon.waitFile("empty.txt") { $0["state"] as? String == "seen" }
        #expect(try daemon.articleCount() == 1)
    }

    /// Each file committed alone adds a segment to the full-text index; once the inbox is idle the
    /// daemon merges them and says so, and every article is still found.
    /// The article count `status` shows is kept by the writer in each commit's transaction: records
    /// a JSON Lines file no longer yields leave it, as they leave the database.
    @Test func recordsAJSONLinesFileNoLongerHasLeaveTheCount() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        func record(_ n: Int) -> String {
            let text = Self.paragraph("rec\(n)")
            return #"{"title": "Record \#(n) of the feed", "maintext": "\#(text)"}"#
        }
        let three = (1...3).map(record).joined(separator: "\n") + "\n"
        try daemon.dropCarefully("feed.jsonl", Data(three.utf8))
        try daemon.waitArticles(3)
        let one = record(1) + "\n"
        try daemon.dropCarefully("feed.jsonl", Data(one.utf8))
        try daemon.waitFile("feed.jsonl") { ($0["offset"] as? Int) == one.utf8.count }
        #expect(try daemon.articleCount() == 1)
        let listed = try daemon.ctl("--json", "query", "--limit", "10").json() as? [String: Any]
        #expect(listed?["total"] as? Int == 1)
    }

    @Test func idleDaemonMergesTheIndexItsCommitsLeft() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        for n in 1...8 {
            try daemon.dropCarefully("merge-\(n).txt", Self.story("Merge \(n)", "mergeword\(n) harbourmerge"))
            try daemon.waitArticles(n)
        }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !daemon.stderr.contains("event=index-merged") { usleep(50_000) }
        #expect(daemon.stderr.contains("event=index-merged"), "newsd's log ends:\n\(daemon.log.tail())")
        let found = try daemon.ctl("--json", "query", "harbourmerge", "--limit", "50")
        #expect(found.status == 0)
        let results = (try found.json() as? [String: Any])?["results"] as? [[String: Any]]
        #expect(results?.count == 8)
    }

    @Test func idleDaemonLoadsItsLinkingMemoryOnceBeforeTheFirstFile() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !daemon.stderr.contains("event=linking-loaded") { usleep(50_000) }
        #expect(daemon.stderr.contains("event=linking-loaded"), "newsd's log ends:\n\(daemon.log.tail())")
        try daemon.dropCarefully("first.txt", Self.story("First after start", "firstword harbourfirst"))
        try daemon.waitArticles(1)
        try daemon.dropCarefully("second.txt", Self.story("Second after start", "secondword harbourfirst"))
        try daemon.waitArticles(2)
        #expect(daemon.stderr.components(separatedBy: "event=linking-loaded").count == 2, "loaded once")
    }

    @Test func burstOfTwentyThousandFilesIsIngestedExactlyOnce() throws {
        let daemon = try DaemonUnderTest(config: ["settle_ms": 500])
        daemon.waitReady()
        let count = 20_000
        let folders = ["", "burst-a/", "burst-b/"]
        for folder in folders where !folder.isEmpty {
            try FileManager.default.createDirectory(
                atPath: daemon.inbox + "/" + folder, withIntermediateDirectories: true)
        }
        for index in 0..<count {
            let text = "Burst item \(index) reaches the inbox\n\nThe burst writer sent item \(index) with the others.\n"
            let name = folders[index % folders.count] + "burst-\(index).txt"
            try Data(text.utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/" + name))
        }
        try daemon.waitArticles(count, timeout: 1200)
        // Let any late event or reconcile pass, then count again: no file twice.
        Thread.sleep(forTimeInterval: 2)
        try daemon.waitArticles(count)
        #expect(try daemon.articleCount() == count)
        let status = try daemon.status()
        #expect(status["failed"] as? Int == 0)
        let last = folders[(count - 1) % folders.count] + "burst-\(count - 1).txt"
        #expect(try daemon.fileStatus(last)["state"] as? String == "ingested")
    }

    @Test func archivedFilesLeaveTheInboxOnceAndSayWhereTheyWent() throws {
        let daemon = try DaemonUnderTest(start: false)
        let archive = daemon.folder.path + "/archive"
        let url = URL(fileURLWithPath: daemon.configFile)
        var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        config["after_ingest"] = "archive"
        config["archive_dir"] = archive
        try JSONSerialization.data(withJSONObject: config).write(to: url)
        try daemon.launch()
        daemon.waitReady()
        let count = 200
        for index in 0..<count {
            let name = "arch-\(index).txt"
            if index % 2 == 0 {
                try daemon.dropCarefully(name, Self.story("Archived \(index)", "a\(index)"))
            } else {
                // Written in place, then opened for writing and closed once more: a second close event
                // must not move the file twice nor lose where it went.
                let path = daemon.inbox + "/" + name
                try Self.story("Archived \(index)", "a\(index)").write(to: URL(fileURLWithPath: path))
                if let handle = FileHandle(forWritingAtPath: path) {
                    handle.seekToEndOfFile()
                    handle.closeFile()
                }
            }
        }
        try daemon.waitArticles(count)
        let deadline = Date().addingTimeInterval(60)
        func left() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: daemon.inbox).filter { $0.hasPrefix("arch-") }
        }
        while try !left().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try left().isEmpty)
        let archived = try FileManager.default.contentsOfDirectory(atPath: archive).filter { $0.hasPrefix("arch-") }
        #expect(archived.count == count)  // each moved once: a second move would have made `arch-N.txt.1`
        #expect(try daemon.articleCount() == count)
        for index in stride(from: 1, to: count, by: 2) {
            let record = try daemon.fileStatus("arch-\(index).txt")
            #expect(record["moved_to"] as? String == archive + "/arch-\(index).txt", "arch-\(index).txt: \(record)")
        }
    }

    @Test func filesDroppedWhileStoppedAreCaughtUpAndUntouchedOnesSkipped() throws {
        let first = try DaemonUnderTest()
        first.waitReady()
        for index in 0..<3 {
            try first.dropCarefully(
                "before-\(index).txt", Self.story("Before stop \(index)", "b\(index)"))
        }
        try first.waitArticles(3)
        let untouched = try first.fileStatus("before-0.txt")
        let grownID = try #require(try first.fileStatus("before-1.txt")["article_id"] as? Int)
        #expect(first.stop() == 0)

        // While newsd is down: new files, a file that grows, a new subfolder with a file.
        for index in 0..<5 {
            try first.dropCarelessly(
                "while-down-\(index).txt", Self.story("While down \(index)", "d\(index)"))
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: first.inbox + "/before-1.txt"))
        handle.seekToEndOfFile()
        handle.write(Data((Self.paragraph("grown-while-down") + "\n").utf8))
        try handle.close()
        try FileManager.default.createDirectory(atPath: first.inbox + "/later", withIntermediateDirectories: true)
        try first.dropCarelessly("later/nested.txt", Self.story("Nested while down", "n1"))

        let second = try DaemonUnderTest(config: ["inbox": first.inbox, "database": first.database])
        second.waitReady()
        try second.waitArticles(9)
        Thread.sleep(forTimeInterval: 1)
        #expect(try second.articleCount() == 9)
        let grown = try second.show(grownID)
        #expect(grown["revision"] as? Int == 2)
        #expect((grown["body"] as? [String] ?? []).filter { $0.contains("grown-while-down") }.count == 1)
        // The untouched file was not read again: its row did not change.
        let after = try second.fileStatus(first.inbox + "/before-0.txt")
        #expect(after["updated_at"] as? String == untouched["updated_at"] as? String)
        #expect(after["offset"] as? Int == untouched["offset"] as? Int)
        #expect(try second.fileStatus(first.inbox + "/later/nested.txt")["state"] as? String == "ingested")
    }

    @Test func subfoldersCreatedAfterStartAreWatchedAtOnce() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        // A nested tree made and filled at once: files written before the watch is set are found
        // by the scan of the new folder.
        let deep = daemon.inbox + "/a/b/c"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        for (index, folder) in ["a", "a/b", "a/b/c"].enumerated() {
            try daemon.dropCarelessly(
                "\(folder)/item-\(index).txt", Self.story("Nested \(index)", "s\(index)"))
        }
        // A folder filled elsewhere and moved in whole.
        let outside = daemon.folder.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside + "/inner", withIntermediateDirectories: true)
        for index in 0..<3 {
            try Self.story("Moved in \(index)", "m\(index)")
                .write(to: URL(fileURLWithPath: outside + "/inner/moved-\(index).txt"))
        }
        #expect(rename(outside, daemon.inbox + "/moved") == 0)
        // Maildir's tmp/ and dotfiles are never read.
        try FileManager.default.createDirectory(atPath: daemon.inbox + "/tmp", withIntermediateDirectories: true)
        try daemon.dropCarelessly("tmp/not-yet.txt", Self.story("In tmp", "t"))
        try daemon.dropCarelessly(".hidden.txt", Self.story("Hidden", "h"))
        try daemon.dropCarelessly("partial.txt.part", Self.story("Part", "p"))

        try daemon.waitArticles(6)
        // A file written into a folder made after start, later on.
        try daemon.dropCarelessly("a/b/c/late.txt", Self.story("Late", "l"))
        try daemon.waitArticles(7)
        Thread.sleep(forTimeInterval: 1)
        #expect(try daemon.articleCount() == 7)
        #expect(try daemon.fileStatus("moved/inner/moved-2.txt")["state"] as? String == "ingested")
        #expect(try daemon.ctl("--json", "status", daemon.inbox + "/tmp/not-yet.txt").status != 0)
        // The rename of a .part file into a real name is the signal.
        #expect(rename(daemon.inbox + "/partial.txt.part", daemon.inbox + "/partial.txt") == 0)
        try daemon.waitArticles(8)
    }

    @Test func inboxDeletedAndRecreatedIsWatchedAgain() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("first.txt", Self.story("Before the inbox went", "f"))
        try daemon.waitArticles(1)
        try FileManager.default.removeItem(atPath: daemon.inbox)
        try daemon.waitFile("first.txt") { $0["state"] as? String == "gone" }
        try FileManager.default.createDirectory(atPath: daemon.inbox, withIntermediateDirectories: true)
        // Files written as soon as the folder is back, before newsd may have watched it again.
        try daemon.dropCarelessly("second.txt", Self.story("After it came back", "s"))
        try daemon.waitArticles(2)
        try daemon.dropCarefully("third.txt", Self.story("Later still", "t"))
        try daemon.waitArticles(3)
        #expect(try daemon.fileStatus("third.txt")["state"] as? String == "ingested")

        // Moved away and back: still watched.
        let aside = daemon.folder.path + "/inbox-aside"
        #expect(rename(daemon.inbox, aside) == 0)
        #expect(rename(aside, daemon.inbox) == 0)
        try daemon.dropCarefully("fourth.txt", Self.story("After the move", "m"))
        try daemon.waitArticles(4)
        #expect(try daemon.articleCount() == 4)
    }

    @Test func malformedFilesAreQuarantinedWithAReasonAndTheRestIngested() throws {
        let daemon = try DaemonUnderTest(start: false)
        let staging = daemon.folder.path + "/staging"
        let manifest = daemon.folder.path + "/manifest.jsonl"
        // 300 files, about 30 of them malformed: at least one of every class the generator makes.
        let generated = try run(
            "/usr/bin/env",
            ["python3", TestCorpus.generator, "--out", staging, "--count", "300", "--seed", "7",
             "--malformed-fraction", "0.1", "--huge-mb", "17", "--manifest", manifest, "--quiet"])
        #expect(generated.status == 0, "\(generated.stderr)")
        try daemon.launch()
        daemon.waitReady()
        for name in try FileManager.default.contentsOfDirectory(atPath: staging) {
            #expect(rename(staging + "/" + name, daemon.inbox + "/" + name) == 0)
        }
        var kinds: [String: String] = [:]
        var mustBeArticles: [String] = []
        for line in try String(contentsOfFile: manifest, encoding: .utf8).split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = entry["file"] as? String ?? ""
            kinds[name] = entry["kind"] as? String == "malformed" ? entry["subkind"] as? String ?? "?" : "article"
            if entry["expect"] as? String == "article" { mustBeArticles.append(name) }
        }
        let classes: Set<String> = [
            "empty", "whitespace", "binary", "nul_bytes", "invalid_utf8", "truncated_utf8", "latin1", "cp1252",
            "utf16le_bom", "utf16be_bom", "utf16_nobom", "utf8_bom", "crlf", "single_line", "broken_json",
            "broken_front_matter", "huge",
        ]
        #expect(classes.isSubset(of: Set(kinds.values)), "every malformed class is in the corpus")
        let notArticles: Set<String> = ["empty", "whitespace"]
        // huge: 17 MiB is over the default max_file_bytes (16 MiB).
        let mustFail: Set<String> = ["binary", "nul_bytes", "broken_json", "huge"]
        let articleFiles = kinds.values.filter { !notArticles.contains($0) }.count
        try daemon.waitStatus("every file settled", timeout: 600) {
            ($0["articles"] as? Int ?? 0) + ($0["failed"] as? Int ?? 0) >= articleFiles && ($0["pending"] as? Int) == 0
        }
        let failed = try daemon.ctl("--json", "failed")
        #expect(failed.status == 0)
        let entries = try #require(try failed.json() as? [[String: Any]] ?? Self.results(failed.json()))
        func baseName(_ entry: [String: Any]) -> String {
            URL(fileURLWithPath: entry["path"] as? String ?? "").lastPathComponent
        }
        let failedNames = Set(entries.map(baseName))
        for (name, kind) in kinds where mustFail.contains(kind) {
            #expect(failedNames.contains(name), "\(kind) file \(name) is listed as failed")
        }
        for entry in entries {
            let name = URL(fileURLWithPath: entry["path"] as? String ?? "").lastPathComponent
            #expect(kinds[name] != "article", "a good file failed: \(entry)")
            #expect(!(entry["error"] as? String ?? "").isEmpty, "a reason for \(name)")
            let movedTo = try #require(entry["moved_to"] as? String)
            #expect(FileManager.default.fileExists(atPath: movedTo))
            #expect(FileManager.default.fileExists(atPath: movedTo + ".reason"))
        }
        let status = try daemon.status()
        #expect(status["articles"] as? Int == articleFiles - entries.count)
        for name in mustBeArticles {
            #expect(try daemon.fileStatus(name)["state"] as? String == "ingested", "\(kinds[name] ?? "") file \(name)")
        }
        #expect(daemon.process.isRunning)

        // retry puts a quarantined file back; a binary file fails again, and nothing is lost.
        if let entry = entries.first(where: { kinds[baseName($0)] == "binary" }),
            let id = entry["id"] as? Int
        {
            #expect(try daemon.ctl("retry", "\(id)").status == 0)
            try daemon.waitStatus("the retried file failed again") {
                ($0["failed"] as? Int) == entries.count && ($0["pending"] as? Int) == 0
            }
            #expect(try daemon.fileStatus(entry["path"] as? String ?? "")["state"] as? String == "failed")
        }
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : -1
    }

    static func results(_ json: Any) -> [[String: Any]] {
        if let object = json as? [String: Any] {
            for key in ["files", "results", "failed"] {
                if let list = object[key] as? [[String: Any]] { return list }
            }
        }
        return []
    }
}

/// The repository's own corpus generator, found from this file's place in the checkout.
enum TestCorpus {
    static var generator: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/gen-corpus.py").path
    }
}

extension DaemonUnderTest {
    /// `newsctl --json status PATH`'s fields (PATH relative to the inbox or absolute).
    func fileStatus(_ path: String) throws -> [String: Any] {
        let full = path.hasPrefix("/") ? path : inbox + "/" + path
        let result = try ctl("--json", "status", full)
        return (try? result.json() as? [String: Any]) ?? [:]
    }

    /// Waits until `status PATH` satisfies `predicate`; returns the last answer.
    @discardableResult
    func waitFile(_ path: String, timeout: Double = 120, _ predicate: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String: Any] = [:]
        while Date() < deadline {
            last = try fileStatus(path)
            if predicate(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(path); last \(last); newsd's log ends:\n\(log.tail())")
        return last
    }

    /// `newsctl --json show ID`.
    func show(_ id: Int) throws -> [String: Any] {
        (try? ctl("--json", "show", "\(id)").json() as? [String: Any]) ?? [:]
    }

    /// Waits until `show ID` satisfies `predicate`.
    @discardableResult
    func waitShow(_ id: Int, timeout: Double = 120, _ predicate: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String: Any] = [:]
        while Date() < deadline {
            last = try show(id)
            if predicate(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for article \(id); last \(last)")
        return last
    }

    /// The body paragraphs of an article.
    func body(of id: Int) throws -> [String] { try show(id)["body"] as? [String] ?? [] }

    /// Articles stored, as `status` counts them.
    func articleCount() throws -> Int { try status()["articles"] as? Int ?? -1 }
}
