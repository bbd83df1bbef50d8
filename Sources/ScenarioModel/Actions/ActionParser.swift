/// Reads an action string as the tag language. It never fails: what is not a
/// tag, a marker or a placeholder is text, and a tag that breaks off is kept
/// with `isTerminated` false so a rule can say so at the right place.
public enum ActionParser {
    public static func parse(_ text: String) -> ActionMarkup {
        let bytes = Array(text.utf8)
        var elements: [ActionElement] = []
        elements.reserveCapacity(8)
        // Blocks are paired as the elements are read. A tag written without
        // `/` that the catalogue knows as self-closing (`<endcall>`) opens
        // nothing, so one missing slash does not swallow the rest of the action.
        var closings: [Int: Int] = [:]
        var stray: [Int] = []
        var open: [Int] = []
        var unclosed: [Int] = []
        var enclosing: [[Int]] = []
        enclosing.reserveCapacity(8)
        var textStart = 0
        var index = 0
        func flushText(upTo end: Int) {
            if end > textStart {
                enclosing.append(open)
                elements.append(.text(textStart..<end))
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            var element: ActionElement?
            if byte == .lessThan, index + 1 < bytes.count {
                if bytes[index + 1].isASCIILetter {
                    let tag = readTag(bytes, at: index)
                    flushText(upTo: index)
                    enclosing.append(open)
                    if !tag.isSelfClosing, tag.isTerminated, TagFacts.opensBlock(tag.name) {
                        open.append(elements.count)
                    }
                    element = .tag(tag)
                } else if bytes[index + 1] == .slash, index + 2 < bytes.count, bytes[index + 2].isASCIILetter {
                    let closing = readClosingTag(bytes, at: index)
                    flushText(upTo: index)
                    if let match = open.lastIndex(where: { opener in
                        if case .tag(let tag) = elements[opener] { tag.name == closing.name } else { false }
                    }) {
                        // Whatever opened after the match is closed here without its closing tag.
                        closings[open[match]] = elements.count
                        unclosed += open[(match + 1)...]
                        open.removeSubrange(match...)
                    } else {
                        stray.append(elements.count)
                    }
                    enclosing.append(open)
                    element = .closingTag(closing)
                }
            } else if byte == .openBrace, index + 1 < bytes.count, bytes[index + 1] == .openBrace {
                let placeholder = readPlaceholder(bytes, at: index)
                flushText(upTo: index)
                enclosing.append(open)
                element = .placeholder(placeholder)
            } else if byte == .openBracket, let marker = readMarker(bytes, at: index) {
                flushText(upTo: index)
                enclosing.append(open)
                element = marker
            }
            if let element {
                index = element.range.upperBound
                textStart = index
                elements.append(element)
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
        unclosed += open
        if unclosed.count > 1 { unclosed.sort() }
        return ActionMarkup(text: text, utf8: bytes, elements: elements, closings: closings, unclosed: unclosed,
                            strayClosings: stray, enclosing: enclosing, openAtEnd: open)
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

    private static func readTag(_ bytes: [UInt8], at start: Int) -> ActionTag {
        var index = start + 1
        let nameStart = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        let nameRange = nameStart..<index
        var attributes: [ActionAttribute] = []
        while true {
            while index < bytes.count, bytes[index].isActionBlank { index += 1 }
            guard index < bytes.count, bytes[index] != .lessThan else {
                return ActionTag(name: name, nameRange: nameRange, attributes: attributes,
                                 range: start..<trimmedEnd(bytes, index), isSelfClosing: false, isTerminated: false)
            }
            if bytes[index] == .greaterThan {
                return ActionTag(name: name, nameRange: nameRange, attributes: attributes, range: start..<index + 1,
                                 isSelfClosing: false, isTerminated: true)
            }
            if bytes[index] == .slash, index + 1 < bytes.count, bytes[index + 1] == .greaterThan {
                return ActionTag(name: name, nameRange: nameRange, attributes: attributes, range: start..<index + 2,
                                 isSelfClosing: true, isTerminated: true)
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

    private static func readAttribute(_ bytes: [UInt8], at index: inout Int) -> ActionAttribute {
        let start = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        let nameRange = start..<index
        let name = String(decoding: bytes[nameRange], as: UTF8.self)
        var probe = index
        while probe < bytes.count, bytes[probe].isActionBlank { probe += 1 }
        guard probe < bytes.count, bytes[probe] == .equals else {
            return ActionAttribute(name: name, nameRange: nameRange, value: nil, valueRange: nil, quoteByte: nil, range: nameRange)
        }
        probe += 1
        while probe < bytes.count, bytes[probe].isActionBlank { probe += 1 }
        guard probe < bytes.count else {
            index = probe
            return ActionAttribute(name: name, nameRange: nameRange, value: nil, valueRange: nil, quoteByte: nil, range: start..<probe)
        }
        if bytes[probe] == .quote || bytes[probe] == .apostrophe {
            let quote = bytes[probe]
            let valueStart = probe + 1
            let close = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
            index = min(close + 1, bytes.count)
            return ActionAttribute(name: name, nameRange: nameRange,
                                   value: String(decoding: bytes[valueStart..<close], as: UTF8.self),
                                   valueRange: valueStart..<close, quoteByte: quote, range: start..<index)
        }
        let valueStart = probe
        while probe < bytes.count, !bytes[probe].isActionBlank, bytes[probe] != .greaterThan,
              !(bytes[probe] == .slash && probe + 1 < bytes.count && bytes[probe + 1] == .greaterThan) {
            probe += 1
        }
        index = probe
        return ActionAttribute(name: name, nameRange: nameRange, value: String(decoding: bytes[valueStart..<probe], as: UTF8.self),
                               valueRange: valueStart..<probe, quoteByte: nil, range: start..<probe)
    }

    private static func readClosingTag(_ bytes: [UInt8], at start: Int) -> ActionClosingTag {
        var index = start + 2
        let nameStart = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        let nameRange = nameStart..<index
        while index < bytes.count, bytes[index].isActionBlank { index += 1 }
        let end = index < bytes.count && bytes[index] == .greaterThan ? index + 1 : nameRange.upperBound
        return ActionClosingTag(name: String(decoding: bytes[nameRange], as: UTF8.self), nameRange: nameRange, range: start..<end)
    }

    private static func readPlaceholder<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> Placeholder
    where Bytes.Index == Int {
        let contentStart = start + 2
        var index = contentStart
        while index + 1 < bytes.count, !(bytes[index] == .closeBrace && bytes[index + 1] == .closeBrace) { index += 1 }
        guard index + 1 < bytes.count else {
            let content = Array(bytes[contentStart..<bytes.count])
            return Placeholder(range: start..<bytes.count, contentRange: contentStart..<bytes.count,
                               content: String(decoding: content, as: UTF8.self), isTerminated: false,
                               kind: .malformed("this placeholder is never closed with `}}`"))
        }
        let kind = bytes.withContiguousStorageIfAvailable {
            Placeholder.kind(of: UnsafeBufferPointer(rebasing: $0[contentStart..<index]), at: contentStart)
        } ?? Array(bytes[contentStart..<index]).withUnsafeBufferPointer { Placeholder.kind(of: $0, at: contentStart) }
        return Placeholder(range: start..<index + 2, contentRange: contentStart..<index,
                           content: String(decoding: bytes[contentStart..<index], as: UTF8.self), isTerminated: true, kind: kind)
    }

    /// `[word]`: letters and underscores only, so `[1]` or `[see below]` stay text.
    private static func readMarker(_ bytes: [UInt8], at start: Int) -> ActionElement? {
        var index = start + 1
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index] == 0x5F { index += 1 }
        guard index > start + 1, index < bytes.count, bytes[index] == .closeBracket else { return nil }
        return .marker(name: String(decoding: bytes[start + 1..<index], as: UTF8.self), range: start..<index + 1)
    }

    private static func trimmedEnd(_ bytes: [UInt8], _ end: Int) -> Int {
        var end = end
        while end > 0, bytes[end - 1].isActionBlank { end -= 1 }
        return end
    }
}
