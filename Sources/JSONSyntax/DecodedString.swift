/// A string's value together with the way back to its source bytes. Offsets on
/// the decoded side are UTF-8 byte offsets into `value`; each escape (`\n`,
/// `\"`, `\u00e9`, a surrogate pair, an invalid byte shown as U+FFFD) is an
/// atomic span, and the literal runs between escapes map one to one.
public struct DecodedString: Hashable, Sendable {
    public let value: String
    /// The way back from offsets in `value` to the source.
    public let map: EscapeMap

    /// The source bytes of the content: between the quotes, or the whole word of
    /// an unquoted key.
    public var contentRange: TextRange { map.contentRange }
    public var utf8Count: Int { map.utf8Count }

    public func sourceOffset(ofDecoded offset: Int, roundingUp: Bool = false) -> Int {
        map.sourceOffset(ofDecoded: offset, roundingUp: roundingUp)
    }

    public func sourceRange(ofDecoded range: Range<Int>) -> TextRange { map.sourceRange(ofDecoded: range) }

    public func decodedOffset(ofSource offset: Int) -> Int { map.decodedOffset(ofSource: offset) }
}

/// A string's decoded UTF-8 bytes with the way back to the source, for readers
/// of bytes (the action tag parser): no `String` is made.
public struct DecodedBytes: Sendable {
    public let utf8: [UInt8]
    public let map: EscapeMap
}

/// How decoded offsets of a string map to its source bytes: the escapes, each
/// an atomic span, with the literal runs between them mapping one to one.
public struct EscapeMap: Hashable, Sendable {
    /// The source bytes of the content: between the quotes, or the whole word of
    /// an unquoted key.
    public let contentRange: TextRange
    let spans: [EscapeSpan]
    public let utf8Count: Int

    struct EscapeSpan: Hashable, Sendable {
        var decodedStart: Int
        var decodedEnd: Int
        var sourceStart: Int
        var sourceEnd: Int
    }

    /// The source offset of decoded offset `offset`. An offset inside an escape
    /// maps to the escape's start, or to its end when `roundingUp`, so that a
    /// decoded range always maps to a source range covering it.
    public func sourceOffset(ofDecoded offset: Int, roundingUp: Bool = false) -> Int {
        let offset = min(max(0, offset), utf8Count)
        guard let index = lastSpan(where: { $0.decodedStart <= offset }) else {
            return contentRange.start + offset
        }
        let span = spans[index]
        if offset == span.decodedStart { return span.sourceStart }
        if offset < span.decodedEnd { return roundingUp ? span.sourceEnd : span.sourceStart }
        return span.sourceEnd + (offset - span.decodedEnd)
    }

    public func sourceRange(ofDecoded range: Range<Int>) -> TextRange {
        let start = sourceOffset(ofDecoded: range.lowerBound)
        return TextRange(start, max(start, sourceOffset(ofDecoded: range.upperBound, roundingUp: true)))
    }

    /// The decoded offset of a source offset; a source offset inside an escape
    /// maps to the start of what the escape decodes to.
    public func decodedOffset(ofSource offset: Int) -> Int {
        let offset = min(max(contentRange.start, offset), contentRange.end)
        guard let index = lastSpan(where: { $0.sourceStart <= offset }) else {
            return offset - contentRange.start
        }
        let span = spans[index]
        if offset < span.sourceEnd { return span.decodedStart }
        return span.decodedEnd + (offset - span.sourceEnd)
    }

    /// Binary search for the last span satisfying a predicate that holds for a
    /// prefix of `spans`.
    private func lastSpan(where predicate: (EscapeSpan) -> Bool) -> Int? {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if predicate(spans[mid]) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }
}

