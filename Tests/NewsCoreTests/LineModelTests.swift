import Testing
@testable import NewsCore

/// The line model of whole-page text: its generated trees are sound, and it tells the story's lines
/// from the page's furniture.
@Suite struct LineModelTests {
    @Test func everyTreeIsAWellFormedBinaryTreeOverTheRowsFeatures() {
        let width = LineClassifier.contextWidth + LineClassifier.ownWeights.count
        let nodes = LineClassifier.nodes
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
