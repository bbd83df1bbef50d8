/// Reads an action string as the tag language. It never fails: what is not a
/// tag, a marker or a placeholder is text, and a tag that breaks off is kept
/// with `isTerminated` false so a rule can say so at the right place.
public enum ActionParser {
    public static func parse(_ text: String) -> ActionMarkup { parse(utf8: Array(text.utf8)) }

    /// Parses UTF-8 bytes (a string's decoded bytes, `SyntaxNode.decodedBytes`),
    /// which the markup keeps as they are.
    public static func parse(utf8: [UInt8]) -> ActionMarkup {
        utf8.withUnsafeBufferPointer { bytes in
            var reader = MarkupReader(bytes)
            reader.read()
            return ActionMarkup(utf8: utf8, records: reader.records, attributeRecords: reader.attributes, placeholders: reader.placeholders,
                                unclosed: reader.unclosed, strayClosings: reader.stray, openAtEnd: reader.openAtEnd)
        }
    }

    /// Only the `{{…}}` placeholders of a text that is not an action
    /// (instructions, an expected outcome, an attribute value), in order, with
    /// ranges in the text's UTF-8 bytes. Tags and markers are not read.
    public static func placeholders(in text: String) -> [Placeholder] {
        var text = text
        return text.withUTF8 { placeholders(inUTF8: $0) }
    }

    /// The placeholders of UTF-8 bytes (a JSON string's source between its
    /// quotes can be read so, without decoding, where it has no escapes).
    public static func placeholders(inUTF8 buffer: UnsafeBufferPointer<UInt8>) -> [Placeholder] {
        var found: [Placeholder] = []
        var index = 0
        while let brace = firstIndex(of: .openBrace, in: buffer, from: index), brace + 1 < buffer.count {
            if buffer[brace + 1] == .openBrace {
                let placeholder = readPlaceholder(buffer, at: brace)
                index = placeholder.range.upperBound
                found.append(placeholder)
            } else {
                index = brace + 1
            }
        }
        return found
    }

    /// The first `byte` at or after `start`, looked for eight bytes at a time:
    /// long instructions are scanned on every check.
    public static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        var index = start
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ pattern
            // Some byte of `word` is zero exactly where the text holds `byte`.
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        while index < count {
            if buffer[index] == byte { return index }
            index += 1
        }
        return nil
    }

    // MARK: Lexing

    static func readPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Placeholder {
        let contentStart = start + 2
        var index = contentStart
        while index + 1 < bytes.count, !(bytes[index] == .closeBrace && bytes[index + 1] == .closeBrace) { index += 1 }
        guard index + 1 < bytes.count else {
            return Placeholder(range: start..<bytes.count, contentRange: contentStart..<bytes.count,
                               content: String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<bytes.count]), as: UTF8.self),
                               isTerminated: false, kind: .malformed("this placeholder is never closed with `}}`"))
        }
        let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
        return Placeholder(range: start..<index + 2, contentRange: contentStart..<index,
                           content: String(decoding: content, as: UTF8.self), isTerminated: true,
                           kind: Placeholder.kind(of: content, at: contentStart))
    }
}
