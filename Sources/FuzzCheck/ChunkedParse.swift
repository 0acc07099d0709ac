import Foundation
import NewsCore

/// Checks shared by the parser fuzz targets: the parser's promise that no chunk boundary and no
/// save-and-resume of its state changes the result. A broken promise stops the fuzzer with the
/// reason, so libFuzzer keeps the input as a crash.
public enum ChunkedParse {
    /// What parsing some bytes came to: the articles, or the error's stable code.
    enum Outcome: Equatable {
        case articles([Article])
        case failed(ParseError.Code)
    }

    /// Parses `bytes` whole, in chunks cut at offsets drawn from the bytes themselves, byte by byte
    /// (short inputs), and with the state saved with `serialized()` and read back mid-way; traps
    /// unless all of them give the same outcome and every saved state reads back equal.
    public static func check(_ bytes: [UInt8], format: InputFormat) {
        let whole = parse(bytes, format: format, cuts: [], resumeAt: nil)
        var random = SplitMix(seed: fnv1a(bytes))
        let cutCount = bytes.isEmpty ? 0 : Int(random.next() % 8) + 1
        let cuts = (0..<cutCount).map { _ in Int(random.next() % UInt64(bytes.count + 1)) }.sorted()
        let resumeAt = cuts.isEmpty ? nil : cuts[Int(random.next() % UInt64(cuts.count))]
        let chunked = parse(bytes, format: format, cuts: cuts, resumeAt: nil)
        let resumed = parse(bytes, format: format, cuts: cuts, resumeAt: resumeAt)
        expect(chunked == whole, "chunks cut at \(cuts) give \(chunked), the whole input \(whole)")
        expect(resumed == whole, "resuming a saved state at \(resumeAt ?? 0) gives \(resumed), the whole input \(whole)")
        if bytes.count <= 64 {
            let bytewise = parse(bytes, format: format, cuts: Array(0...bytes.count), resumeAt: nil)
            expect(bytewise == whole, "byte by byte gives \(bytewise), the whole input \(whole)")
        }
    }

    /// Feeds the bytes in the chunks `cuts` make; at `resumeAt` (one of the cuts), saves the state,
    /// reads it back and goes on with a parser resumed from it.
    static func parse(_ bytes: [UInt8], format: InputFormat, cuts: [Int], resumeAt: Int?) -> Outcome {
        var parser = ArticleParser(format: format)
        var offset = 0
        do throws(ParseError) {
            for cut in cuts + [bytes.count] where cut >= offset {
                try parser.consume(bytes[offset..<cut])
                offset = cut
                if cut == resumeAt {
                    let saved = parser.state.serialized()
                    guard let state = ArticleParser.State(serialized: saved) else {
                        fatalError("a saved state does not read back: \(parser.state)")
                    }
                    expect(state == parser.state, "a saved state reads back as \(state), not \(parser.state)")
                    parser = ArticleParser(resuming: state)
                }
            }
            return .articles(try parser.articles())
        } catch {
            return .failed(error.code)
        }
    }

    /// Stops the fuzzer with `message` when `condition` is false.
    public static func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }

    /// FNV-1a over the bytes: the same input always cuts the same way, so a crash reproduces.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// SplitMix64: a small deterministic generator for the chunk offsets.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
