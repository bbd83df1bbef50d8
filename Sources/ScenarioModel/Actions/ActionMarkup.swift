/// An action string read as the tag language (scenario-format.md §6.1): text,
/// tags, closing tags, emotion markers and placeholders, each with its range
/// in the decoded string (UTF-8 byte offsets). An `EscapeMap` maps those
/// ranges to the file, through every escape. A class: the rules pass one
/// parsed action around, and a reference is cheaper to copy than its arrays.
public final class ActionMarkup: Sendable {
    /// The action as UTF-8, the bytes every range indexes.
    public let utf8: [UInt8]
    public var text: String { String(decoding: utf8, as: UTF8.self) }
    public let elements: [ActionElement]
    /// Block tags never closed, and closing tags that close nothing.
    public let unclosed: [Int]
    public let strayClosings: [Int]
    /// Per element, how it stands among the blocks; empty when the action opens
    /// no block (most do not), which spares building it.
    private let links: [Links]

    struct Links: Sendable {
        /// For a block tag, its closing tag's element index.
        var closing: Int32 = -1
        /// The innermost block tag the element sits in; for a block tag, the
        /// one around it.
        var innermost: Int32 = -1
    }

    init(utf8: [UInt8], elements: [ActionElement], links: [Links], unclosed: [Int], strayClosings: [Int]) {
        self.utf8 = utf8
        self.elements = elements
        self.links = links
        self.unclosed = unclosed
        self.strayClosings = strayClosings
    }

    /// For a block tag (by element index), its closing tag's element index.
    public func closing(of index: Int) -> Int? {
        guard index < links.count, links[index].closing >= 0 else { return nil }
        return Int(links[index].closing)
    }

    /// The innermost block tag an element sits in.
    public func innermostBlock(around index: Int) -> Int? {
        guard index < links.count, links[index].innermost >= 0 else { return nil }
        return Int(links[index].innermost)
    }

    /// The block tags an element sits in, outermost first.
    public func enclosingBlocks(of index: Int) -> [Int] {
        var blocks: [Int] = []
        var block = innermostBlock(around: index)
        while let current = block {
            blocks.append(current)
            block = innermostBlock(around: current)
        }
        return blocks.reversed()
    }

    public var tags: [ActionTag] {
        elements.compactMap { if case .tag(let tag) = $0 { tag } else { nil } }
    }

    public var placeholders: [Placeholder] {
        elements.compactMap { if case .placeholder(let placeholder) = $0 { placeholder } else { nil } }
    }
}

public enum ActionElement: Sendable {
    case text(Range<Int>)
    case tag(ActionTag)
    case closingTag(ActionClosingTag)
    /// `[laughter]`, `[sigh]`: spoken as emotion markers.
    case marker(name: String, range: Range<Int>)
    case placeholder(Placeholder)

    public var range: Range<Int> {
        switch self {
        case .text(let range), .marker(_, let range): range
        case .tag(let tag): tag.range
        case .closingTag(let tag): tag.range
        case .placeholder(let placeholder): placeholder.range
        }
    }
}

public struct ActionTag: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let attributes: [ActionAttribute]
    /// From `<` to `>` (or to where the tag breaks off).
    public let range: Range<Int>
    /// Written `<x … />`.
    public let isSelfClosing: Bool
    /// False when the tag breaks off before its `>` (the end of the string, or
    /// another `<`).
    public let isTerminated: Bool
    /// The tag's position in `TagFacts.all` when its name is one, exactly
    /// written; -1 otherwise. Found as the name is read, so the rules need not
    /// look it up again.
    package var cataloguePosition: Int8 = -1

    public func attribute(_ name: String) -> ActionAttribute? { attributes.last { $0.name == name } }
}

public struct ActionAttribute: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    /// The value between the quotes (or the bare word when unquoted); nil when
    /// the attribute has no `=`.
    public let value: String?
    public let valueRange: Range<Int>?
    /// `"`, `'`, or nil when the value is not quoted.
    public var quote: Character? { quoteByte.map { Character(Unicode.Scalar($0)) } }
    /// The quote as its byte: a plain number is cheaper to copy with each attribute.
    public let quoteByte: UInt8?
    public let range: Range<Int>
    /// The name's position in `TagFacts.attributeNames` when it is one, exactly
    /// written; -1 otherwise.
    package var catalogueName: Int16 = -1
}

public struct ActionClosingTag: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let range: Range<Int>
}
