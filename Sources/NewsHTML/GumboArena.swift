import CGumbo
import Glibc

/// Gumbo's memory for one parse, handed out from large blocks: gumbo allocates and frees a small
/// block for nearly every token, node, attribute and string it builds, and the whole tree is
/// dropped at once after newsd has copied it, so a parse's blocks are taken one after the other
/// from a few large ones and given back together (a freed block is not reused within the parse).
/// What one parse takes this way is bounded by `budget`: past it, gumbo's blocks come from
/// `malloc` and are freed one by one as usual, so a huge or hostile page costs no more memory than
/// it did without the arena (plus the budget).
struct GumboArena {
    /// The large blocks, in the order taken.
    private var blocks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    /// The free part of the newest block.
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?
    /// Bytes in `blocks`.
    private var total = 0
    /// Whether some of gumbo's blocks came from `malloc` (past the budget).
    private(set) var spilled = false

    /// Size of a large block: most pages fit in one or two.
    static let blockSize = 256 << 10
    /// Most bytes taken in large blocks for one parse.
    static let budget = 64 << 20

    /// A block of `size` bytes, aligned to 16 bytes as `malloc`'s are.
    mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = (size + 15) & ~15
        if let next, let end, rounded <= next.distance(to: end) {
            self.next = next + rounded
            return next
        }
        if total + max(rounded, Self.blockSize) > Self.budget {
            spilled = true
            return malloc(size)
        }
        if rounded > Self.blockSize / 4 {
            // A large string or list: a block of its own, the newest block kept for small ones.
            guard let block = malloc(rounded) else { return nil }
            blocks.append((block, rounded))
            total += rounded
            return block
        }
        guard let block = malloc(Self.blockSize) else { return nil }
        blocks.append((block, Self.blockSize))
        total += Self.blockSize
        next = block + rounded
        end = block + Self.blockSize
        return block
    }

    /// Gives a block back: one from the large blocks waits for `release`, one from `malloc` is freed.
    func deallocate(_ pointer: UnsafeMutableRawPointer?) {
        guard spilled, let pointer else { return }
        for block in blocks where block.base <= pointer && pointer < block.base + block.size { return }
        free(pointer)
    }

    /// Frees the large blocks (gumbo's tree in them is gone).
    mutating func release() {
        for block in blocks { free(block.base) }
        blocks.removeAll()
        (next, end, total) = (nil, nil, 0)
    }

    /// Parses `text` with gumbo's memory taken from an arena, hands the output to `body`, then frees
    /// it all (gumbo's own walk over the tree to free it is needed only when some blocks spilled).
    static func parse(
        _ text: UnsafeBufferPointer<CChar>, options base: GumboOptions, _ body: (UnsafeMutablePointer<GumboOutput>) -> Void
    ) {
        guard let start = text.baseAddress else { return }
        let arena = UnsafeMutablePointer<GumboArena>.allocate(capacity: 1)
        arena.initialize(to: GumboArena())
        defer {
            arena.pointee.release()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        var options = base
        options.userdata = UnsafeMutableRawPointer(arena)
        options.allocator = { userdata, size in
            userdata!.assumingMemoryBound(to: GumboArena.self).pointee.allocate(size)
        }
        options.deallocator = { userdata, pointer in
            userdata!.assumingMemoryBound(to: GumboArena.self).pointee.deallocate(pointer)
        }
        guard let output = gumbo_parse_with_options(&options, start, text.count) else { return }
        body(output)
        if arena.pointee.spilled { gumbo_destroy_output(&options, output) }
    }
}
