import ServiceLifecycle

/// Long actions an operator starts over the socket (`relink`) that answer at once and go on in the
/// background: each runs as a child task of this service, one of the daemon's `ServiceGroup`, so it
/// belongs to the daemon's task tree. Graceful shutdown cancels them (a relink stops between its
/// transactions, or its open one is interrupted and rolls back whole).
final class BackgroundJobs: Service, Sendable {
    typealias Job = @Sendable () async -> Void

    private let jobs: AsyncStream<Job>
    private let submitted: AsyncStream<Job>.Continuation

    init() {
        (jobs, submitted) = AsyncStream.makeStream(of: Job.self)
    }

    /// Starts `job` in the background; after shutdown began it is dropped.
    func submit(_ job: @escaping Job) {
        submitted.yield(job)
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            for await job in jobs.cancelOnGracefulShutdown() {
                group.addTask { await job() }
            }
            group.cancelAll()
        }
        submitted.finish()
    }
}
