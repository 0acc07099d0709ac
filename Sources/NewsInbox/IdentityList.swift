import NewsStore

/// The (device, inode) of every file a scan saw, for telling which rows' files are gone: one
/// sorted array, 16 bytes a file (a `Set` took about 40 for the 100,000 files of a large inbox).
struct IdentityList {
    private var items: [FileIdentity] = []
    private var isSorted = true

    /// Identities held.
    var count: Int { items.count }

    mutating func append(_ identity: FileIdentity) {
        if let last = items.last, !Self.precedes(last, identity) { isSorted = false }
        items.append(identity)
    }

    /// Sorts the identities; `contains` needs it after the last `append`.
    mutating func sort() {
        if !isSorted { items.sort(by: Self.precedes) }
        isSorted = true
    }

    /// Whether `identity` was appended (a binary search: call `sort` first).
    func contains(_ identity: FileIdentity) -> Bool {
        precondition(isSorted, "IdentityList.contains before sort()")
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(items[middle], identity) { low = middle + 1 } else { high = middle }
        }
        return low < items.count && items[low] == identity
    }

    private static func precedes(_ a: FileIdentity, _ b: FileIdentity) -> Bool {
        (a.device, a.inode) < (b.device, b.inode)
    }
}
