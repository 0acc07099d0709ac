import CNewsLinux
import Foundation
import Logging
import NIOPosix
import NewsCore
import NewsStore
import NewsWorker
import SystemPackage

/// The inbox compared with the database: full scans, removals, and quarantined files put back.
extension IngestPipeline {
    /// Compares the whole inbox with the database: every file is queued (unchanged ones are
    /// skipped without being read) and rows whose file is no longer there are marked gone. A scan
    /// that fails marks nothing gone.
    func reconcile(reason: String) async {
        let settings = self.settings
        let scanner = InboxScanner(
            root: inbox, patterns: settings.patterns, recursive: settings.recursive,
            excluded: [settings.quarantineDir, settings.archiveDir])
        let store = self.store
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        logger.debug("reconcile scan", metadata: ["reason": "\(reason)"])
        let tracker = self.tracker
        do {
            // The files go to the tracker a chunk at a time as the walk finds them (files written
            // to in the last `settle_ms` may still be open: they settle first); only their
            // identities are kept, to tell which rows' files are gone.
            let gone = try await threadPool.runIfActive { () throws -> [Int64] in
                var present = IdentityList()
                try scanner.scan { chunk in
                    var looks: [(path: String, look: Tracker.Look)] = []
                    looks.reserveCapacity(chunk.count)
                    for path in chunk {
                        // A file that vanished between the walk and the look is simply not there.
                        guard let st = processor.stat(path) else { continue }
                        present.append(st.identity)
                        looks.append((path, Tracker.Look(size: st.size, mtimeNanoseconds: st.mtimeNanoseconds)))
                    }
                    tracker.found(looks, wallNow: Self.wallClockNanoseconds())
                }
                present.sort()
                return try store.filesNotFound(present.contains)
            }
            let failedWrites = committer.lastWriteFailed
            statsBox.withLock {
                if $0.degraded, !failedWrites {
                    $0.degraded = false
                    $0.lastError = nil
                }
            }
            try await store.markLeft(ids: gone, vanished: true)
            heapTrimDue.withLock { $0 = true }
        } catch {
            statsBox.withLock { $0.degraded = true }
            if case Errno.noSuchFileOrDirectory? = error as? Errno {
                record(error: "inbox \(inbox) is missing (\(reason)); waiting for it")
            } else {
                record(error: "scan of \(inbox) failed: \(error)")
            }
        }
    }

    /// Marks files moved away or deleted from the inbox as gone (when nothing of theirs is left).
    func handleRemovals() async {
        let removed = tracker.takeRemovals()
        guard !removed.isEmpty else { return }
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        let stillGone = (try? await threadPool.runIfActive { removed.filter { processor.stat($0) == nil } }) ?? []
        var ids: [Int64] = []
        for path in stillGone {  // a file back already stays
            if let record = try? await store.fileRecord(path: processor.relative(path)),
                record.identity != nil, record.state != .failed
            {
                ids.append(record.id)
            }
        }
        try? await store.markLeft(ids: ids, vanished: true)
    }

    /// Moves quarantined files back to their inbox path and resets their rows.
    func putBack(ids: [Int64]?) async -> Int {
        let records: [FileRecord]
        do {
            let failed = try await store.failedFiles()
            records = ids.map { wanted in failed.filter { wanted.contains($0.id) } } ?? failed
        } catch {
            record(error: "retry failed: \(error)")
            return 0
        }
        var count = 0
        for record in records {
            guard let from = record.movedTo else { continue }
            let destination = FileProcessor.path(inbox, record.path)
            let directory = InboxDirectory(root: inbox)
            do {
                let identity = try await threadPool.runIfActive { () throws -> FileIdentity? in
                    try directory.moveIn(RawName.path(from), to: record.path)
                    _ = RawName.path(from + ".reason").withPlatformString { unlink($0) }
                    return try directory.stat(record.path)?.identity
                }
                try await store.resetForRetry(id: record.id, identity: identity)
                submit(.ready(RawName.string(destination)))
                count += 1
            } catch {
                logger.error("cannot put \(from) back: \(error)", metadata: ["file": "\(record.path)"])
            }
        }
        if count > 0 { statsBox.withLock { $0.failed = max(0, $0.failed - count) } }
        return count
    }
}
