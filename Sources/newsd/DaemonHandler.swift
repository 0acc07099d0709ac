import Foundation
import NewsConfig
import NewsControl
import NewsCore
import NewsInbox
import NewsProtocol
import NewsStore
import Synchronization
import SystemPackage

/// Answers control calls from the store (reads) and the pipeline (actions).
final class DaemonHandler: ControlHandler {
    struct Access: Sendable {
        var adminUIDs: Set<UInt32>
        var adminGIDs: Set<UInt32>
        var aliases: EntityAliases
        /// How long one query may read (`query_timeout_ms`).
        var queryTimeout: Duration = .milliseconds(2000)
    }

    let store: NewsStore
    let pipeline: IngestPipeline
    let hub: FollowHub
    let inbox: String
    let started = ContinuousClock.now
    let access: Mutex<Access>
    let reload: @Sendable () async -> Result<String, ConfigurationError>
    /// Where `relink` runs after its answer.
    let background: BackgroundJobs
    /// Long operator actions under way (`reindex`, `reload`): a second call meanwhile is `busy`.
    let running = Mutex<Set<RPCMethod>>([])
    /// Reads stopped before they ended: past `query_timeout_ms`, or because their client hung up.
    let stoppedReads = Mutex<(timeout: Int, clientGone: Int)>((0, 0))

    init(
        store: NewsStore, pipeline: IngestPipeline, hub: FollowHub, inbox: String, access: Access,
        background: BackgroundJobs, reload: @escaping @Sendable () async -> Result<String, ConfigurationError>
    ) {
        self.background = background
        self.store = store
        self.pipeline = pipeline
        self.hub = hub
        self.inbox = inbox
        self.access = Mutex(access)
        self.reload = reload
        store.queryTimeout = access.queryTimeout
    }

