import CNewsLinux
import Foundation
import Logging
import NewsConfig
import NIOCore
import NewsControl
import NewsCore
import NewsInbox
import NewsProtocol
import NewsStore
import NewsWorker
import ServiceLifecycle
import Synchronization
import SystemPackage
import Systemd
import UnixSignals

/// A start-up failure: the exit code of the contract and one line for stderr.
struct StartupError: Error {
    var code: Int32
    var message: String
}

/// Wires the parts together and runs them as one service group.
struct Daemon {
    var configuration: NewsdConfiguration
    /// The config file, re-read on reload; nil when started without one.
    var configFile: String?
    /// Flags that override the file, re-applied on reload.
    var overrides: @Sendable (inout NewsdConfiguration) -> Void
    var logger: Logger
    var level: LogLevelBox

    static func settings(_ c: NewsdConfiguration) throws(ConfigurationError) -> IngestSettings {
        var aliases = EntityAliases.builtin
        if let file = c.aliasesFile {
            do {
                aliases = aliases.merging(try EntityAliases(json: Data(contentsOf: URL(fileURLWithPath: file))))
            } catch {
                throw ConfigurationError(message: "config: key \"aliases_file\": cannot read \(file): \(error)")
            }
        }
        return IngestSettings(
            patterns: FilePatterns(include: c.include, ignore: c.ignore), recursive: c.recursive,
            settle: .milliseconds(c.settleMilliseconds), maxFileBytes: c.maxFileBytes, afterIngest: c.afterIngest,
            archiveDir: FilePath(c.effectiveArchiveDir), quarantineDir: FilePath(c.effectiveQuarantineDir),
            batchMaxArticles: c.batchMaxArticles, batchMaxDelay: .milliseconds(c.batchMaxDelayMilliseconds),
            reconcileInterval: c.reconcileIntervalSeconds > 0 ? .milliseconds(Int64(c.reconcileIntervalSeconds * 1000)) : nil,
            pollInterval: c.pollIntervalSeconds > 0 ? .milliseconds(Int64(c.pollIntervalSeconds * 1000)) : nil,
            aliases: aliases)
    }

