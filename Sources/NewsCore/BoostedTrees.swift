/// Gradient-boosted regression trees as scikit-learn's `HistGradientBoostingClassifier` fits them,
/// read from the flat tables a training script writes (`scripts/train-lines.py`,
/// `scripts/train-titles.py`): per node its feature (-1 for a leaf), its threshold (a row goes left
/// when its feature is at most it) or a leaf's value, and its two children as absolute indices; the
/// index of each tree's root; the score before any tree.
struct BoostedTrees: Sendable {
    /// A node as `score` walks it: a split sends a row `left` when its `feature` is at most
    /// `threshold`; a leaf sends every row to itself.
    struct Step: Sendable {
        var threshold: Double
        var feature: Int32
        var left: Int32
        var right: Int32
    }

    let nodes: [Step]
    /// Each node's leaf value (0 for a split).
    let leaves: [Double]
    let roots: [Int32]
    /// The depth of the deepest tree: every walk is done after so many steps.
    let depth: Int
    let baseline: Double

    init(feature: [Int8], threshold: [Double], left: [Int32], right: [Int32], roots: [Int32], baseline: Double) {
        nodes = feature.indices.map { k in
            feature[k] < 0
                ? Step(threshold: .infinity, feature: 0, left: Int32(k), right: Int32(k))
                : Step(threshold: threshold[k], feature: Int32(feature[k]), left: left[k], right: right[k])
        }
        leaves = feature.indices.map { feature[$0] < 0 ? threshold[$0] : 0 }
        func depth(_ k: Int) -> Int {
            feature[k] < 0 ? 0 : 1 + max(depth(Int(left[k])), depth(Int(right[k])))
        }
        self.roots = roots
        self.depth = roots.map { depth(Int($0)) }.max() ?? 0
        self.baseline = baseline
    }

    /// The highest feature index a split reads (-1 without splits): a row must be longer.
    var widestFeature: Int { nodes.indices.filter { nodes[$0].left != Int32($0) }.map { Int(nodes[$0].feature) }.max() ?? -1 }

    /// The score of a row (log-odds): the sum of the leaves the row reaches in every tree, on top
    /// of the baseline. The trees are walked a level at a time, every tree one step per level: the
    /// walks do not wait on each other, so the processor runs them side by side instead of one chain
    /// of dependent loads after another (a leaf points to itself, so a walk that ends early stays
    /// put).
    func score(_ row: [Double]) -> Double {
        // Where each walk stands, on the stack (this runs for every line of a page).
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: roots.count) { at in
            _ = at.initialize(from: roots)
            row.withUnsafeBufferPointer { row in
                nodes.withUnsafeBufferPointer { nodes in
                    for _ in 0..<depth {
                        for t in 0..<at.count {
                            let node = nodes[Int(at[t])]
                            at[t] = row[Int(node.feature)] <= node.threshold ? node.left : node.right
                        }
                    }
                }
            }
            var score = baseline
            for node in at { score += leaves[Int(node)] }
            return score
        }
    }
}