    func call(_ method: RPCMethod, params: [String: JSONValue]?, peer: PeerCredentials) async throws(RPCError)
        -> any Encodable & Sendable
    {
        if method.isAdminOnly, !isAdmin(peer) {
            throw RPCError(.forbidden, "\(method.rawValue) is for administrators (uid \(peer.uid) is not one)")
        }
        switch method {
        case .hello:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            return HelloResult(
                protocolVersion: protocolVersion, server: "newsd \(newsdVersion)",
                methods: RPCMethod.allCases.map(\.rawValue))
        case .status:
            let p = try ProtocolCoding.params(StatusParams.self, from: params)
            if let path = p.path { return try await fileStatus(path) }
            return status()
        case .query:
            let p = try ProtocolCoding.params(QueryParams.self, from: params).validated()
            let people = p.person.map { [canonicalPerson($0)] }
            return try await mapped { () async throws(StoreError) in
                try await store.search(p, people: people, canonical: { [self] in canonicalPerson($0) })
            }
        case .show:
            let p = try ProtocolCoding.params(ShowParams.self, from: params)
            guard let document = try await mapped({ () async throws(StoreError) in try await store.document(id: p.id) }) else {
                throw RPCError(.notFound, "no article with id \(p.id)")
            }
            return document
        case .sources:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            return try await mapped { () async throws(StoreError) in try await store.sources() }
        case .entities:
            let p = try ProtocolCoding.params(EntitiesParams.self, from: params)
            let kind = try p.kind.map { (k: String) throws(RPCError) -> String in
                switch k {
                case "person", "people": return "person"
                case "place", "places": return "place"
                case "org", "organisation", "organisations", "organization": return "org"
                default: throw RPCError(.invalidParams, "kind: must be person, place or org, not \"\(k)\"")
                }
            }
            let top = p.top ?? 20
            guard (1...10_000).contains(top) else { throw RPCError(.invalidParams, "top: must be between 1 and 10000") }
            return try await mapped { () async throws(StoreError) in try await store.entities(kind: kind, top: top) }
        case .failed:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            return try await mapped { () async throws(StoreError) in try await store.failedFiles() }.map(Self.status)
        case .retry:
            let p = try ProtocolCoding.params(RetryParams.self, from: params)
            guard p.id != nil || p.all == true else { throw RPCError(.invalidParams, "give id or all: true") }
            if let id = p.id, try await mapped({ () async throws(StoreError) in try await store.fileRecord(id: id) })?.state != .failed {
                throw RPCError(.notFound, "no quarantined file with id \(id)")
            }
            let count = await pipeline.retry(ids: p.id.map { [$0] })
            return ActionResult(message: "\(count) file\(count == 1 ? "" : "s") put back into the inbox")
        case .rescan:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            pipeline.submit(.rescan(reason: "operator asked"))
            return ActionResult(message: "rescan of \(inbox) queued")
        case .reindex:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            try exclusive(.reindex)
            defer { finished(.reindex) }
            try await mapped { () async throws(StoreError) in try await store.rebuildIndex() }
            return ActionResult(message: "full-text index rebuilt")
        case .pause:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            pipeline.setPaused(true)
            return ActionResult(message: "ingest paused")
        case .resume:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            pipeline.setPaused(false)
            return ActionResult(message: "ingest resumed")
        case .reload:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            try exclusive(.reload)
            defer { finished(.reload) }
            switch await reload() {
            case .success(let message): return ActionResult(message: message)
            case .failure(let error): throw RPCError(.badConfig, "reload refused, old configuration kept: \(error.message)")
            }
        case .metrics:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            return MetricsResult(text: metrics())
        case .stories:
            let p = try ProtocolCoding.params(StoriesParams.self, from: params).validated()
            let stories = try await mapped { () async throws(StoreError) in
                try await store.stories(since: p.since, limit: p.limit ?? 20)
            }
            return StoriesResult(stories: stories)
        case .story:
            let p = try ProtocolCoding.params(StoryParams.self, from: params)
            guard let story = try await mapped({ () async throws(StoreError) in try await store.story(id: p.id) }) else {
                throw RPCError(.notFound, "no story with id \(p.id)")
            }
            return story
        case .relink:
            _ = try ProtocolCoding.params(NoParams.self, from: params)
            try exclusive(.relink)
            // In the background: ingest goes on between its transactions; a second relink
            // meanwhile is `busy`.
            let store = self.store
            background.submit { [self] in
                defer { finished(.relink) }
                _ = try? await store.relink()
            }
            return ActionResult(message: "relinking duplicates and stories of the whole archive in the background")
        case .follow:
            throw RPCError(.internal, "follow is handled by the server")
        }
    }

    /// Marks a long action as running; throws `busy` when it already is.
    private func exclusive(_ method: RPCMethod) throws(RPCError) {
        let started = running.withLock { $0.insert(method).inserted }
        if !started { throw RPCError(.busy, "a \(method.rawValue) is already under way; try again when it is done") }
    }

    private func finished(_ method: RPCMethod) { _ = running.withLock { $0.remove(method) } }

    func validateFollow(_ params: FollowParams) async throws(RPCError) {
        guard let text = params.text, !text.isEmpty else { return }
        try await mapped { () async throws(StoreError) in try await store.validate(query: text, fts: params.fts ?? false) }
    }

    func matching(_ ids: [Int64], filter: String, fts: Bool) async -> Set<Int64> {
        (try? await store.matches(articleIDs: ids, text: filter, fts: fts)) ?? []
    }

    func updateAccess(_ new: Access) {
        access.withLock { $0 = new }
        store.queryTimeout = new.queryTimeout
    }

    private func isAdmin(_ peer: PeerCredentials) -> Bool {
        let a = access.withLock { $0 }
        if peer.uid == 0 || peer.uid == getuid() || a.adminUIDs.contains(peer.uid) || a.adminGIDs.contains(peer.gid) {
            return true
        }
        return !a.adminGIDs.isDisjoint(with: Self.supplementaryGroups(of: peer.pid))
    }

