import Foundation

/// Tells article text from page furniture in whole-page text (a page saved as text by a browser or
/// rendered by `html-text`: menus, cookie banners, related links and footers included), the way
/// boilerpipe and jusText do for HTML but from the text alone.
///
/// Two stages, trained offline by scripts/train-lines.py (weights and trees in
/// LineModelWeights.swift): a logistic model scores each non-empty line from its own shallow
/// features (`LineFeatures`), then boosted trees rescore it from the first stage's scores around it
/// and its own features again, so a short line amid article text stays and a long line amid menus
/// goes.
enum LineClassifier {
    /// For each line, the probability that it is article text; blank lines get 0.
    static func scores(_ lines: ArraySlice<String>) -> [Double] {
        var out = [Double](repeating: 0, count: lines.count)
        let features = LineFeatures.own(lines)
        guard !features.indexes.isEmpty else { return out }
        let first = features.rows.map { sigmoid(dot($0, ownWeights)) }
        var row = [Double](repeating: 0, count: contextWidth + ownWeights.count)
        context(first) { k, around in
            for i in 0..<contextWidth { row[i] = around[i] }
            for (i, value) in features.rows[k].enumerated() { row[contextWidth + i] = value }
            out[features.indexes[k] - lines.startIndex] = sigmoid(treeScore(row))
        }
        return out
    }

    /// Features `context` gives each line.
    static let contextWidth = 16

    /// The second stage's score of a row (`context`'s features, then the line's own).
    static func treeScore(_ row: [Double]) -> Double { trees.score(row) }

    /// The second stage's trees, from the generated tables (`treeFeature` …), made once.
    static let trees = BoostedTrees(
        feature: treeFeature, threshold: treeThreshold, left: treeLeft, right: treeRight, roots: treeRoots, baseline: treeBaseline)

    /// Second-stage features of each line: its own score, the mean scores of windows of 1, 2, 5 and
    /// 15 lines either side, the best score before and after it (fading by a tenth per line), the
    /// smaller of those two, the page's mean, whether the line is in the main block (the run of lines
    /// with the largest sum of score minus one half: stories are contiguous) and how far outside it
    /// (fading by e every ten lines), the block's share of the page and its mean score, and whether
    /// the line is in the blocks cut at 0.3 and 0.7, handed to `body` line by line in one reused row.
    /// Keep in step with `context` in train-lines.py.
    static func context(_ p: [Double], _ body: (Int, [Double]) -> Void) {
        let n = p.count
        var sums = [Double](repeating: 0, count: n + 1)
        for k in 0..<n { sums[k + 1] = sums[k] + p[k] }
        func window(_ k: Int, _ r: Int) -> Double {
            let lo = max(0, k - r)
            let hi = min(n, k + r + 1)
            return (sums[hi] - sums[lo]) / Double(max(1, hi - lo))
        }
        var before = [Double](repeating: 0, count: n)
        var after = [Double](repeating: 0, count: n)
        for k in 1..<max(1, n) { before[k] = max(p[k - 1], before[k - 1] * 0.9) }
        if n >= 2 { for k in stride(from: n - 2, through: 0, by: -1) { after[k] = max(p[k + 1], after[k + 1] * 0.9) } }
        let mean = n > 0 ? sums[n] / Double(n) : 0
        let block = mainBlock(p, cut: 0.5)
        let wide = mainBlock(p, cut: 0.3)
        let narrow = mainBlock(p, cut: 0.7)
        let size = Double(block.last - block.first + 1) / Double(max(1, n))
        let blockMean = block.last >= block.first
            ? (sums[block.last + 1] - sums[block.first]) / Double(block.last - block.first + 1) : 0
        // One row reused for every line.
        var row = [Double](repeating: 0, count: contextWidth)
        for k in 0..<n {
            row[0] = 1
            row[1] = p[k]
            row[2] = window(k, 1)
            row[3] = window(k, 2)
            row[4] = window(k, 5)
            row[5] = window(k, 15)
            row[6] = before[k]
            row[7] = after[k]
            row[8] = min(before[k], after[k])
            row[9] = mean
            row[10] = k >= block.first && k <= block.last ? 1 : 0
            let gap = k < block.first ? block.first - k : k > block.last ? k - block.last : 0
            row[11] = exp(-Double(gap) / 10)
            row[12] = size
            row[13] = blockMean
            row[14] = k >= wide.first && k <= wide.last ? 1 : 0
            row[15] = k >= narrow.first && k <= narrow.last ? 1 : 0
            body(k, row)
        }
    }

    /// The run of lines with the largest sum of (score − `cut`), the first such run; when no line
    /// scores above `cut`, the best line alone (empty only for no lines). Stories are contiguous.
    static func mainBlock(_ p: [Double], cut: Double) -> (first: Int, last: Int) {
        var best = -Double.infinity
        var run = 0.0
        var start = 0
        var block = (first: 0, last: -1)
        for k in 0..<p.count {
            if run <= 0 { (run, start) = (0, k) }
            run += p[k] - cut
            if run > best { (best, block) = (run, (start, k)) }
        }
        return block
    }

