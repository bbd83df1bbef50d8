/// How columns are counted: UTF-8 bytes or UTF-16 code units (LSP's two
/// position encodings that matter; UTF-32 clients are rare).
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// A zero-based line and column, the column counted in some `PositionEncoding`.
public struct LinePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: LinePosition, rhs: LinePosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}

/// Converts byte offsets to lines and columns and back, in UTF-8 or UTF-16.
/// Line ends are `\n`, `\r\n` and `\r`, as LSP defines them. Only characters
/// outside ASCII are recorded (as in rust-analyzer's line index), so an ASCII
/// line converts in O(log n) with no scan, and so does any other.
public struct LineIndex: Sendable {
    /// The byte offset at which each line starts; the first is 0.
    let lineStarts: [Int]
    /// The byte offset at which each line's content ends (before its line end).
    let lineEnds: [Int]
    /// Every well-formed multi-byte character, in order.
    let wideCharacters: [WideCharacter]
    public let byteCount: Int

    struct WideCharacter: Sendable {
        var offset: Int
        var utf8Length: Int
        var utf16Length: Int
        /// Sum of (UTF-8 length - UTF-16 length) over this and all earlier wide
        /// characters: how far byte offsets run ahead of UTF-16 offsets after it.
        var deficitAfter: Int
        var utf16End: Int { offset + utf8Length - deficitAfter }
    }

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var ends: [Int] = []
        var wide: [WideCharacter] = []
        var deficit = 0
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                // Most text is ASCII without line ends for long stretches: skip
                // eight such bytes at a time.
                if index + 8 <= count, Self.isPlainASCII(UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte < 0x80 {
                    if byte == .newline || byte == .carriageReturn {
                        ends.append(index)
                        index += (byte == .carriageReturn && index + 1 < count && buffer[index + 1] == .newline) ? 2 : 1
                        starts.append(index)
                    } else {
                        index += 1
                    }
                    continue
                }
                let length = validUTF8SequenceLength(buffer, at: index)
                if length == 0 {
                    // An invalid byte counts as one U+FFFD, one code unit either way.
                    index += 1
                    continue
                }
                let utf16Length = length == 4 ? 2 : 1
                deficit += length - utf16Length
                wide.append(WideCharacter(offset: index, utf8Length: length, utf16Length: utf16Length,
                                          deficitAfter: deficit))
                index += length
            }
        }
        ends.append(bytes.count)
        lineStarts = starts
        lineEnds = ends
        wideCharacters = wide
        byteCount = bytes.count
    }

    /// Whether eight bytes are all ASCII and none is `\n` or `\r`.
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        guard word & highs == 0 else { return false }
        // With no high bit set, a byte of `x` is zero exactly where `word` holds the byte sought.
        func holds(_ byte: UInt64) -> Bool {
            let x = word ^ (byte &* ones)
            return (x &- ones) & ~x & highs != 0
        }
        return !holds(0x0A) && !holds(0x0D)
    }

    public var lineCount: Int { lineStarts.count }

    /// The content of a line, without its line end; lines past the end clamp.
    public func lineRange(_ line: Int) -> TextRange {
        let line = min(max(0, line), lineCount - 1)
        return TextRange(lineStarts[line], lineEnds[line])
    }

    /// The line holding a byte offset (an offset inside `\r\n` belongs to the
    /// line it ends).
    public func line(of offset: Int) -> Int {
        let offset = min(max(0, offset), byteCount)
        var low = 0, high = lineStarts.count
        while low < high {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    public func position(of offset: Int, in encoding: PositionEncoding) -> LinePosition {
        let line = line(of: offset)
        let start = lineStarts[line]
        let offset = characterStart(min(max(offset, start), lineEnds[line]))
        switch encoding {
        case .utf8: return LinePosition(line: line, column: offset - start)
        case .utf16: return LinePosition(line: line, column: utf16Offset(of: offset) - utf16Offset(of: start))
        }
    }

    /// The byte offset of a position. Lines past the end clamp to the end of the
    /// document, columns past the end of a line to the end of that line, and a
    /// column inside a character to the character's start.
    public func offset(of position: LinePosition, in encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineCount else { return byteCount }
        let start = lineStarts[position.line], end = lineEnds[position.line]
        let column = max(0, position.column)
        let offset: Int
        switch encoding {
        case .utf8:
            offset = start + min(column, end - start)
        case .utf16:
            offset = byteOffset(ofUTF16: utf16Offset(of: start) + column)
        }
        return characterStart(min(offset, end))
    }

    public func range(of range: TextRange, in encoding: PositionEncoding) -> (start: LinePosition, end: LinePosition) {
        (position(of: range.start, in: encoding), position(of: range.end, in: encoding))
    }

    public func textRange(from start: LinePosition, to end: LinePosition, in encoding: PositionEncoding) -> TextRange {
        let startOffset = offset(of: start, in: encoding)
        return TextRange(startOffset, max(startOffset, offset(of: end, in: encoding)))
    }

    // MARK: Wide characters

    /// Index of the first wide character starting at or after `offset`.
    private func firstWide(atOrAfter offset: Int) -> Int {
        var low = 0, high = wideCharacters.count
        while low < high {
            let mid = (low + high) / 2
            if wideCharacters[mid].offset < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Moves an offset that falls inside a multi-byte character to its start.
    private func characterStart(_ offset: Int) -> Int {
        let next = firstWide(atOrAfter: offset)
        guard next > 0 else { return offset }
        let previous = wideCharacters[next - 1]
        return offset < previous.offset + previous.utf8Length ? previous.offset : offset
    }

    /// The UTF-16 offset from the start of the document of a byte offset that
    /// lies on a character boundary.
    private func utf16Offset(of offset: Int) -> Int {
        let next = firstWide(atOrAfter: offset)
        return offset - (next > 0 ? wideCharacters[next - 1].deficitAfter : 0)
    }

    /// The byte offset of a UTF-16 offset from the start of the document; inside
    /// a surrogate pair it rounds down to the pair's start.
    private func byteOffset(ofUTF16 target: Int) -> Int {
        var low = 0, high = wideCharacters.count
        while low < high {
            let mid = (low + high) / 2
            if wideCharacters[mid].utf16End <= target { low = mid + 1 } else { high = mid }
        }
        let deficit = low > 0 ? wideCharacters[low - 1].deficitAfter : 0
        let offset = target + deficit
        if low < wideCharacters.count, wideCharacters[low].offset < offset { return wideCharacters[low].offset }
        return offset
    }
}
