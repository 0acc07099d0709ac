import Logging
import NewsStore
import SystemPackage

/// What happens to files after the commit that recorded them: quarantined files move to the
/// quarantine folder with their reason beside them, and ingested ones are kept, archived or
/// deleted as `after_ingest` says. Acts only through `InboxDirectory`, so only the file that was
/// read moves or goes; where the files went is recorded by the next batch's transaction
/// (`LeavingFiles`). Blocking: runs on the thread pool.
struct Disposer: Sendable {
    /// A file that left the inbox: its row (as the commit gave it), its path, and where
    /// it went (nil when deleted).
    struct Left: Sendable, Equatable {
        var fileID: Int64?
        var path: String
        var movedTo: String?
    }

    var directory: InboxDirectory
    var settings: IngestSettings
    var logger: Logger

    /// Whether `dispose` has anything to move or remove: with `after_ingest` `keep` and nothing
    /// quarantined it has not, and the commit need not wait for a thread to find that out.
    func hasWork(_ outcomes: [FileOutcome]) -> Bool {
        outcomes.contains { outcome in
            switch outcome {
            case .skip: false
            case .quarantine: true
            case .commit(let commit, let dispose): dispose && settings.afterIngest != .keep && commit.identity != nil
            }
        }
    }

    /// Moves or removes what the batch's outcomes say; returns the files that left the inbox by
    /// `after_ingest`. Each is entered in `leaving` (for its row) before it moves, and taken out
    /// again when it cannot be moved: it then stays where it is (logged).
    func dispose(_ outcomes: [FileOutcome], leaving: LeavingFiles) -> [Left] {
        var left: [Left] = []
        for outcome in outcomes {
            switch outcome {
            case .skip:
                continue
            case .quarantine(let commit, let reason, let source, let destination):
                guard let identity = commit.identity else { continue }
                do {
                    try directory.move(source, identity: identity, to: destination)
                    try FileMover.writeReason(reason, for: destination, original: commit.path)
                    logger.warning(
                        "quarantined \(commit.path): \(reason)",
                        metadata: ["file": "\(commit.path)", "event": "quarantined", "reason.code": "\(reason.code)"])
                } catch {
                    logger.error(
                        "cannot quarantine \(commit.path): \(error)",
                        metadata: ["file": "\(commit.path)", "event": "quarantine_failed"])
                }
            case .commit(let commit, let dispose):
                guard dispose, settings.afterIngest != .keep, let identity = commit.identity else { continue }
                do {
                    if settings.afterIngest == .delete {
                        if let id = commit.fileID { leaving.enter(.init(id: id, commit.path, identity, movedTo: nil)) }
                        try directory.remove(commit.path, identity: identity)
                        left.append(Left(fileID: commit.fileID, path: commit.path, movedTo: nil))
                    } else {
                        let destination = FileProcessor.freeName(FileProcessor.path(settings.archiveDir, commit.path))
                        if let id = commit.fileID {
                            leaving.enter(.init(id: id, commit.path, identity, movedTo: RawName.string(destination)))
                        }
                        try directory.move(commit.path, identity: identity, to: destination)
                        left.append(Left(fileID: commit.fileID, path: commit.path, movedTo: RawName.string(destination)))
                    }
                } catch {
                    if let id = commit.fileID { leaving.stay(id) }
                    logger.error(
                        "cannot \(settings.afterIngest.rawValue) \(commit.path): \(error)",
                        metadata: ["file": "\(commit.path)", "event": "dispose_failed"])
                }
            }
        }
        return left
    }
}
