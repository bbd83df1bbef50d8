/// One pass of `ActionParser` over an action's bytes: the elements, and the
/// blocks paired as they are read. A tag written without `/` that the
/// catalogue knows as self-closing (`<endcall>`) opens nothing, so one missing
/// slash does not swallow the rest of the action.
///
/// The blocks open at any point form a stack, which is never stored: each
/// element records the innermost block around it, and a block's own record
/// leads to the one around it, so the chain from the innermost block is the
/// stack. Nothing is allocated for the blocks of an action that has none.
struct MarkupReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var elements: [ActionElement] = []
    /// Empty until the first block opens; then one entry per element.
    var links: [ActionMarkup.Links] = []
    var unclosed: [Int] = []
    var stray: [Int] = []
    /// The innermost open block, -1 for none.
    private var innermost: Int32 = -1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        elements.reserveCapacity(8)
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
                    let (tag, position) = ActionParser.readTag(bytes, at: start)
                    appendText(textStart..<start)
                    let opens = !tag.isSelfClosing && tag.isTerminated && TagFacts.opensBlock(position: position)
                    end = tag.range.upperBound
                    append(.tag(tag), opensBlock: opens)
                    if opens { innermost = Int32(elements.count - 1) }
                } else if bytes[start + 1] == .slash, start + 2 < bytes.count, bytes[start + 2].isASCIILetter {
                    let closing = ActionParser.readClosingTag(bytes, at: start)
                    appendText(textStart..<start)
                    close(closing)
                    end = closing.range.upperBound
                    append(.closingTag(closing))
                }
            } else if byte == .openBrace, start + 1 < bytes.count, bytes[start + 1] == .openBrace {
                let placeholder = ActionParser.readPlaceholder(bytes, at: start)
                appendText(textStart..<start)
                end = placeholder.range.upperBound
                append(.placeholder(placeholder))
            } else if byte == .openBracket, let marker = ActionParser.readMarker(bytes, at: start) {
                appendText(textStart..<start)
                end = marker.range.upperBound
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
            block = links[Int(block)].innermost
        }
        if unclosed.count > 1 { unclosed.sort() }
    }

    /// The next `<`, `{` or `[` at or after `from`: everything else is text.
    private func nextMarkupByte(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case .lessThan, .openBrace, .openBracket: return index
            default: index += 1
            }
        }
        return nil
    }

    private mutating func appendText(_ range: Range<Int>) {
        if !range.isEmpty { append(.text(range)) }
    }

    /// Appends an element inside the innermost open block.
    private mutating func append(_ element: ActionElement, opensBlock: Bool = false) {
        if opensBlock || !links.isEmpty {
            if links.isEmpty {
                links.reserveCapacity(elements.count + 8)
                links.append(contentsOf: repeatElement(ActionMarkup.Links(), count: elements.count))
            }
            links.append(ActionMarkup.Links(closing: -1, innermost: innermost))
        }
        elements.append(element)
    }

    /// Pairs a closing tag (about to be appended) with the innermost open block
    /// of its name; the blocks opened inside that one are closed with it,
    /// without their closing tags.
    private mutating func close(_ closing: ActionClosingTag) {
        var block = innermost
        while block >= 0 {
            if case .tag(let tag) = elements[Int(block)], tag.name == closing.name { break }
            block = links[Int(block)].innermost
        }
        guard block >= 0 else {
            stray.append(elements.count)
            return
        }
        var inner = innermost
        while inner != block {
            unclosed.append(Int(inner))
            inner = links[Int(inner)].innermost
        }
        links[Int(block)].closing = Int32(elements.count)
        innermost = links[Int(block)].innermost
    }
}