    /// The parser workers' limits and the aliases they get, from a configuration.
    static func workerLimits(_ c: NewsdConfiguration) -> (limits: WorkerLimits, aliases: Data?) {
        let limits = WorkerLimits(
            timeout: .milliseconds(Int64(c.parseTimeoutSeconds * 1000)), memoryMB: c.parseMemoryMB)
        return (limits, c.aliasesFile.flatMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) })
    }

    func run() async throws(StartupError) {
        let notifier = SystemdNotifier()
        let config = configuration
        let settings: IngestSettings
        do { settings = try Self.settings(config) } catch { throw StartupError(code: 78, message: error.message) }
        _ = cnews_raise_fd_limit()

        notifier.status("Opening \(config.database)")
        let store: NewsStore
        let lock: InstanceLock
        do {
            let folder = URL(fileURLWithPath: config.database).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            lock = try InstanceLock(database: config.database)
        } catch {
            throw StartupError(code: 73, message: error.message)
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            // A migration may take long: ask systemd for more time every 20 s while it runs.
            let extender = DispatchSource.makeTimerSource()
            extender.schedule(deadline: .now(), repeating: .seconds(20))
            extender.setEventHandler { notifier.extendTimeout(by: .seconds(60)) }
            extender.resume()
            defer { extender.cancel() }
            store = try NewsStore(path: config.database)
            store.linkSettings = LinkSettings(duplicates: config.duplicates, stories: config.stories)
        } catch {
            throw StartupError(code: 73, message: error.message)
        }

        let pipeline: IngestPipeline
        // WATCHDOG=1 at half of WATCHDOG_USEC, from the ingest loop itself: a stuck loop stops the
        // pings and systemd restarts newsd.
        let watchdog = notifier.watchdogInterval
        let heartbeat: @Sendable () -> Void = if watchdog == nil { {} } else { { notifier.watchdog() } }
        do {
            let (limits, aliases) = Self.workerLimits(config)
            let parsers = ParserPool(
                size: config.parseWorkers ?? ProcessInfo.processInfo.activeProcessorCount,
                executable: "/proc/self/exe", limits: limits, aliases: aliases, logger: logger)
            pipeline = try IngestPipeline(
                inbox: FilePath(config.inbox), store: store, settings: settings, parsers: parsers, logger: logger,
                heartbeatInterval: watchdog, heartbeat: heartbeat)
        } catch {
            throw StartupError(code: 73, message: error.message)
        }
        let scanner = InboxScanner(
            root: FilePath(config.inbox), patterns: settings.patterns, recursive: settings.recursive,
            excluded: [settings.quarantineDir, settings.archiveDir])
        let watcher: InboxWatcher
        do {
            watcher = try InboxWatcher(scanner: scanner, logger: logger) { pipeline.submit($0) }
            try watcher.start()
        } catch {
            throw StartupError(code: 1, message: "cannot watch inbox \(config.inbox): \(error)")
        }

        let hub = FollowHub()
        // STATUS= follows the pipeline's counts and state and the reloader's refusal: each change of
        // them signals the updater, which sleeps otherwise.
        let updater = StatusUpdater(notifier: notifier)
        pipeline.observeStats { updater.changed() }
        let reloader = Reloader(
            daemon: self, notifier: notifier, pipeline: pipeline, watcher: watcher, current: config,
            status: updater)
        let background = BackgroundJobs()
        let handler = DaemonHandler(
            store: store, pipeline: pipeline, hub: hub, inbox: config.inbox,
            access: .init(
                adminUIDs: Set(config.adminUIDs), adminGIDs: Set(config.adminGIDs), aliases: settings.aliases,
                queryTimeout: .milliseconds(config.queryTimeoutMilliseconds)),
            background: background, reload: { await reloader.reload() })
        reloader.handler.withLock { $0 = handler }
        let socket: ControlServer.Socket =
            if let fd = ListenFileDescriptors.take(named: "control") {
                .inherited(fd, path: config.socket)
            } else {
                .path(config.socket, mode: config.socketMode)
            }
        let server: ControlServer
        do {
            let folder = URL(fileURLWithPath: config.socket).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            server = try await ControlServer(
                socket: socket, handler: handler, hub: hub, logger: logger,
                idleTimeout: .milliseconds(Int64(config.clientIdleTimeoutSeconds * 1000)))
        } catch {
            throw StartupError(code: 73, message: error.message)
        }

        let readyMetadata: Logger.Metadata = [
            "inbox": "\(config.inbox)", "database": "\(config.database)", "socket": "\(config.socket)", "event": "ready",
        ]
        let status = StatusReporter(notifier: notifier, updater: updater, handler: handler, reloader: reloader) {
            // Sent from inside the service group, whose SIGTERM handler is in place by then.
            logger.info("newsd \(newsdVersion) ready", metadata: readyMetadata)
        }
        pipeline.observe { committed in
            hub.publish(committed.map(Self.hit))
            for article in committed {
                logger.debug(
                    "stored \(article.path)",
                    metadata: [
                        "file": "\(article.path)", "article.id": "\(article.id)",
                        "article.revision": "\(article.revision)", "event": "ingested",
                    ])
            }
        }

        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: WatcherService(watcher: watcher)),
                    .init(service: pipeline),
                    .init(service: server),
                    .init(service: ReloadService(reloader: reloader)),
                    .init(service: background),
                    .init(service: status),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            logger.error("stopped on error: \(error)", metadata: ["event": "failed"])
            notifier.failed(errno: 5, status: "Failed: \(error)")
            try? store.close()
            throw StartupError(code: 1, message: "\(error)")
        }
        try? store.close()
        logger.info("newsd stopped", metadata: ["event": "stopped"])
    }

    static func hit(_ c: CommittedArticle) -> QueryHit {
        QueryHit(
            id: c.id, title: c.article.title, source: c.article.source, published: c.article.published,
            snippet: String((c.article.body.first ?? "").prefix(240)), score: 0, path: c.path, ingestedAt: c.ingestedAt,
            revision: c.revision, duplicateOf: c.duplicateOf, storyID: c.storyID)
    }
}

