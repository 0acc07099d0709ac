import DequeModule

/// The ready queue's storage: names in arrival order, each at most once, as bytes in one buffer.
///
/// A catch-up queues every file of the inbox at once (100,000 names and more). As a `Deque` and a
/// `Set` of `String`s, each name was a heap object of its own (64 bytes and more for a 30-byte
/// name, plus 40 bytes of queue and set entries). Here a name takes its bytes in `bytes`, 8 bytes in
/// `order` and 16 to 32 in `table` (kept between a quarter and half full): about half of that, in
/// three allocations for all names instead of one each.
///
/// `table` is an open-addressing hash set (linear probing, backward-shift deletion, so no
/// tombstones) of the queued names' slots in `bytes`. Names taken from the queue leave their
/// bytes behind until those are more than half of the buffer; then the buffer is rewritten with
/// the names still queued. A queue that empties gives all its memory back.
struct NameQueue {
    /// Where a name's bytes are in `bytes`. A slot of length 0 marks a free cell of `table`
    /// (a queued name is never empty).
    struct Slot: Equatable {
        var start: UInt32
        var length: UInt32

        static let free = Slot(start: 0, length: 0)
    }

    private var bytes: [UInt8] = []
    private var order = Deque<Slot>()
    private var table: [Slot] = []
    /// Bytes of `bytes` no longer queued.
    private var dead = 0

    /// Names queued.
    var count: Int { order.count }

    var isEmpty: Bool { order.isEmpty }

    /// Whether `name` is queued.
    func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { find($0) != nil }
    }

    /// Queues `name` at the back; false (and nothing changes) when it is already queued.
    @discardableResult
    mutating func append(_ name: String) -> Bool {
        guard let slot = insert(name) else { return false }
        order.append(slot)
        return true
    }

    /// Queues `name` at the front; false (and nothing changes) when it is already queued.
    @discardableResult
    mutating func prepend(_ name: String) -> Bool {
        guard let slot = insert(name) else { return false }
        order.prepend(slot)
        return true
    }

    /// Takes the name at the front of the queue.
    mutating func removeFirst() -> String? {
        guard let slot = order.popFirst() else { return nil }
        let name = String(decoding: view(slot), as: UTF8.self)
        remove(slot)
        dead += Int(slot.length)
        if order.isEmpty {
            self = NameQueue()
        } else if dead > 64 * 1024, dead > bytes.count / 2 {
            compact()
        }
        return name
    }

    // MARK: - The buffer and the table

    private func view(_ slot: Slot) -> ArraySlice<UInt8> {
        bytes[Int(slot.start)..<Int(slot.start) + Int(slot.length)]
    }

    private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(name))
        return hasher.finalize()
    }

    private func hash(_ slot: Slot) -> Int {
        bytes.withUnsafeBufferPointer { all in
            Self.hash(UnsafeBufferPointer(rebasing: all[Int(slot.start)..<Int(slot.start) + Int(slot.length)]))
        }
    }

    /// The cell of `table` that holds `name`, nil when it is not queued.
    private func find(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var cell = Self.hash(name) & mask
        while table[cell] != .free {
            let slot = table[cell]
            if Int(slot.length) == name.count, view(slot).elementsEqual(name) { return cell }
            cell = (cell + 1) & mask
        }
        return nil
    }

    /// Adds `name`'s bytes and its table entry; nil when it is already queued.
    private mutating func insert(_ name: String) -> Slot? {
        var name = name
        return name.withUTF8 { utf8 -> Slot? in
            precondition(!utf8.isEmpty, "a queued name is never empty")
            guard find(utf8) == nil else { return nil }
            if (order.count + 1) * 2 > table.count { grow() }
            let slot = Slot(start: UInt32(bytes.count), length: UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
            place(slot, hash: Self.hash(utf8))
            return slot
        }
    }

    private mutating func place(_ slot: Slot, hash: Int) {
        let mask = table.count - 1
        var cell = hash & mask
        while table[cell] != .free { cell = (cell + 1) & mask }
        table[cell] = slot
    }

    /// Removes a queued slot's table entry, moving back the entries after it in its run that may
    /// no longer be reached otherwise (backward-shift deletion).
    private mutating func remove(_ slot: Slot) {
        let mask = table.count - 1
        var hole = hash(slot) & mask
        while table[hole] != slot { hole = (hole + 1) & mask }
        var next = hole
        while true {
            next = (next + 1) & mask
            let moving = table[next]
            if moving == .free { break }
            let home = hash(moving) & mask
            // The entry may fill the hole unless its home lies cyclically in (hole, next].
            let homeAfterHole = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next)
            if !homeAfterHole {
                table[hole] = moving
                hole = next
            }
        }
        table[hole] = .free
    }

    /// Doubles the table (at least 64 cells) and places every queued name again.
    private mutating func grow() {
        table = [Slot](repeating: .free, count: max(64, table.count * 2))
        for slot in order { place(slot, hash: hash(slot)) }
    }

    /// Rewrites the buffer with the queued names only, in queue order, and rebuilds the table.
    private mutating func compact() {
        var packed: [UInt8] = []
        packed.reserveCapacity(bytes.count - dead)
        var moved = Deque<Slot>()
        moved.reserveCapacity(order.count)
        for slot in order {
            moved.append(Slot(start: UInt32(packed.count), length: slot.length))
            packed.append(contentsOf: view(slot))
        }
        bytes = packed
        order = moved
        dead = 0
        var cells = 64
        while cells < order.count * 2 { cells *= 2 }
        table = [Slot](repeating: .free, count: cells)
        for slot in order { place(slot, hash: hash(slot)) }
    }
}
