import Testing
@testable import NewsCore

/// The line model of whole-page text: its generated trees are sound, and it tells the story's lines
/// from the page's furniture.
@Suite struct LineModelTests {
    @Test func everyTreeIsAWellFormedBinaryTreeOverTheRowsFeatures() {
        let width = LineClassifier.contextWidth + LineClassifier.ownWeights.count
        let nodes = Self.nodes
        let roots = LineClassifier.treeRoots.map(Int.init)
        #expect(roots.count == 100)
        #expect(roots.first == 0)
        for (t, root) in roots.enumerated() {
            let end = t + 1 < roots.count ? roots[t + 1] : nodes.count
            // Each node of the tree is reached exactly once from its root, and every walk ends in a leaf.
            var reached = Set<Int>()
            var pending = [root]
            while let index = pending.popLast() {
                #expect(index >= root && index < end, "tree \(t): node \(index) outside it")
                guard index >= root && index < end, reached.insert(index).inserted else { continue }
                let node = nodes[index]
                if node.feature >= 0 {
                    #expect(Int(node.feature) < width)
                    #expect(node.value.isFinite)
                    pending += [Int(node.left), Int(node.right)]
                }
            }
            #expect(reached.count == end - root, "tree \(t) has unreachable nodes")
        }
    }

    /// The generated tables as plain nodes, read one walk at a time: what `treeScore` must agree with.
    struct Node {
        var value: Double
        var feature: Int
        var left: Int
        var right: Int
    }

    static let nodes: [Node] = LineClassifier.treeFeature.indices.map {
        Node(value: LineClassifier.treeThreshold[$0], feature: Int(LineClassifier.treeFeature[$0]),
             left: Int(LineClassifier.treeLeft[$0]), right: Int(LineClassifier.treeRight[$0]))
    }

    /// Each tree walked from its root to a leaf, one tree after the other, the leaves summed in order.
    static func walkedTreeByTree(_ row: [Double]) -> Double {
        var score = LineClassifier.treeBaseline
        for root in LineClassifier.treeRoots {
            var node = nodes[Int(root)]
            while node.feature >= 0 { node = nodes[row[node.feature] <= node.value ? node.left : node.right] }
            score += node.value
        }
        return score
    }

    @Test func theLevelByLevelWalkScoresEveryRowAsTheTreeByTreeWalkDoes() {
        let width = LineClassifier.contextWidth + LineClassifier.ownWeights.count
        var generator = SystemRandomNumberGenerator()
        // Rows of the thresholds themselves (ties go left), of values around them, and of NaN.
        let thresholds = Self.nodes.filter { $0.feature >= 0 }.map(\.value)
        for k in 0..<2000 {
            let row = (0..<width).map { _ -> Double in
                let t = thresholds.randomElement(using: &generator)!
                switch k % 4 {
                case 0: return t
                case 1: return t + Double.random(in: -0.5...0.5, using: &generator)
                case 2: return Double.random(in: -1...2, using: &generator)
                default: return Bool.random(using: &generator) ? .nan : t
                }
            }
            #expect(LineClassifier.treeScore(row) == Self.walkedTreeByTree(row), "row \(row)")
        }
    }

    @Test func storyLinesScoreAboveTheThresholdAndFurnitureBelow() {
        let lines = PageTests.page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let scores = LineClassifier.scores(lines[...])
        func score(_ prefix: String) -> Double {
            scores[lines.firstIndex { $0.hasPrefix(prefix) }!]
        }
        for story in ["The city council voted", "The bridge, which will carry", "Opponents said", "The council will now"] {
            #expect(score(story) >= PageLayout.threshold, "\(story)")
        }
        for furniture in ["Skip to content", "Subscribe", "Storm closes coastal road", "Share this article",
                          "Privacy policy", "Cookie settings", "©"] {
            #expect(score(furniture) < PageLayout.threshold, "\(furniture)")
        }
        #expect(zip(lines, scores).allSatisfy { line, score in !line.isEmpty || score == 0 })
    }
}
