import Logging
import NewsStore

extension IngestPipeline {
    /// How long one turn merges the index at most before it looks at the inbox again.
    static let mergeSlice: Duration = .milliseconds(50)
    /// How long the inbox must have been quiet (no batch read) before merging starts: files that
    /// come in a steady trickle never wait for a merge step.
    static let mergeQuiet: Duration = .seconds(1)

    /// Loads the store's linking memory once the inbox is idle after a start (or after a failed
    /// commit emptied it), so that the first file dropped does not wait for it inside its commit.
    /// A file that comes while it loads waits for it, as it would have in its own commit.
    func loadLinkingWhileIdle() async {
        guard !store.linkingLoaded, !linkingLoadFailed.withLock({ $0 }) else { return }
        let start = ContinuousClock.now
        do {
            guard try await store.loadLinking() else { return }
            let ms = start.duration(to: .now).wholeMilliseconds
            logger.info("linking memory loaded in \(ms) ms", metadata: ["event": "linking-loaded"])
        } catch {
            // The next commit loads it (and reports a failure its own way); not tried again here.
            linkingLoadFailed.withLock { $0 = true }
            logger.warning(
                "loading the linking memory failed: \(error.message)", metadata: ["event": "linking-load-failed"])
        }
    }

    /// The entity rows a backlog left waiting (`NewsStore.EntityRows`), as the idle loop writes them.
    struct EntityBacklog {
        /// True while articles may wait (at start: a crash may have left some).
        var due = true
        /// Articles written and steps taken since the backlog was last empty, for the log.
        var articles = 0
        var steps = 0
        /// Steps cut short by `mergeSlice` go on from here, after as long a pause.
        var resume = ContinuousClock.now
    }

    /// Writes the entity rows of the articles a backlog left waiting once no file has come for
    /// `mergeQuiet`, in steps of `NewsStore.entityStepArticles` while no file waits and for
    /// `mergeSlice` at most a turn: the first file that comes waits one step at most. Logged once
    /// the backlog is empty.
    func writeEntitiesWhileIdle() async {
        guard entityBacklog.withLock({ $0.due && $0.resume <= .now }),
            lastBatch.withLock({ $0 }).duration(to: .now) >= Self.mergeQuiet
        else { return }
        let start = ContinuousClock.now
        while tracker.isIdle, start.duration(to: .now) < Self.mergeSlice {
            do {
                let step = try await store.writeDeferredEntities()
                let (articles, steps) = entityBacklog.withLock { b in
                    b.articles += step.articles
                    b.steps += 1
                    defer { if !step.more { b = EntityBacklog(due: false) } }
                    return (b.articles, b.steps)
                }
                if !step.more {
                    if articles > 0 {
                        logger.info(
                            "entity rows of \(articles) articles written in \(steps) steps",
                            metadata: ["event": "entities-written"])
                    }
                    return
                }
            } catch {
                // Tried again after the next batch that leaves rows waiting, or at the next start.
                entityBacklog.withLock { $0.due = false }
                logger.warning(
                    "writing the waiting entity rows failed: \(error.message)", metadata: ["event": "entities-failed"])
                return
            }
        }
        entityBacklog.withLock { $0.resume = ContinuousClock.now.advanced(by: Self.mergeSlice) }
    }

    /// Merges the full-text index's segments (`NewsStore.mergeIndexStep`) in short steps once no
    /// file has come for `mergeQuiet` and while none waits: the first file that comes waits one
    /// step at most. When a merge is done, the log it wrote is checkpointed.
    func mergeIndexWhileIdle() async {
        guard indexMergeDue.withLock({ $0 }), lastBatch.withLock({ $0 }).duration(to: .now) >= Self.mergeQuiet else {
            return
        }
        let start = ContinuousClock.now
        while tracker.isIdle, start.duration(to: .now) < Self.mergeSlice {
            do {
                let stepStart = ContinuousClock.now
                let worked = try await store.mergeIndexStep()
                let took = stepStart.duration(to: .now)
                let progress = mergeProgress.withLock { p in
                    p.steps += 1
                    p.longest = max(p.longest, took)
                    return p
                }
                if !worked {
                    indexMergeDue.withLock { $0 = false }
                    mergeProgress.withLock { $0 = (0, .zero) }
                    if progress.steps > 1 {
                        await store.checkpoint()
                        let ms = progress.longest.wholeMilliseconds
                        logger.info(
                            "full-text index merged in \(progress.steps - 1) steps, the longest \(ms) ms",
                            metadata: ["event": "index-merged"])
                    }
                    return
                }
            } catch {
                // Tried again after the next commit; queries are slower meanwhile, never wrong.
                indexMergeDue.withLock { $0 = false }
                logger.warning(
                    "merging the full-text index failed: \(error.message)",
                    metadata: ["event": "index-merge-failed"])
                return
            }
        }
        // Cut short by the slice (or by a file that came): the next slice after a pause as long.
        mergeResume.withLock { $0 = ContinuousClock.now.advanced(by: Self.mergeSlice) }
    }
}

extension Duration {
    /// The whole milliseconds of a duration, for the log.
    fileprivate var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
