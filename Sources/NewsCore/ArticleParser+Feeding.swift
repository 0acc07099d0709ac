import Foundation

/// Byte handling: line splitting, encoding decisions and binary detection, kept independent of
/// where chunks start and end.
extension ArticleParser.State {
    /// Adds bytes; finished lines are decoded and appended to `lines`.
    mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        var index = 0
        if encoding == .undecided, format != .json {
            while index < buffer.count, pending.count < 3 {
                pending.append(buffer[index])
                index += 1
                bytesConsumed += 1
            }
            if pending.count < 3 { return }
            try decideEncoding()
        }
        let rest = UnsafeBufferPointer(rebasing: buffer[index...])
        switch format {
        case .json:
            try feedJSON(rest)
        case .text, .jsonLines, .html:
            if encoding == .utf8 {
                try feedBytes(rest)
            } else {
                try feedUTF16(rest)
            }
        }
    }

    /// Reads the byte-order mark at the start of `pending` and replays what follows it.
    mutating func decideEncoding() throws(ParseError) {
        let head = pending
        pending = []
        var start = 0
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE {
            encoding = .utf16LE
            start = 2
        } else if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF {
            encoding = .utf16BE
            start = 2
        } else {
            encoding = .utf8
            if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { start = 3 }
        }
        let bytes = Array(head[start...])
        bytesConsumed -= bytes.count
        try bytes.withUnsafeBufferPointer { (buffer) throws(ParseError) in
            if encoding == .utf8 { try feedBytes(buffer) } else { try feedUTF16(buffer) }
        }
    }

    private mutating func feedJSON(_ buffer: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        for (offset, byte) in buffer.enumerated() where byte == 0 {
            throw ParseError(.binary, "NUL byte at offset \(bytesConsumed + offset)")
        }
        pending.append(contentsOf: buffer)
        bytesConsumed += buffer.count
    }

    /// UTF-8 / 8-bit text: LF, CR and CRLF end lines; NUL means binary.
    private mutating func feedBytes(_ buffer: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        var lineStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte >= 0x20 {
                index += 1
                continue
            }
            switch byte {
            case 0x0A, 0x0D:
                if byte == 0x0A, afterCR, index == lineStart, pending.isEmpty {
                    afterCR = false
                    lineStart = index + 1
                    index += 1
                    continue
                }
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<index]))
                try finishLine(at: bytesConsumed + index)
                afterCR = byte == 0x0D
                lineStart = index + 1
            case 0:
                throw ParseError(.binary, "NUL byte at offset \(bytesConsumed + index): not a text file")
            case 0x09, 0x0C, 0x0B:
                break
            default:
                controlBytes += 1
            }
            index += 1
        }
        if lineStart < count {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<count]))
            afterCR = false
        }
        bytesConsumed += count
    }

    /// UTF-16 text: line ends are found per code unit; each line is decoded when it ends.
    private mutating func feedUTF16(_ buffer: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        for byte in buffer {
            pending.append(byte)
            bytesConsumed += 1
            guard pending.count % 2 == 0 else { continue }
            let n = pending.count
            let unit = encoding == .utf16LE
                ? UInt16(pending[n - 2]) | UInt16(pending[n - 1]) << 8
                : UInt16(pending[n - 2]) << 8 | UInt16(pending[n - 1])
            guard unit == 0x0A || unit == 0x0D else { continue }
            pending.removeLast(2)
            if unit == 0x0A, afterCR, pending.isEmpty {
                afterCR = false
                continue
            }
            try finishLine(at: bytesConsumed)
            afterCR = unit == 0x0D
        }
        // `afterCR` stays as it is at the end of a chunk: an LF unit skips only when nothing came
        // between it and the CR (`pending` empty once it is taken off), and a chunk that ends
        // inside a unit (one byte pending) must not end the CR's claim on the LF it starts.
    }

    /// Decodes `pending` as one finished line.
    private mutating func finishLine(at offset: Int) throws(ParseError) {
        let raw = pending
        pending.removeAll(keepingCapacity: true)
        let line = Self.decode(raw, encoding: encoding)
        if format == .jsonLines, !line.allSatisfy(\.isWhitespace) {
            _ = try JSONRecord.parse(Array(line.utf8), line: lines.count + 1)
        }
        lines.append(line)
        try checkBinary(upTo: offset)
    }

    /// Throws when control characters make up more than a twentieth of the text.
    func checkBinary(upTo total: Int) throws(ParseError) {
        if total >= 32, controlBytes > total / 20 {  // more than a twentieth, without multiplying
            throw ParseError(.binary, "\(controlBytes) control bytes in the first \(total): not a text file")
        }
    }

    /// Finished lines plus the pending one, as `articles()` sees them (the state is not changed).
    func allLines() throws(ParseError) -> [String] {
        var copy = self
        if copy.encoding == .undecided {
            if copy.pending.isEmpty { return [] }
            try copy.decideEncoding()
        }
        try copy.checkBinary(upTo: copy.bytesConsumed)
        var lines = copy.lines
        if !copy.pending.isEmpty {
            lines.append(Self.decode(copy.pending, encoding: copy.encoding))
        }
        if let first = lines.first, let head = first.unicodeScalars.first, head == "\u{FEFF}" {
            lines[0] = String(first.unicodeScalars.dropFirst())
        }
        try Self.checkMagic(lines)
        return lines
    }

    /// Files that start with a well-known binary signature are refused even without NUL bytes.
    static func checkMagic(_ lines: [String]) throws(ParseError) {
        guard let first = lines.first else { return }
        let signatures = ["%PDF-", "\u{89}PNG", "\u{2030}PNG", "PK\u{03}\u{04}", "\u{7F}ELF", "GIF8"]
        for signature in signatures where first.hasPrefix(signature) {
            throw ParseError(.binary, "starts with a \(signature.filter(\.isLetter)) signature: not a text file")
        }
    }

    static func decode(_ raw: [UInt8], encoding: TextEncoding) -> String {
        switch encoding {
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            units.reserveCapacity(raw.count / 2)
            var i = 0
            while i + 1 < raw.count {
                let unit = encoding == .utf16LE
                    ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8 : UInt16(raw[i]) << 8 | UInt16(raw[i + 1])
                units.append(unit)
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        case .utf8, .undecided:
            return LineDecoder.decode(raw)
        }
    }
}

