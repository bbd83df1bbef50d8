/// One pass of `ActionParser` over an action's bytes: the element records,
/// and the blocks paired as they are read. A tag written without `/` that the
/// catalogue knows as self-closing (`<endcall>`) opens nothing, so one missing
/// slash does not swallow the rest of the action.
///
/// The blocks open at any point form a stack, which is never stored: each
/// record names the innermost block around its element, and a block's own
/// record the one around it, so the chain from the innermost block is the stack.
struct MarkupReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var records: [ElementRecord] = []
    var attributes: [AttributeRecord] = []
    var placeholders: [Placeholder] = []
    var unclosed: [Int] = []
    /// The blocks still open after the last byte, outermost first.
    var openAtEnd: [Int] = []
    var stray: [Int] = []
    /// The innermost open block, -1 for none.
    private var innermost: Int32 = -1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        records.reserveCapacity(8)
    }

    mutating func read() {
        var textStart = 0
        var index = 0
        while let start = nextMarkupByte(from: index) {
            // Where the element read at `start` ends, if one is.
            var end: Int?
            let byte = bytes[start]
            if byte == .lessThan, start + 1 < bytes.count {
                if bytes[start + 1].isASCIILetter {
                    appendText(textStart..<start)
                    let tag = readTag(at: start)
                    let opens = !tag.isSelfClosing && tag.isTerminated
                        && TagFacts.opensBlock(position: tag.cataloguePosition >= 0 ? Int(tag.cataloguePosition) : nil)
                    end = Int(tag.end)
                    append(tag)
                    if opens { innermost = Int32(records.count - 1) }
                } else if bytes[start + 1] == .slash, start + 2 < bytes.count, bytes[start + 2].isASCIILetter {
                    appendText(textStart..<start)
                    let closing = readClosingTag(at: start)
                    close(closing)
                    end = Int(closing.end)
                    append(closing)
                }
            } else if byte == .openBrace, start + 1 < bytes.count, bytes[start + 1] == .openBrace {
                let placeholder = ActionParser.readPlaceholder(bytes, at: start)
                appendText(textStart..<start)
                end = placeholder.range.upperBound
                var record = ElementRecord(.placeholder, placeholder.range)
                record.first = Int32(placeholders.count)
                placeholders.append(placeholder)
                append(record)
            } else if byte == .openBracket, let marker = readMarker(at: start) {
                appendText(textStart..<start)
                end = Int(marker.end)
                append(marker)
            }
            if let end {
                index = end
                textStart = end
            } else {
                index = start + 1
            }
        }
        appendText(textStart..<bytes.count)
        var block = innermost
        while block >= 0 {
            unclosed.append(Int(block))
            openAtEnd.insert(Int(block), at: 0)
            block = records[Int(block)].innermost
        }
        if unclosed.count > 1 { unclosed.sort() }
    }

    /// The next `<`, `{` or `[` at or after `from`: everything else is text,
    /// skipped eight bytes at a time.
    private func nextMarkupByte(from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if hasByte(word, .lessThan) || hasByte(word, .openBrace) || hasByte(word, .openBracket) { break }
            index += 8
        }
        while index < bytes.count {
            switch bytes[index] {
            case .lessThan, .openBrace, .openBracket: return index
            default: index += 1
            }
        }
        return nil
    }

    /// Whether some byte of `word` is `byte` (a zero byte of their difference).
    private func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
    }

    private mutating func appendText(_ range: Range<Int>) {
        if !range.isEmpty { append(ElementRecord(.text, range)) }
    }

    /// Appends an element inside the innermost open block.
    private mutating func append(_ record: ElementRecord) {
        var record = record
        record.innermost = innermost
        records.append(record)
    }

    /// Pairs a closing tag (about to be appended) with the innermost open block
    /// of its name; the blocks opened inside that one are closed with it,
    /// without their closing tags.
    private mutating func close(_ closing: ElementRecord) {
        var block = innermost
        while block >= 0, !sameName(records[Int(block)], closing) {
            block = records[Int(block)].innermost
        }
        guard block >= 0 else {
            stray.append(records.count)
            return
        }
        var inner = innermost
        while inner != block {
            unclosed.append(Int(inner))
            inner = records[Int(inner)].innermost
        }
        records[Int(block)].closing = Int32(records.count)
        innermost = records[Int(block)].innermost
    }

    private func sameName(_ first: ElementRecord, _ second: ElementRecord) -> Bool {
        UnsafeBufferPointer(rebasing: bytes[first.nameRange]).hasSameBytes(as: UnsafeBufferPointer(rebasing: bytes[second.nameRange]))
    }

    // MARK: Lexing

    /// A tag, its attributes appended to `attributes`.
    private mutating func readTag(at start: Int) -> ElementRecord {
        var (tag, index) = readName(of: .tag, at: start, nameStart: start + 1)
        tag.first = Int32(attributes.count)
        // A tag that breaks off ends before the blanks it trails, but never
        // before its last attribute (a quoted value left open runs to the end).
        var attributesEnd = Int32(start)
        while true {
            while index < bytes.count, bytes[index].isActionBlank { index += 1 }
            guard index < bytes.count, bytes[index] != .lessThan else {
                tag.end = max(Int32(trimmedEnd(index)), attributesEnd)
                tag.isTerminated = false
                return tag
            }
            if bytes[index] == .greaterThan {
                tag.end = Int32(index + 1)
                return tag
            }
            if bytes[index] == .slash, index + 1 < bytes.count, bytes[index + 1] == .greaterThan {
                tag.end = Int32(index + 2)
                tag.isSelfClosing = true
                return tag
            }
            guard bytes[index].isTagNamePart else {
                // A stray character inside the tag: skip it, the rules flag the tag.
                index += 1
                continue
            }
            let attribute = readAttribute(at: &index)
            attributes.append(attribute)
            attributesEnd = attribute.end
            tag.attributeCount += 1
        }
    }

    private func readAttribute(at index: inout Int) -> AttributeRecord {
        let start = index
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        var attribute = AttributeRecord(nameStart: Int32(start), nameEnd: Int32(index), end: Int32(index))
        attribute.catalogueName = Int16(TagFacts.attributeNames.index(of: UnsafeBufferPointer(rebasing: bytes[start..<index])) ?? -1)
        var probe = index
        while probe < bytes.count, bytes[probe].isActionBlank { probe += 1 }
        guard probe < bytes.count, bytes[probe] == .equals else { return attribute }
        probe += 1
        while probe < bytes.count, bytes[probe].isActionBlank { probe += 1 }
        guard probe < bytes.count else {
            index = probe
            attribute.end = Int32(probe)
            return attribute
        }
        if bytes[probe] == .quote || bytes[probe] == .apostrophe {
            let quote = bytes[probe]
            let valueStart = probe + 1
            let close = ActionParser.firstIndex(of: quote, in: bytes, from: valueStart) ?? bytes.count
            index = min(close + 1, bytes.count)
            attribute.quote = quote
            attribute.valueStart = Int32(valueStart)
            attribute.valueEnd = Int32(close)
            attribute.end = Int32(index)
            return attribute
        }
        let valueStart = probe
        while probe < bytes.count, !bytes[probe].isActionBlank, bytes[probe] != .greaterThan,
              !(bytes[probe] == .slash && probe + 1 < bytes.count && bytes[probe + 1] == .greaterThan) {
            probe += 1
        }
        index = probe
        attribute.valueStart = Int32(valueStart)
        attribute.valueEnd = Int32(probe)
        attribute.end = Int32(probe)
        return attribute
    }

    private func readClosingTag(at start: Int) -> ElementRecord {
        var (closing, index) = readName(of: .closingTag, at: start, nameStart: start + 2)
        while index < bytes.count, bytes[index].isActionBlank { index += 1 }
        closing.end = Int32(index < bytes.count && bytes[index] == .greaterThan ? index + 1 : Int(closing.nameEnd))
        return closing
    }

    /// A tag's or closing tag's record as far as its name, and where the name ends.
    private func readName(of kind: ElementRecord.Kind, at start: Int, nameStart: Int) -> (ElementRecord, Int) {
        var index = nameStart
        var record = ElementRecord(kind, start..<start)
        record.nameStart = Int32(index)
        while index < bytes.count, bytes[index].isTagNamePart { index += 1 }
        record.nameEnd = Int32(index)
        record.cataloguePosition = Int8(TagFacts.names.index(of: UnsafeBufferPointer(rebasing: bytes[record.nameRange])) ?? -1)
        return (record, index)
    }

    /// `[word]`: letters and underscores only, so `[1]` or `[see below]` stay text.
    private func readMarker(at start: Int) -> ElementRecord? {
        var index = start + 1
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index] == 0x5F { index += 1 }
        guard index > start + 1, index < bytes.count, bytes[index] == .closeBracket else { return nil }
        var marker = ElementRecord(.marker, start..<index + 1)
        marker.nameStart = Int32(start + 1)
        marker.nameEnd = Int32(index)
        return marker
    }

    private func trimmedEnd(_ end: Int) -> Int {
        var end = end
        while end > 0, bytes[end - 1].isActionBlank { end -= 1 }
        return end
    }
}