    @inline(__always) static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    @inline(__always) static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s
    }
}

/// The shallow features the first stage of `LineClassifier` reads: words, stop-word density,
/// capitals, sentence shape, digits, link and menu marks, runs of short lines, position and
/// neighbours. Keep in step with `features` in scripts/train-lines.py.
package enum LineFeatures {
    /// Rows of features for the non-empty lines, with the lines' indexes.
    static func own(_ lines: ArraySlice<String>) -> (indexes: [Int], rows: [[Double]]) {
        let indexes = lines.indices.filter { !lines[$0].isEmpty }
        let n = indexes.count
        let stats = indexes.map { Stats(lines[$0]) }
        var run = [Int](repeating: 0, count: n)
        var k = 0
        while k < n {
            let short = stats[k].words <= 4
            var j = k
            while j < n, (stats[j].words <= 4) == short { j += 1 }
            if short { for m in k..<j { run[m] = j - k } }
            k = j
        }
        let longShare = n > 0 ? Double(stats.filter { $0.words >= 15 }.count) / Double(n) : 0
        var rows: [[Double]] = []
        rows.reserveCapacity(n)
        for (k, i) in indexes.enumerated() {
            let s = stats[k]
            let w = Double(s.words)
            let previous = k > 0 ? Double(stats[k - 1].words) : 0
            let next = k + 1 < n ? Double(stats[k + 1].words) : 0
            let gapBefore: Double = i == lines.startIndex || lines[i - 1].isEmpty ? 1 : 0
            let gapAfter: Double = i + 1 >= lines.endIndex || lines[i + 1].isEmpty ? 1 : 0
            let pos = Double(k) / Double(max(1, n - 1))
            rows.append([
                1, log1p(w) / 4, s.words <= 3 ? 1 : 0, s.words <= 8 ? 1 : 0, s.words >= 20 ? 1 : 0,
                s.stop, s.caps, s.end, s.period, s.sentences, s.commas, s.digits, s.link, s.separators, s.noLower,
                s.wordLength, s.boiler, log1p(Double(run[k])) / 4, pos, pos * pos, (gapBefore + gapAfter) / 2,
                log1p(previous) / 4, log1p(next) / 4, longShare,
            ])
        }
        return (indexes, rows)
    }

    /// One line's own measures.
    struct Stats {
        var words = 0
        var stop = 0.0
        var caps = 0.0
        var end = 0.0
        var period = 0.0
        var sentences = 0.0
        var commas = 0.0
        var digits = 0.0
        var link = 0.0
        var separators = 0.0
        var noLower = 1.0
        var wordLength = 0.0
        var boiler = 0.0

        /// One pass over the line's scalars: tokens are the runs between spaces (as `split(" ")`
        /// makes them), and a token's core (without leading and trailing punctuation, lowercased) is
        /// packed into a `UInt64` for the stop-word look-up, so no token becomes a `String`.
        init(_ line: String) {
            var stopCount = 0
            var capsCount = 0
            var letters = 0
            var stops = 0
            var commaCount = 0
            var chars = 0
            var digitCount = 0
            var separatorCount = 0
            var previous: Unicode.Scalar = " "
            var last: Unicode.Scalar?
            var token = Token()
            for scalar in line.unicodeScalars {
                last = scalar
                if scalar == " " {
                    if previous == "." || previous == "?" || previous == "!" { stops += 1 }
                    previous = scalar
                    token.finish(words: &words, letters: &letters, stops: &stopCount, caps: &capsCount)
                    continue
                }
                token.add(scalar)
                chars += 1
                switch scalar {
                case ",": commaCount += 1
                case "0"..."9": digitCount += 1
                case "|", "»", "›", "•", "·", ">", "/": separatorCount += 1
                case "a"..."z": noLower = 0
                default:
                    if scalar.value >= 0x80, noLower == 1, Scalars.isLowercaseBeyondASCII(scalar) { noLower = 0 }
                }
                previous = scalar
            }
            token.finish(words: &words, letters: &letters, stops: &stopCount, caps: &capsCount)
            let n = Double(words)
            if words > 0 {
                stop = Double(stopCount) / n
                caps = Double(capsCount) / n
                wordLength = min(12, Double(letters) / n) / 12
            }
            if let last {
                switch last {
                case ".", "!", "?", "…":
                    end = 1
                    period = 1
                case "\"", "”", "’", "»", ")": end = 1
                default: break
                }
            }
            sentences = min(1, Double(stops) / (n + 1) * 5)
            commas = min(1, Double(commaCount) / (n + 1) * 5)
            digits = Double(digitCount) / Double(max(1, chars))
            separators = min(1, Double(separatorCount) / 3)
            if line.containsAny(of: LineFeatures.linkMarks) { link = 1 }
            if words <= 25, line.lowercasedFast().containsAny(of: LineFeatures.boilerNeedles) { boiler = 1 }
        }

        /// The token being read: its length in scalars, whether it has a letter or digit, whether its
        /// first scalar after any opening quote is a capital, and its lowercased UTF-8 bytes from the
        /// first letter or digit on (the first eight of them), with the length up to the last one.
        struct Token {
            var scalars = 0
            var alphanumeric = false
            var capital: Bool?
            var packed: UInt64 = 0
            var bytes = 0
            var coreBytes = 0

            @inline(__always) mutating func add(_ scalar: Unicode.Scalar) {
                scalars += 1
                if capital == nil, !LineFeatures.isOpeningQuote(scalar) {
                    capital = scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : Scalars.isUppercaseBeyondASCII(scalar)
                }
                let isAlphanumeric = LineFeatures.isAlphanumeric(scalar)
                guard alphanumeric || isAlphanumeric else { return }
                alphanumeric = true
                let lower = LineFeatures.lowercasedForStopWords(scalar)
                if lower.value < 0x80 {
                    if bytes < 8 { packed |= UInt64(lower.value) << (8 * UInt64(bytes)) }
                    bytes += 1
                } else {
                    for byte in UTF8.encode(lower)! {
                        if bytes < 8 { packed |= UInt64(byte) << (8 * UInt64(bytes)) }
                        bytes += 1
                    }
                }
                if isAlphanumeric { coreBytes = bytes }
            }

            mutating func finish(words: inout Int, letters: inout Int, stops: inout Int, caps: inout Int) {
                defer { self = Token() }
                guard alphanumeric else { return }
                words += 1
                letters += scalars
                // Stop words are at most seven letters: a token of more than nine scalars is never looked up.
                if scalars <= 9, coreBytes <= 8 {
                    let key = coreBytes == 8 ? packed : packed & ((1 << (8 * UInt64(coreBytes))) - 1)
                    if LineFeatures.stopWordKeys.contains(key) { stops += 1 }
                }
                if capital == true { caps += 1 }
            }
        }
    }

    /// A scalar lowercased as far as the stop words need: ASCII and Latin-1 capitals (the stop
    /// words' letters are all ASCII or Latin-1).
    @inline(__always) static func lowercasedForStopWords(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0x41 && v <= 0x5A || v >= 0xC0 && v <= 0xDE && v != 0xD7 { return Unicode.Scalar(v | 0x20)! }
        return s
    }

    /// A word's UTF-8 bytes (at most eight) packed little-endian into an integer.
    static func packed(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        for (k, byte) in word.utf8.prefix(8).enumerated() { key |= UInt64(byte) << (8 * UInt64(k)) }
        return key
    }

    /// The stop words as packed keys (every stop word is at most eight bytes long).
    static let stopWordKeys: Set<UInt64> = Set(stopWords.map(packed))

    static func isOpeningQuote(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "'" || s == "“" || s == "‘" || s == "(" || s == "«" || s == "„"
    }

    @inline(__always) static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        // ASCII without a Unicode property look-up: most lines are ASCII, and look-ups dominate.
        if s.value < 0x80 {
            let v = s.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
        }
        return isAlphanumericBeyondASCII(s)
    }

    /// The look-ups out of line, so that the ASCII path above sets up none of their types.
    @inline(never) static func isAlphanumericBeyondASCII(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }


    /// What marks a link or an address: `http`, `www.`, `.com`, `@`.
    static let linkMarks = ByteNeedles(["http", "www.", ".com", "@"])

    /// `boilerWords`, looked for in one pass.
    static let boilerNeedles = ByteNeedles(boilerWords.map { $0.description })

    static let boilerWords: [StaticString] = [
        "cookie", "subscribe", "newsletter", "log in", "login", "sign in", "sign up", "register", "privacy",
        "terms of", "copyright", "©", "all rights", "share", "comments", "advertis", "menu", "search", "follow us",
        "related", "more from", "recommended", "most popular", "most read", "read more", "click", "javascript",
        "browser",
    ]

    /// Common words of the languages the sets hold (en, de, fr, es, it, pt, nl, hu).
    package static let stopWords: Set<String> = Set(
        """
        a about after all also an and any are as at be because been but by can could did do does for from
        had has have he her his how i if in into is it its just more most no not of on one or our out over
        said say says she so some than that the their them then there these they this to up was we were what
        when which who will with would you your
        der die das und ist nicht ein eine mit den dem des auf für sich von zu im auch als bei nach wie aus
        wird werden hat sind noch um es er sie wir ich
        le la les et est un une des du en dans pour que qui sur pas au avec par plus il elle ce sont
        el los las y es del que por con para una su al lo como se
        il di che è per non gli della con sono del le
        o os da do em que não um uma com para
        de het een van en is op te dat niet voor met zijn
        és a az hogy nem is egy meg de van
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
