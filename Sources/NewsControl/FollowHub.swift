import NIOCore
import NewsProtocol
import Synchronization

/// Fans newly ingested articles out to `follow` subscribers. Publishing never blocks: each
/// subscriber has a bounded buffer; when it is full the oldest entries are dropped and counted, and
/// the subscriber is told how many it lost (`dropped`) before its next article.
public final class FollowHub: Sendable {
    /// One subscriber's buffer.
    public final class Subscription: Sendable {
        struct Buffer {
            var hits = CircularBuffer<QueryHit>()
            var dropped = 0
        }

        /// Query the articles must match, if any.
        public let filter: String?
        /// True: `filter` is raw FTS5 syntax rather than the query language.
        public let filterIsFTS: Bool
        let capacity: Int
        let buffer = Mutex(Buffer())
        let wake: AsyncStream<Void>
        let wakeContinuation: AsyncStream<Void>.Continuation

        init(filter: String?, fts: Bool, capacity: Int) {
            self.filter = filter
            self.filterIsFTS = fts
            self.capacity = capacity
            (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        }

        func offer(_ hits: [QueryHit]) {
            buffer.withLock { b in
                for hit in hits {
                    if b.hits.count >= capacity {
                        b.hits.removeFirst()
                        b.dropped += 1
                    }
                    b.hits.append(hit)
                }
            }
            wakeContinuation.yield()
        }

        /// Waits for news; returns what was dropped since the last call and the buffered hits, or
        /// nil when the subscription ended.
        public func next() async -> (dropped: Int, hits: [QueryHit])? {
            while true {
                let taken = buffer.withLock { b -> (Int, [QueryHit]) in
                    defer {
                        b.hits.removeAll()
                        b.dropped = 0
                    }
                    return (b.dropped, Array(b.hits))
                }
                if taken.0 > 0 || !taken.1.isEmpty { return taken }
                var iterator = wake.makeAsyncIterator()
                if await iterator.next() == nil { return nil }
            }
        }

        func finish() { wakeContinuation.finish() }
    }

    private let subscribers = Mutex<[ObjectIdentifier: Subscription]>([:])
    /// Articles a subscriber may have waiting before the oldest are dropped.
    public let capacity: Int

    /// Creates a hub whose subscribers buffer at most `capacity` articles each.
    public init(capacity: Int = 1024) { self.capacity = capacity }

    /// Number of subscribers.
    public var count: Int { subscribers.withLock { $0.count } }

    /// Adds a subscriber whose articles must match `filter` (raw FTS5 when `fts`).
    public func subscribe(filter: String?, fts: Bool = false) -> Subscription {
        let subscription = Subscription(filter: filter, fts: fts, capacity: capacity)
        subscribers.withLock { $0[ObjectIdentifier(subscription)] = subscription }
        return subscription
    }

    /// Removes a subscriber.
    public func unsubscribe(_ subscription: Subscription) {
        subscribers.withLock { $0[ObjectIdentifier(subscription)] = nil }
        subscription.finish()
    }

    /// Offers new articles to every subscriber. Never blocks on a subscriber.
    public func publish(_ hits: [QueryHit]) {
        guard !hits.isEmpty else { return }
        for subscription in subscribers.withLock({ Array($0.values) }) { subscription.offer(hits) }
    }
}