    /// The peer's supplementary groups, from /proc (SO_PEERCRED carries only the primary one).
    static func supplementaryGroups(of pid: Int32) -> Set<UInt32> {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Groups:") })
        else { return [] }
        // "Groups:\t4 24 27 \n": a tab after the colon, spaces between.
        return Set(line.dropFirst("Groups:".count).split(whereSeparator: \.isWhitespace).compactMap { UInt32($0) })
    }

    private func canonicalPerson(_ name: String) -> String {
        let table = access.withLock { $0.aliases.table }
        let lowered = name.lowercased()
        for (canonical, variants) in table
        where canonical.lowercased() == lowered || variants.contains(where: { $0.lowercased() == lowered }) {
            return canonical
        }
        return name
    }

    func status() -> StatusResult {
        let s = pipeline.stats
        let uptime = started.duration(to: .now)
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        return StatusResult(
            version: newsdVersion, state: Self.state(s), inbox: inbox, database: store.path, articles: s.articles,
            pending: s.pending, failed: s.failed, files: s.filesSinceStart, uptimeS: (seconds * 10).rounded() / 10,
            ingestedSinceStart: s.ingestedSinceStart,
            ratePerS: seconds > 0 ? (Double(s.ingestedSinceStart) / seconds * 10).rounded() / 10 : 0,
            lastError: s.lastError, followers: hub.count)
    }

    static func state(_ s: IngestStats) -> DaemonState {
        if s.paused { return .paused }
        if s.degraded { return .degraded }
        if s.catchingUp { return .catchingUp }
        return .watching
    }

    private func fileStatus(_ path: String) async throws(RPCError) -> FileStatus {
        var relative = path
        let prefix = inbox.hasSuffix("/") ? inbox : inbox + "/"
        if relative.hasPrefix(prefix) { relative.removeFirst(prefix.count) }
        let wanted = relative
        guard let record = try await mapped({ () async throws(StoreError) in try await store.fileRecord(path: wanted) })
        else {
            // A symlink is never followed, so it never gets a row: say so rather than "not seen".
            if (try? RawName.path(prefix + wanted).stat(followTargetSymlink: false).type) == .symbolicLink {
                return FileStatus(
                    id: 0, path: wanted, state: "ignored", offset: 0, size: 0, articleId: nil, error: "symlink",
                    movedTo: nil, updatedAt: Timestamp.now())
            }
            throw RPCError(.notFound, "newsd has not seen \(path)")
        }
        return Self.status(record)
    }

    static func status(_ r: FileRecord) -> FileStatus {
        FileStatus(
            id: r.id, path: r.path, state: r.state.rawValue, offset: r.offset, size: r.size, articleId: r.articleID,
            error: r.error, movedTo: r.movedTo, updatedAt: r.updatedAt)
    }

