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
            return ActionMarkup(utf8: utf8, elements: reader.elements, links: reader.links, unclosed: reader.unclosed,
                                strayClosings: reader.stray)
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

    /// A tag and its position in the catalogue, when it names a known tag.
    static func readTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (tag: ActionTag, position: Int?) {
        var index = start + 1
        let nameStart = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        let nameRange = nameStart..<index
        let position = TagFacts.names.index(of: UnsafeBufferPointer(rebasing: bytes[nameRange]))
        let name = position.map { TagFacts.names.names[$0] } ?? String(decoding: bytes[nameRange], as: UTF8.self)
        var attributes: [ActionAttribute] = []
        func tag(_ range: Range<Int>, isSelfClosing: Bool, isTerminated: Bool) -> (tag: ActionTag, position: Int?) {
            var tag = ActionTag(name: name, nameRange: nameRange, attributes: attributes, range: range, isSelfClosing: isSelfClosing,
                                isTerminated: isTerminated)
            tag.cataloguePosition = Int8(position ?? -1)
            return (tag, position)
        }
        while true {
            while index < bytes.count, bytes[index].isActionBlank { index += 1 }
            guard index < bytes.count, bytes[index] != .lessThan else {
                return tag(start..<trimmedEnd(bytes, index), isSelfClosing: false, isTerminated: false)
            }
            if bytes[index] == .greaterThan {
                return tag(start..<index + 1, isSelfClosing: false, isTerminated: true)
            }
            if bytes[index] == .slash, index + 1 < bytes.count, bytes[index + 1] == .greaterThan {
                return tag(start..<index + 2, isSelfClosing: true, isTerminated: true)
            }
            guard bytes[index].isTagNamePart else {
                // A stray character inside the tag: skip it, the rules flag the tag.
                index += 1
                continue
            }
            if attributes.isEmpty { attributes.reserveCapacity(4) }
            attributes.append(readAttribute(bytes, at: &index))
        }
    }

    private static func readAttribute(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> ActionAttribute {
        let start = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        let nameRange = start..<index
        let nameIndex = TagFacts.attributeNames.index(of: UnsafeBufferPointer(rebasing: bytes[nameRange]))
        let name = nameIndex.map { TagFacts.attributeNames.names[$0] } ?? String(decoding: bytes[nameRange], as: UTF8.self)
        func attribute(_ valueRange: Range<Int>?, quote: UInt8?, end: Int) -> ActionAttribute {
            var attribute = ActionAttribute(name: name, nameRange: nameRange,
                                            value: valueRange.map { String(decoding: bytes[$0], as: UTF8.self) },
                                            valueRange: valueRange, quoteByte: quote, range: start..<end)
            attribute.catalogueName = Int16(nameIndex ?? -1)
            return attribute
        }
        var probe = index
        while probe < bytes.count, bytes[probe].isActionBlank { probe += 1 }
        guard probe < bytes.count, bytes[probe] == .equals else { return attribute(nil, quote: nil, end: nameRange.upperBound) }
        probe += 1
        while probe < bytes.count, bytes[probe].isActionBlank { probe += 1 }
        guard probe < bytes.count else {
            index = probe
            return attribute(nil, quote: nil, end: probe)
        }
        if bytes[probe] == .quote || bytes[probe] == .apostrophe {
            let quote = bytes[probe]
            let valueStart = probe + 1
            let close = firstIndex(of: quote, in: bytes, from: valueStart) ?? bytes.count
            index = min(close + 1, bytes.count)
            return attribute(valueStart..<close, quote: quote, end: index)
        }
        let valueStart = probe
        while probe < bytes.count, !bytes[probe].isActionBlank, bytes[probe] != .greaterThan,
              !(bytes[probe] == .slash && probe + 1 < bytes.count && bytes[probe + 1] == .greaterThan) {
            probe += 1
        }
        index = probe
        return attribute(valueStart..<probe, quote: nil, end: probe)
    }

    static func readClosingTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ActionClosingTag {
        var index = start + 2
        let nameStart = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        let nameRange = nameStart..<index
        while index < bytes.count, bytes[index].isActionBlank { index += 1 }
        let end = index < bytes.count && bytes[index] == .greaterThan ? index + 1 : nameRange.upperBound
        return ActionClosingTag(name: String(decoding: bytes[nameRange], as: UTF8.self), nameRange: nameRange, range: start..<end)
    }

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

    /// `[word]`: letters and underscores only, so `[1]` or `[see below]` stay text.
    static func readMarker(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ActionElement? {
        var index = start + 1
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index] == 0x5F { index += 1 }
        guard index > start + 1, index < bytes.count, bytes[index] == .closeBracket else { return nil }
        return .marker(name: String(decoding: bytes[start + 1..<index], as: UTF8.self), range: start..<index + 1)
    }

    private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var end = end
        while end > 0, bytes[end - 1].isActionBlank { end -= 1 }
        return end
    }
}
