import NIOCore

/// One request line, or the news that a line was longer than the limit (and was discarded).
public enum LineFrame: Sendable {
    /// A complete line without its `\n`.
    case line(ByteBuffer)
    /// A line over the limit was dropped up to its `\n`.
    case tooLong
}

/// Splits the byte stream into `\n`-terminated lines of at most `maxLength` bytes. A longer line is
/// reported once as `.tooLong` and skipped to its end, so the connection stays usable and memory
/// stays bounded whatever a client sends. A half line at end of stream is dropped. Bytes already
/// searched for a newline are not searched again, so a line trickled in one byte at a time costs
/// linear, not quadratic, time.
public struct LineFrameDecoder: ByteToMessageDecoder {
    /// What the decoder hands on: a line or the news of an oversized one.
    public typealias InboundOut = LineFrame

    private let maxLength: Int
    private var discarding = false
    /// Readable bytes already known to hold no newline.
    private var scanned = 0

    /// Creates a decoder with a line limit in bytes (the `\n` not counted).
    public init(maxLength: Int) { self.maxLength = maxLength }

    /// Emits every complete line in `buffer`; keeps a partial one (or discards it, once over the limit).
    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        if let newline = view.dropFirst(scanned).firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - buffer.readerIndex
            scanned = 0
            if discarding {
                discarding = false
                buffer.moveReaderIndex(forwardBy: length + 1)
                return .continue
            }
            if length > maxLength {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(wrapInboundOut(.tooLong))
                return .continue
            }
            let line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            context.fireChannelRead(wrapInboundOut(.line(line)))
            return .continue
        }
        scanned = buffer.readableBytes
        if discarding || buffer.readableBytes > maxLength {
            if !discarding {
                discarding = true
                context.fireChannelRead(wrapInboundOut(.tooLong))
            }
            buffer.moveReaderIndex(to: buffer.writerIndex)
            scanned = 0
        }
        return .needMoreData
    }

    /// At end of stream: emits the complete lines left and drops a trailing half line.
    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.moveReaderIndex(to: buffer.writerIndex)
        scanned = 0
        return .needMoreData
    }
}
