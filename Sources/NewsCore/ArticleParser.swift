import Foundation

/// Incremental article parser: feed it a file's bytes in chunks of any size, ask at any moment for
/// the articles those bytes describe. Its `state` is a plain value that can be saved (Codable) and
/// resumed later, so a file that grows is parsed from where it stopped, and no chunk boundary
/// changes the result.
///
/// Text is split into lines as it arrives; each finished line is decoded on its own (UTF-8, or
/// Windows-1252 when the line is not UTF-8), so the decision never depends on where a chunk ended.
/// The unfinished last line stays as raw bytes in the state until its line end arrives.
public struct ArticleParser: Sendable {
    /// Everything needed to resume parsing after the bytes consumed so far.
    public struct State: Sendable, Codable, Equatable {
        /// How the bytes are read.
        public var format: InputFormat
        /// Bytes consumed so far.
        public var bytesConsumed: Int = 0
        /// The text encoding, decided from the first bytes (byte-order mark).
        var encoding: TextEncoding = .undecided
        /// Raw bytes of the unfinished line (the whole file for `.json`).
        var pending: [UInt8] = []
        /// Finished lines, decoded, without their line ends.
        var lines: [String] = []
        /// The last byte was a CR, so an LF right after it ends nothing.
        var afterCR: Bool = false
        /// Control bytes seen (binary detection), and all bytes counted with them.
        var controlBytes: Int = 0
        /// Bytes counted for binary detection.
        var countedBytes: Int = 0

        /// Creates the state of a parser that has seen nothing yet.
        public init(format: InputFormat) {
            self.format = format
        }
    }

    /// The resumable state; save it with the file's offset.
    public private(set) var state: State
    let aliases: EntityAliases

    /// Starts a parser for a new file in the given format.
    public init(format: InputFormat, aliases: EntityAliases = .builtin) {
        self.state = State(format: format)
        self.aliases = aliases
    }

    /// Resumes a parser from a state saved earlier.
    public init(resuming state: State, aliases: EntityAliases = .builtin) {
        self.state = state
        self.aliases = aliases
    }

    /// Consumes the next bytes of the file.
    /// - Throws: `ParseError` when the bytes cannot be an article (binary, undecodable, a bad JSON line);
    ///   the state is then unchanged.
    public mutating func consume(_ bytes: some Collection<UInt8>) throws(ParseError) {
        var next = state
        var failure: ParseError?
        let handled = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            do throws(ParseError) { try next.feed(buffer) } catch { failure = error }
            return true
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in
                do throws(ParseError) { try next.feed(buffer) } catch { failure = error }
            }
        }
        if let failure { throw failure }
        state = next
    }

    /// The articles the bytes so far describe: one for text and JSON, one per record for JSONL,
    /// none while there is no text yet (an empty or blank file).
    public func articles() throws(ParseError) -> [Article] {
        switch state.format {
        case .text, .html:
            // Text wrapped at a fixed width is read with its paragraphs' lines joined (`HardWraps`).
            let lines = HardWraps.unwrapped(try state.allLines())
            return TextExtractor(lines: lines, metadata: Metadata(), aliases: aliases).article().map { [$0] } ?? []
        case .json:
            if state.pending.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
            let record = try JSONRecord.parse(state.pending, line: nil)
            return record.article(aliases: aliases).map { [$0] } ?? []
        case .jsonLines:
            var out: [Article] = []
            var all = state.lines
            if !state.pending.isEmpty { all.append(String(decoding: state.pending, as: UTF8.self)) }
            for (index, line) in all.enumerated() where !line.allSatisfy(\.isWhitespace) {
                let record = try JSONRecord.parse(Array(line.utf8), line: index + 1)
                if let article = record.article(aliases: aliases) { out.append(article) }
            }
            return out
        }
    }

    /// The headline candidates the title model weighs when the text so far is a whole page (see
    /// `TitleRanker`), for `scripts/train-titles.py`; nil for JSON and for text that is no page.
    package func titleCandidates() throws(ParseError) -> [TitleRanker.Candidate]? {
        guard state.format == .text else { return nil }
        return TextExtractor(lines: HardWraps.unwrapped(try state.allLines()), metadata: Metadata(), aliases: aliases).titleCandidates()
    }
}
