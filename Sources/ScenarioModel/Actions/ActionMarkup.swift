/// An action string read as the tag language (scenario-format.md §6.1): text,
/// tags, closing tags, emotion markers and placeholders, each with its range
/// in the decoded string (UTF-8 byte offsets). An `EscapeMap` maps those
/// ranges to the file, through every escape. A class: the rules pass one
/// parsed action around, and a reference is cheaper to copy than its arrays.
public final class ActionMarkup: Sendable {
    /// The action as UTF-8, the bytes every range indexes.
    public let utf8: [UInt8]
    public var text: String { String(decoding: utf8, as: UTF8.self) }
    /// Block tags never closed, and closing tags that close nothing.
    public let unclosed: [Int]
    public let strayClosings: [Int]
    /// The block tags still open at the end of the text, outermost first (of
    /// a text cut at the cursor: the blocks a closing tag there may close).
    public let openAtEnd: [Int]
    /// The elements in order, as plain records: the checker reads every
    /// action of every file on every keystroke, and records are cheap to make,
    /// read and free; `elements` builds the full values from them.
    package let records: [ElementRecord]
    package let attributeRecords: [AttributeRecord]
    public let placeholders: [Placeholder]

    init(utf8: [UInt8], records: [ElementRecord], attributeRecords: [AttributeRecord], placeholders: [Placeholder],
         unclosed: [Int], strayClosings: [Int], openAtEnd: [Int]) {
        self.utf8 = utf8
        self.records = records
        self.attributeRecords = attributeRecords
        self.placeholders = placeholders
        self.unclosed = unclosed
        self.strayClosings = strayClosings
        self.openAtEnd = openAtEnd
    }

    /// The elements: text, tags, closing tags, markers and placeholders, in
    /// order. Built from the records on each access: read it once.
    public var elements: [ActionElement] { records.indices.map(element(at:)) }

    public var tags: [ActionTag] {
        records.indices.compactMap { records[$0].kind == .tag ? tag(at: $0) : nil }
    }

    /// For a block tag (by element index), its closing tag's element index.
    public func closing(of index: Int) -> Int? {
        let closing = records[index].closing
        return closing >= 0 ? Int(closing) : nil
    }

    /// The innermost block tag an element sits in.
    public func innermostBlock(around index: Int) -> Int? {
        let block = records[index].innermost
        return block >= 0 ? Int(block) : nil
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

    private func element(at index: Int) -> ActionElement {
        let record = records[index]
        switch record.kind {
        case .text: return .text(record.range)
        case .tag: return .tag(tag(at: index))
        case .closingTag: return .closingTag(ClosingTagView(markup: self, record: record).actionClosingTag)
        case .marker: return .marker(name: String(decoding: utf8[record.nameRange], as: UTF8.self), range: record.range)
        case .placeholder: return .placeholder(placeholders[Int(record.first)])
        }
    }

    private func tag(at index: Int) -> ActionTag { TagView(markup: self, record: records[index]).actionTag }
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
}

public struct ActionClosingTag: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let range: Range<Int>
}