/// The saved form of a state: one header line of numbers (with the byte counts of the two parts,
/// so that a cut-off state is refused), the pending bytes, then the finished lines separated by LF
/// (a finished line never holds CR or LF). Saving it is a copy of the text, with none of the
/// escaping a JSON string needs.
extension ArticleParser.State {
    private static let magic = "newsd-parser-state 1"

    /// The most bytes a saved state may say were consumed (a petabyte): offsets added to it while
    /// parsing cannot overflow.
    static let maxConsumed = 1 << 50

    /// The counts are what parsing can reach (none negative, none past the bytes consumed, those
    /// within `maxConsumed`) and no finished line holds a line end: what `serialized()` can save.
    var isWellFormed: Bool {
        Self.countsArePossible(consumed: bytesConsumed, control: controlBytes, counted: countedBytes)
            && !lines.contains { $0.utf8.contains(0x0A) || $0.utf8.contains(0x0D) }
    }

    /// Control bytes are among the bytes consumed, and so are the bytes counted with them: a state
    /// that says otherwise was damaged or forged (found by fuzzing: a forged count of control bytes
    /// overflowed the binary check).
    static func countsArePossible(consumed: Int, control: Int, counted: Int) -> Bool {
        (0...maxConsumed).contains(consumed) && (0...consumed).contains(control) && (0...consumed).contains(counted)
    }

    /// The state as bytes for the database; `init?(serialized:)` reads it back.
    public func serialized() -> Data {
        let textBytes = lines.reduce(0) { $0 + $1.utf8.count } + max(0, lines.count - 1)
        let header = [
            Self.magic, format.rawValue, encoding.rawValue, String(bytesConsumed), afterCR ? "1" : "0",
            String(controlBytes), String(countedBytes), String(pending.count), String(lines.count), String(textBytes),
        ].joined(separator: " ")
        var out = Data(capacity: header.utf8.count + 1 + pending.count + textBytes)
        out.append(contentsOf: header.utf8)
        out.append(0x0A)
        out.append(contentsOf: pending)
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append(0x0A) }
            out.append(contentsOf: line.utf8)
        }
        return out
    }

    /// Reads a state saved by `serialized()`, or by the JSON coding of earlier versions; nil when
    /// the bytes are neither (the file is then parsed from its start).
    public init?(serialized data: Data) {
        let bytes = [UInt8](data)
        if bytes.first == UInt8(ascii: "{") {
            guard let state = try? JSONDecoder().decode(Self.self, from: data), state.isWellFormed else { return nil }
            self = state
            return
        }
        guard let end = bytes.firstIndex(of: 0x0A) else { return nil }
        let fields = String(decoding: bytes[..<end], as: UTF8.self).split(separator: " ").map(String.init)
        guard fields.count == 11, "\(fields[0]) \(fields[1])" == Self.magic,
            let format = InputFormat(rawValue: fields[2]), let encoding = TextEncoding(rawValue: fields[3]),
            let consumed = Int(fields[4]), let controlBytes = Int(fields[6]), let countedBytes = Int(fields[7]),
            let pendingCount = Int(fields[8]), let lineCount = Int(fields[9]), let textBytes = Int(fields[10]),
            Self.countsArePossible(consumed: consumed, control: controlBytes, counted: countedBytes),
            pendingCount >= 0, lineCount >= 0, textBytes >= 0,
            bytes.count - (end + 1) == pendingCount + textBytes
        else { return nil }
        self.init(format: format)
        self.encoding = encoding
        self.bytesConsumed = consumed
        self.afterCR = fields[5] == "1"
        self.controlBytes = controlBytes
        self.countedBytes = countedBytes
        let textStart = end + 1 + pendingCount
        self.pending = Array(bytes[(end + 1)..<textStart])
        let text = bytes[textStart...]
        if lineCount > 0 {
            let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count == lineCount else { return nil }
            self.lines = lines.map { String(decoding: $0, as: UTF8.self) }
        } else if !text.isEmpty {
            return nil
        }
    }
}
