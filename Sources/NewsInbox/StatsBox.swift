import Synchronization

/// The pipeline's `IngestStats` behind a lock. Every change goes through `withLock`, which tells
/// the observers after the lock is released whenever the value changed: STATUS= is recomputed on
/// that signal alone, so no change of the counts or the state can go unannounced.
final class StatsBox: Sendable {
    /// Called after a change of the stats, on the thread that made it; it must not block.
    typealias Observer = @Sendable () -> Void

    private let value: Mutex<IngestStats>
    private let observers = Mutex<[Observer]>([])

    init(_ initial: IngestStats) {
        value = Mutex(initial)
    }

    /// Registers an observer of changes.
    func observe(_ observer: @escaping Observer) {
        observers.withLock { $0.append(observer) }
    }

    /// Reads or changes the stats under the lock; the observers hear of a change once the lock is
    /// released (so they may read the stats themselves).
    func withLock<Result: Sendable>(_ body: (inout IngestStats) -> Result) -> Result {
        let (result, changed) = value.withLock { stats -> (Result, Bool) in
            let before = stats
            let result = body(&stats)
            return (result, stats != before)
        }
        if changed {
            for observer in observers.withLock({ $0 }) { observer() }
        }
        return result
    }
}