extension DecodedString {
    /// Decodes the content of a string token. The scanner has already reported
    /// every problem; here invalid escapes stay as written, lone surrogates and
    /// invalid bytes become U+FFFD, and nothing fails.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, content: TextRange, flags: StringFlags) -> DecodedString {
        guard !flags.isDisjoint(with: .needsDecoding) else {
            let slice = UnsafeBufferPointer(rebasing: bytes[content.start..<content.end])
            return DecodedString(value: String(decoding: slice, as: UTF8.self),
                                 map: EscapeMap(contentRange: content, spans: [], utf8Count: content.length))
        }
        let decoded = decodeBytes(bytes, content: content, flags: flags)
        return DecodedString(value: String(decoding: decoded.utf8, as: UTF8.self), map: decoded.map)
    }

    /// The decoded bytes of a string token's content, and the map of its escapes.
    static func decodeBytes(_ bytes: UnsafeBufferPointer<UInt8>, content: TextRange, flags: StringFlags) -> DecodedBytes {
        guard !flags.isDisjoint(with: .needsDecoding) else {
            return DecodedBytes(utf8: Array(UnsafeBufferPointer(rebasing: bytes[content.start..<content.end])),
                                map: EscapeMap(contentRange: content, spans: [], utf8Count: content.length))
        }
        var out: [UInt8] = []
        out.reserveCapacity(content.length)
        var spans: [EscapeMap.EscapeSpan] = []
        let singleQuoted = flags.contains(.singleQuoted)
        var index = content.start
        // Bytes that decode to themselves are copied a run at a time.
        var runStart = index
        func flush() {
            if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        }
        func emit(_ decoded: [UInt8], sourceEnd: Int) {
            spans.append(EscapeMap.EscapeSpan(decodedStart: out.count, decodedEnd: out.count + decoded.count,
                                    sourceStart: index, sourceEnd: sourceEnd))
            out.append(contentsOf: decoded)
            index = sourceEnd
        }
        func emit(byte: UInt8, sourceEnd: Int) {
            if spans.isEmpty { spans.reserveCapacity(8) }
            spans.append(EscapeMap.EscapeSpan(decodedStart: out.count, decodedEnd: out.count + 1, sourceStart: index, sourceEnd: sourceEnd))
            out.append(byte)
            index = sourceEnd
        }
        let base = bytes.baseAddress!
        while index < content.end {
            // Plain ASCII without a backslash, eight bytes at a time: most of every string.
            while index + 8 <= content.end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
                // A high bit is a non-ASCII byte; a zero byte of `backslashes` is a backslash.
                if (word | ((backslashes &- 0x0101_0101_0101_0101) & ~backslashes)) & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < content.end else { break }
            let byte = bytes[index]
            if byte < 0x80, byte != .backslash {
                index += 1
                continue
            }
            if byte >= 0x80 {
                let length = validUTF8SequenceLength(bytes, at: index)
                if length == 0 {
                    flush()
                    emit(replacementCharacter, sourceEnd: index + 1)
                    runStart = index
                } else {
                    index += length
                }
                continue
            }
            guard index + 1 < content.end else {
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            switch escaped {
            case .quote, .backslash, .slash: flush(); emit(byte: escaped, sourceEnd: index + 2)
            case .apostrophe where singleQuoted: flush(); emit(byte: escaped, sourceEnd: index + 2)
            case UInt8(ascii: "b"): flush(); emit(byte: 0x08, sourceEnd: index + 2)
            case UInt8(ascii: "f"): flush(); emit(byte: 0x0C, sourceEnd: index + 2)
            case UInt8(ascii: "n"): flush(); emit(byte: .newline, sourceEnd: index + 2)
            case UInt8(ascii: "r"): flush(); emit(byte: .carriageReturn, sourceEnd: index + 2)
            case UInt8(ascii: "t"): flush(); emit(byte: .tab, sourceEnd: index + 2)
            case UInt8(ascii: "u"):
                guard index + 6 <= content.end, let unit = hexQuad(bytes, at: index + 2) else {
                    // Not a complete escape: the backslash stays as written.
                    index += 1
                    continue
                }
                flush()
                if (0xD800...0xDBFF).contains(unit), index + 12 <= content.end,
                   bytes[index + 6] == .backslash, bytes[index + 7] == UInt8(ascii: "u"),
                   let low = hexQuad(bytes, at: index + 8), (0xDC00...0xDFFF).contains(low) {
                    let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    emit(utf8(of: scalar), sourceEnd: index + 12)
                } else if (0xD800...0xDFFF).contains(unit) {
                    emit(replacementCharacter, sourceEnd: index + 6)
                } else {
                    emit(utf8(of: UInt32(unit)), sourceEnd: index + 6)
                }
            default:
                // Not an escape JSON knows: the backslash stays as written.
                index += 1
                continue
            }
            runStart = index
        }
        flush()
        return DecodedBytes(utf8: out, map: EscapeMap(contentRange: content, spans: spans, utf8Count: out.count))
    }
}

private let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

private func utf8(of scalar: UInt32) -> [UInt8] {
    Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
}

func hexQuad(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt16 = 0
    for offset in 0..<4 {
        let byte = bytes[index + offset]
        guard byte.isHexDigit else { return nil }
        let digit = byte.isDigit ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
        value = value << 4 | UInt16(digit)
    }
    return value
}