    private func metrics() -> String {
        let s = pipeline.stats
        let workers = pipeline.parsers.snapshot
        let stopped = stoppedReads.withLock { $0 }
        let stories = store.activeStories
        let recent = store.recentBuckets
        let sqlite = NewsStore.sqliteMemory
        let failures = ["crashed", "timeout", "memory", "unavailable"].map {
            "newsd_parser_failures_total{kind=\"\($0)\"} \(workers.failures[$0, default: 0])"
        }.joined(separator: "\n")
        return """
            # HELP newsd_articles Articles stored.
            # TYPE newsd_articles gauge
            newsd_articles \(s.articles)
            # HELP newsd_files_pending Files waiting to be read.
            # TYPE newsd_files_pending gauge
            newsd_files_pending \(s.pending)
            # HELP newsd_files_failed Files quarantined.
            # TYPE newsd_files_failed gauge
            newsd_files_failed \(s.failed)
            # HELP newsd_articles_ingested_total Articles created or revised since start.
            # TYPE newsd_articles_ingested_total counter
            newsd_articles_ingested_total \(s.ingestedSinceStart)
            # HELP newsd_files_committed_total Files committed since start.
            # TYPE newsd_files_committed_total counter
            newsd_files_committed_total \(s.filesSinceStart)
            # HELP newsd_commits_total Database transactions committed since start.
            # TYPE newsd_commits_total counter
            newsd_commits_total \(s.commitsSinceStart)
            # HELP newsd_follow_subscribers Connected follow streams.
            # TYPE newsd_follow_subscribers gauge
            newsd_follow_subscribers \(hub.count)
            # HELP newsd_entity_backlog_articles Articles committed during a backlog whose entity rows wait for the inbox to be idle.
            # TYPE newsd_entity_backlog_articles gauge
            newsd_entity_backlog_articles \(store.entityBacklogArticles)
            # HELP newsd_story_index_stories Stories held in the active-story index (bounded).
            # TYPE newsd_story_index_stories gauge
            newsd_story_index_stories \(stories.stories)
            # HELP newsd_story_index_bytes Approximate memory of the active-story index.
            # TYPE newsd_story_index_bytes gauge
            newsd_story_index_bytes \(stories.bytes)
            # HELP newsd_recent_buckets_rows Near-duplicate bucket rows held in memory until their next merge.
            # TYPE newsd_recent_buckets_rows gauge
            newsd_recent_buckets_rows \(recent.rows)
            # HELP newsd_recent_buckets_bytes Approximate memory of the near-duplicate search: those rows, the filter of the stored bucket keys and the signatures of the articles linked last.
            # TYPE newsd_recent_buckets_bytes gauge
            newsd_recent_buckets_bytes \(recent.bytes)
            # HELP newsd_sqlite_memory_bytes SQLite's heap in newsd: page caches, statements, the full-text index's pending terms.
            # TYPE newsd_sqlite_memory_bytes gauge
            newsd_sqlite_memory_bytes \(sqlite.used)
            # HELP newsd_sqlite_memory_highest_bytes The most SQLite's heap in newsd held since start.
            # TYPE newsd_sqlite_memory_highest_bytes gauge
            newsd_sqlite_memory_highest_bytes \(sqlite.highest)
            # HELP process_resident_memory_bytes Resident memory of newsd (not of its parser workers).
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes \(Self.residentBytes())
            # HELP newsd_parser_workers_started_total Parser worker processes started since start.
            # TYPE newsd_parser_workers_started_total counter
            newsd_parser_workers_started_total \(workers.started)
            # HELP newsd_parser_failures_total Parser worker failures (a file is tried twice before it fails).
            # TYPE newsd_parser_failures_total counter
            \(failures)
            # HELP newsd_parser_files_failed_total Files quarantined because their parser worker failed twice.
            # TYPE newsd_parser_files_failed_total counter
            newsd_parser_files_failed_total \(workers.filesFailed)
            # HELP newsd_reads_stopped_total Reads (queries, listings) stopped by SQLite's interrupt before they ended.
            # TYPE newsd_reads_stopped_total counter
            newsd_reads_stopped_total{reason="timeout"} \(stopped.timeout)
            newsd_reads_stopped_total{reason="client_gone"} \(stopped.clientGone)

            """
    }

    /// The daemon's resident memory (`/proc/self/statm`'s second field, in pages), 0 when unreadable.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Runs a store call, turning its errors into RPC errors with stable names.
    private func mapped<T>(_ body: () async throws(StoreError) -> T) async throws(RPCError) -> T {
        do {
            return try await body()
        } catch {
            switch error.code {
            case .badQuery: throw RPCError(.badQuery, error.message)
            case .tooComplex: throw RPCError(.tooComplex, error.message)
            case .timeout:
                stoppedReads.withLock { $0.timeout += 1 }
                throw RPCError(.timeout, error.message)
            case .cancelled:
                // The client hung up: nobody reads this answer, the count is what shows it.
                stoppedReads.withLock { $0.clientGone += 1 }
                throw RPCError(.timeout, error.message)
            case .notFound: throw RPCError(.notFound, error.message)
            case .cannotOpen: throw RPCError(.unavailable, error.message)
            case .database: throw RPCError(.internal, error.message)
            }
        }
    }
}
