import NewsInbox
import ServiceLifecycle
import Systemd

/// Sends READY=1, keeps STATUS= current and sends STOPPING=1 as soon as shutdown begins. The line is
/// recomputed only when the pipeline's counts or state or the reloader's refusal change (they
/// signal `updater`), sent only when it differs, at most four times a second while changes keep
/// coming; an idle daemon sends nothing and this service sleeps with no timer. A refused reload
/// heads the line until a reload succeeds.
struct StatusReporter: Service {
    let notifier: SystemdNotifier
    let updater: StatusUpdater
    let handler: DaemonHandler
    let reloader: Reloader
    /// Runs once READY=1 is sent.
    let onReady: @Sendable () -> Void

    func line() -> String {
        let s = handler.status()
        let verb =
            switch s.state {
            case .starting: "Starting on"
            case .catchingUp: "Catching up on"
            case .watching: "Watching"
            case .paused: "Paused on"
            case .degraded: "Degraded on"
            }
        var text = "\(verb) \(s.inbox): \(s.articles) articles, \(s.pending) pending, \(s.failed) failed"
        if let error = s.lastError, s.state == .degraded { text += "; last error: \(error)" }
        if let refusal = reloader.refusal.withLock({ $0 }) { text = refusal + "; " + text }
        return text
    }

    func run() async throws {
        let current = line()
        notifier.ready(status: current)
        onReady()
        await withGracefulShutdownHandler {
            await cancelWhenGracefulShutdown { await updater.run(from: current, line: line) }
        } onGracefulShutdown: {
            // No STATUS= after this one.
            updater.stop()
            notifier.stopping(status: "Stopping: finishing the open transaction")
        }
    }
}
