import NewsStore
import Testing

@testable import NewsInbox

/// The ready queue's packed storage: order, each name once, and its buffer rewritten as names leave.
@Suite struct NameQueueTests {
    @Test func namesLeaveInOrderEachOnce() {
        var queue = NameQueue()
        #expect(queue.append("a.txt") && queue.append("sub/b.txt"))
        #expect(!queue.append("a.txt"))
        #expect(queue.prepend("first.txt") && !queue.prepend("sub/b.txt"))
        #expect(queue.count == 3 && queue.contains("sub/b.txt") && !queue.contains("sub"))
        #expect(queue.removeFirst() == "first.txt")
        #expect(queue.removeFirst() == "a.txt")
        #expect(!queue.contains("a.txt") && queue.append("a.txt"))
        #expect(queue.removeFirst() == "sub/b.txt")
        #expect(queue.removeFirst() == "a.txt")
        #expect(queue.removeFirst() == nil && queue.isEmpty)
    }

    @Test func namesAreBytesNotCharacters() {
        // "é" precomposed and as "e" with a combining accent are equal Strings, but different names.
        var queue = NameQueue()
        #expect(queue.append("caf\u{E9}.txt"))
        #expect(queue.append("cafe\u{301}.txt"))
        #expect(queue.count == 2)
        #expect(Array(queue.removeFirst()!.utf8) == Array("caf\u{E9}.txt".utf8))
        #expect(Array(queue.removeFirst()!.utf8) == Array("cafe\u{301}.txt".utf8))
    }

    /// Many names, taken and queued again in mixed order (growing the table, deleting from its runs,
    /// rewriting the buffer), against a plain array and set.
    @Test func agreesWithAnArrayAndASetThroughGrowthAndCompaction() {
        var queue = NameQueue()
        var model: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40_000 {
            let name = "folder-\(round % 7)/file-\(UInt32.random(in: 0..<3000, using: &generator)).txt"
            switch round % 5 {
            case 0, 1:
                #expect(queue.append(name) == !model.contains(name))
                if !model.contains(name) { model.append(name) }
            case 2:
                #expect(queue.prepend(name) == !model.contains(name))
                if !model.contains(name) { model.insert(name, at: 0) }
            default:
                #expect(queue.removeFirst() == (model.isEmpty ? nil : model.removeFirst()))
            }
            if round % 997 == 0 {
                #expect(queue.count == model.count)
                #expect(model.allSatisfy(queue.contains))
            }
        }
        while let name = queue.removeFirst() { #expect(name == model.removeFirst()) }
        #expect(model.isEmpty)
    }
}

@Suite struct IdentityListTests {
    @Test func findsWhatWasAppendedInAnyOrder() {
        var list = IdentityList()
        let identities = (0..<500).map { FileIdentity(device: UInt64($0 % 3), inode: UInt64(($0 * 7919) % 1000)) }
        for identity in identities { list.append(identity) }
        list.sort()
        #expect(identities.allSatisfy(list.contains))
        #expect(!list.contains(FileIdentity(device: 0, inode: 1001)))
        #expect(!list.contains(FileIdentity(device: 5, inode: 0)))
        #expect(!IdentityList().contains(FileIdentity(device: 0, inode: 0)))
    }
}
