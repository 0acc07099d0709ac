import Synchronization

/// Hands out consecutive chunks of a batch to the parsing threads.
final class BatchCursor: Sendable {
    private let next = Atomic<Int>(0)

    /// The start of the next `count` paths.
    func claim(_ count: Int) -> Int { next.wrappingAdd(count, ordering: .relaxed).oldValue }

    /// True until the first chunk is claimed: a batch always reads at least one chunk.
    var isFirst: Bool { next.load(ordering: .relaxed) == 0 }

    /// Whether chunks up to `count` paths have been handed out.
    func isPast(_ count: Int) -> Bool { next.load(ordering: .relaxed) >= count }
}

/// Whether a batch is being committed, for the parsing threads of the next one.
final class WriterState: Sendable {
    private let busy = Atomic<Bool>(false)

    func begin() { busy.store(true, ordering: .releasing) }
    func end() { busy.store(false, ordering: .releasing) }
    var isBusy: Bool { busy.load(ordering: .acquiring) }
}
