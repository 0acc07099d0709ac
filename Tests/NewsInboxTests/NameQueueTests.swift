import NewsStore
import Testing

@testable import NewsInbox

/// The ready queue's packed storage: order, each name once, and its buffer rewritten as names leave.
@Suite struct NameQueueTests {
    @Test func namesLeaveInOrderEachOnce() {
        var queue = NameQueue()
        let added = [queue.append("a.txt"), queue.append("sub/b.txt"), queue.append("a.txt")]
        #expect(added == [true, true, false])
        let prepended = [queue.prepend("first.txt"), queue.prepend("sub/b.txt")]
        #expect(prepended == [true, false])
        #expect(queue.count == 3 && queue.contains("sub/b.txt") && !queue.contains("sub"))
        var taken = [queue.removeFirst(), queue.removeFirst()]
        #expect(taken == ["first.txt", "a.txt"])
        #expect(!queue.contains("a.txt"))
        let again = queue.append("a.txt")
        #expect(again)
        taken = [queue.removeFirst(), queue.removeFirst(), queue.removeFirst()]
        #expect(taken == ["sub/b.txt", "a.txt", nil])
        #expect(queue.isEmpty)
    }

    @Test func namesAreBytesNotCharacters() {
        // "é" precomposed and as "e" with a combining accent are equal Strings, but different names.
        var queue = NameQueue()
        let added = [queue.append("caf\u{E9}.txt"), queue.append("cafe\u{301}.txt")]
        #expect(added == [true, true] && queue.count == 2)
        let taken = [queue.removeFirst(), queue.removeFirst()].map { $0.map { Array($0.utf8) } }
        #expect(taken == [Array("caf\u{E9}.txt".utf8), Array("cafe\u{301}.txt".utf8)])
    }

    /// Many names, taken and queued again in mixed order (growing the table, deleting from its runs,
    /// rewriting the buffer), against a plain array and set.
    @Test func agreesWithAnArrayAndASetThroughGrowthAndCompaction() {
        var queue = NameQueue()
        var model: [String] = []
        var queued: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20_000 {
            let name = "folder-\(round % 7)/file-\(UInt32.random(in: 0..<3000, using: &generator)).txt"
            switch round % 5 {
            case 0, 1:
                let added = queue.append(name)
                #expect(added == queued.insert(name).inserted)
                if added { model.append(name) }
            case 2:
                let added = queue.prepend(name)
                #expect(added == queued.insert(name).inserted)
                if added { model.insert(name, at: 0) }
            default:
                let taken = queue.removeFirst()
                let expected = model.isEmpty ? nil : model.removeFirst()
                #expect(taken == expected)
                if let expected { queued.remove(expected) }
            }
            if round % 997 == 0 {
                #expect(queue.count == model.count)
                #expect(model.allSatisfy(queue.contains))
            }
        }
        while let name = queue.removeFirst() {
            let expected = model.removeFirst()
            #expect(name == expected)
        }
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