/// Runs the inotify watcher until shutdown.
struct WatcherService: Service {
    let watcher: InboxWatcher
    func run() async throws {
        await cancelWhenGracefulShutdown { await watcher.run() }
    }
}

/// Reloads on SIGHUP.
struct ReloadService: Service {
    let reloader: Reloader
    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                _ = await reloader.reload()
            }
        }
    }
}

/// Re-reads the configuration and applies what can change live; refuses what cannot (inbox,
/// database, socket) and keeps the old configuration then. One reload at a time.
final class Reloader: Sendable {
    let daemon: Daemon
    let notifier: SystemdNotifier
    let pipeline: IngestPipeline
    let watcher: InboxWatcher
    let current: Mutex<NewsdConfiguration>
    let handler = Mutex<DaemonHandler?>(nil)
    let busy = Mutex(false)
    /// Why the last reload was refused, shown at the head of STATUS until a reload succeeds (the
    /// configuration on disk is then not the one in force).
    let refusal = Mutex<String?>(nil)
    /// STATUS=: a refusal is sent at once, before the reload's READY=1, and then the whole line.
    let status: StatusUpdater

    init(
        daemon: Daemon, notifier: SystemdNotifier, pipeline: IngestPipeline, watcher: InboxWatcher,
        current: NewsdConfiguration, status: StatusUpdater
    ) {
        self.daemon = daemon
        self.notifier = notifier
        self.pipeline = pipeline
        self.watcher = watcher
        self.current = Mutex(current)
        self.status = status
    }

    func reload() async -> Result<String, ConfigurationError> {
        notifier.reloading()
        defer { notifier.send("READY=1") }
        let result = apply()
        switch result {
        case .success(let message):
            refusal.withLock { $0 = nil }
            daemon.logger.notice("\(message)", metadata: ["event": "reloaded"])
        case .failure(let error):
            refusal.withLock { $0 = "Reload refused: \(error.message)" }
            daemon.logger.error("reload refused: \(error.message)", metadata: ["event": "reload_refused"])
            // At once, so that `systemctl reload` returning sees it in the unit's status.
            status.sendNow("Reload refused: \(error.message)")
        }
        // The status reporter then puts the refusal at the head of the whole line (or takes it away).
        status.changed()
        return result
    }

    private func apply() -> Result<String, ConfigurationError> {
        guard let file = daemon.configFile else {
            return .success("no config file to reload; nothing changed")
        }
        var next: NewsdConfiguration
        let settings: IngestSettings
        do {
            next = try NewsdConfiguration.load(file: file)
            daemon.overrides(&next)
            settings = try Daemon.settings(next)
        } catch {
            return .failure(error)
        }
        let old = current.withLock { $0 }
        let fixed = [
            ("inbox", old.inbox, next.inbox), ("database", old.database, next.database), ("socket", old.socket, next.socket),
            ("socket_mode", String(old.socketMode, radix: 8), String(next.socketMode, radix: 8)),
            ("recursive", "\(old.recursive)", "\(next.recursive)"),
            ("parse_workers", "\(old.parseWorkers.map(String.init) ?? "cores")", "\(next.parseWorkers.map(String.init) ?? "cores")"),
        ]
        for (key, a, b) in fixed where a != b {
            return .failure(ConfigurationError(message: "key \"\(key)\" cannot change without a restart (\(a) → \(b))"))
        }
        pipeline.update(settings: settings)
        let (limits, aliases) = Daemon.workerLimits(next)
        pipeline.parsers.update(limits: limits, aliases: aliases)
        watcher.update(patterns: settings.patterns)
        daemon.level.set(next.logLevel)
        handler.withLock {
            $0?.store.linkSettings = LinkSettings(duplicates: next.duplicates, stories: next.stories)
            $0?.updateAccess(
                .init(
                    adminUIDs: Set(next.adminUIDs), adminGIDs: Set(next.adminGIDs), aliases: settings.aliases,
                    queryTimeout: .milliseconds(next.queryTimeoutMilliseconds)))
        }
        current.withLock { $0 = next }
        return .success("configuration reloaded from \(file)")
    }
}
