import Foundation
import NewsCore

/// Near-duplicate detection: MinHash over word shingles, banded for locality-sensitive hashing
/// (Broder 1997; Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", ch. 3), with a
/// containment test for an article that is a superset of another. Pure: no I/O.
///
/// Two bodies are near-duplicates when their estimated Jaccard similarity of shingle sets is at
/// least `jaccardThreshold`, or when the smaller one's shingles lie at least `containmentThreshold`
/// inside the larger one's. Candidates come from the LSH bands: two bodies share a bucket when all
/// `rows` minimum hashes of a band agree. The parameters were chosen from measured precision and
/// recall (docs/DUPLICATES.md).
package enum NearDuplicates {
    /// Words per shingle.
    package static let shingleWords = 5
    /// Minimum hashes per signature.
    package static let hashCount = 128
    /// LSH bands; each band is `rows` consecutive minimum hashes.
    package static let bands = 30
    /// Minimum hashes per band.
    package static let rows = 4
    /// Estimated Jaccard similarity at or above which two bodies are near-duplicates.
    package static let jaccardThreshold = 0.6
    /// Estimated share of the smaller body's shingles inside the larger one at or above which the
    /// larger is a superset of the smaller (a paragraph or more added).
    package static let containmentThreshold = 0.85
    /// Bodies with fewer distinct shingles are not compared: a few shared sentences are no article.
    package static let minimumShingles = 20
    /// Words of a body the signature is made from: its first 20,000 (about 120 KB of text, past
    /// the longest feature article and the 100,000 characters search indexes). A longer body's
    /// later words change neither what it is a copy of nor what copies it, and its word, shingle
    /// and counting tables would otherwise grow with the file (a 50 MiB article: 340 MiB).
    package static let maximumWords = 20_000

    /// A body's MinHash signature and the number of distinct shingles it was made from.
    package struct Signature: Sendable, Equatable {
        /// `hashCount` minimum hashes.
        package var values: [UInt32]
        /// Distinct shingles of the body (an estimate when hashes collide, which is rare).
        package var shingles: Int

        /// Creates a signature (tests, and reading one back from the store).
        package init(values: [UInt32], shingles: Int) {
            self.values = values
            self.shingles = shingles
        }

        /// The values as little-endian bytes, as the store keeps them.
        package var data: Data {
            #if _endian(little)
                values.withUnsafeBytes { Data($0) }
            #else
                values.map { $0.littleEndian }.withUnsafeBytes { Data($0) }
            #endif
        }

        /// A signature read back from `data`; nil when the bytes are not one.
        package init?(data: Data, shingles: Int) {
            guard data.count == NearDuplicates.hashCount * 4 else { return nil }
            var values = [UInt32](repeating: 0, count: NearDuplicates.hashCount)
            data.withUnsafeBytes { raw in
                for i in 0..<values.count { values[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
            }
            self.init(values: values, shingles: shingles)
        }
    }

    /// The signature of a body (its paragraphs, the first `maximumWords` words of them), or nil
    /// when it has fewer than `minimumShingles` shingles. Words are runs of letters and digits,
    /// lowercased; everything else separates them, so quotes, punctuation, white space and case do
    /// not matter.
    package static func signature(of paragraphs: [String]) -> Signature? {
        let words = wordHashes(paragraphs, limit: maximumWords)
        guard words.count >= shingleWords else { return nil }
        var shingles = [UInt64](repeating: 0, count: words.count - shingleWords + 1)
        for i in shingles.indices {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in 0..<shingleWords { h = mix(h ^ words[i + k]) }
            shingles[i] = h
        }
        // A minimum does not change when a shingle repeats, so the minima run over all of them;
        // the distinct ones are only counted.
        let distinct = distinctCount(shingles)
        guard distinct >= minimumShingles else { return nil }
        var minima = [UInt32](repeating: .max, count: hashCount)
        shingles.withUnsafeBufferPointer { shingles in
            // One hash function at a time over all shingles: its constants stay in registers and
            // the running minimum needs no store.
            for i in 0..<hashCount {
                let a = multipliers[i]
                let b = addends[i]
                var m = UInt32.max
                for shingle in shingles {
                    m = min(m, UInt32(truncatingIfNeeded: (shingle &* a &+ b) >> 32))
                }
                minima[i] = m
            }
        }
        return Signature(values: minima, shingles: distinct)
    }

    /// Seeds the table of `distinctCount` per process, so that no file can be written whose
    /// shingles all fall on one slot (the word hashes are not secret).
    private static let tableSeed = UInt64.random(in: .min ... .max)

    /// The number of distinct values among hashes (an open-addressing table indexed by one round
    /// of mixing with a per-process seed: cheaper than `Set`'s hashing).
    static func distinctCount(_ values: [UInt64]) -> Int {
        let seed = tableSeed
        var size = 16
        while size < values.count * 2 { size <<= 1 }
        var table = [UInt64](repeating: 0, count: size)
        var count = 0
        var sawZero = false
        let mask = size - 1
        for value in values {
            if value == 0 {
                if !sawZero { sawZero = true; count += 1 }
                continue
            }
            var slot = Int(truncatingIfNeeded: mix(value ^ seed)) & mask
            while true {
                let held = table[slot]
                if held == value { break }
                if held == 0 {
                    table[slot] = value
                    count += 1
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return count
    }

    /// One bucket key per band: the band's number and its `rows` values hashed to 63 bits (a
    /// non-negative SQLite integer).
    package static func bucketKeys(_ signature: Signature) -> [Int64] {
        (0..<bands).map { band in
            var h = mix(UInt64(band) &+ 0x5151)
            for r in 0..<rows { h = mix(h ^ UInt64(signature.values[band * rows + r])) }
            return Int64(bitPattern: h >> 1)
        }
    }

    /// The share of equal minimum hashes: an unbiased estimate of the Jaccard similarity.
    package static func jaccard(_ a: Signature, _ b: Signature) -> Double {
        var same = 0
        for i in 0..<hashCount where a.values[i] == b.values[i] { same += 1 }
        return Double(same) / Double(hashCount)
    }

    /// The estimated share of the smaller set inside the larger one: with J = |A∩B| / |A∪B|,
    /// |A∩B| = J (|A| + |B|) / (1 + J).
    package static func containment(_ a: Signature, _ b: Signature, jaccard j: Double) -> Double {
        let common = j * Double(a.shingles + b.shingles) / (1 + j)
        return min(1, common / Double(max(1, min(a.shingles, b.shingles))))
    }

    /// Whether two signatures are of near-duplicate bodies.
    package static func areNear(_ a: Signature, _ b: Signature) -> Bool {
        let j = jaccard(a, b)
        if j >= jaccardThreshold { return true }
        // A superset: the smaller body must still be a good part of the larger one, so that one
        // shared paragraph between long articles is not taken for containment.
        return j >= 0.2 && containment(a, b, jaccard: j) >= containmentThreshold
    }

    /// Hashes of the body's words (runs of letters and digits, lowercased), the first `limit` of
    /// them: FNV-1a over the `wordValue`s of their scalars. ASCII bytes are classified in place;
    /// other scalars decoded.
    static func wordHashes(_ paragraphs: [String], limit: Int = .max) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(min(limit, paragraphs.reduce(0) { $0 + $1.utf8.count / 5 }))
        for paragraph in paragraphs where hashes.count < limit {
            var paragraph = paragraph
            paragraph.withUTF8 { bytes in
                var h: UInt64 = 0xCBF2_9CE4_8422_2325
                var inWord = false
                var i = 0
                while i < bytes.count {
                    let value: UInt32?
                    let byte = bytes[i]
                    if byte < 0x80 {
                        i += 1
                        switch byte {
                        case 0x30...0x39, 0x61...0x7A: value = UInt32(byte)
                        case 0x41...0x5A: value = UInt32(byte | 0x20)
                        default: value = nil
                        }
                    } else {
                        let (scalar, length) = Scalars.decode(bytes, i)
                        i += length
                        value = wordValue(scalar)
                    }
                    if let value {
                        h = (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                        inWord = true
                    } else if inWord {
                        hashes.append(h)
                        if hashes.count == limit { return }
                        h = 0xCBF2_9CE4_8422_2325
                        inWord = false
                    }
                }
                if inWord { hashes.append(h) }
            }
        }
        return hashes
    }

    /// What a scalar adds to its word's hash: its lowercase value for a letter or digit, nil for a
    /// separator. A curly apostrophe inside a word ("Trump’s") separates, like a straight one.
    static func wordValue(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return value
            case 0x41...0x5A: return value | 0x20
            default: return nil
            }
        }
        guard value != 0x2019, scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        guard scalar.properties.changesWhenLowercased else { return value }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
    }

    /// A 64-bit finaliser (splitmix64's).
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fixed odd multipliers and addends of the `hashCount` hash functions (multiply-shift): the
    /// same on every run, so stored signatures stay comparable.
    static let multipliers: [UInt64] = (0..<hashCount).map { mix(UInt64($0) &* 2 &+ 1) | 1 }
    static let addends: [UInt64] = (0..<hashCount).map { mix(UInt64($0) &+ 0xA5A5_A5A5) }
}
