/// A half-open range of UTF-8 byte offsets into a document. Every range in the
/// lower layers is in bytes; conversion to lines and columns happens only at the
/// edges, through `LineIndex`.
public struct TextRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "TextRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public static func empty(at offset: Int) -> TextRange { TextRange(offset, offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// True when `offset` lies in the range, counting its end: a cursor just
    /// after the last character is still "on" a token, as editors treat it.
    public func touches(_ offset: Int) -> Bool { start <= offset && offset <= end }

    /// True when `offset` lies strictly inside the half-open range.
    public func contains(_ offset: Int) -> Bool { start <= offset && offset < end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
