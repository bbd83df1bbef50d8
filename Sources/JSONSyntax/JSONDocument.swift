/// The text of one version of a document with everything derived from it: the
/// syntax tree and the line index. Immutable; an edit makes a new document.
public struct JSONDocument: Sendable {
    public let tree: SyntaxTree
    public let lineIndex: LineIndex

    public var bytes: [UInt8] { tree.bytes }
    public var text: String { String(decoding: tree.bytes, as: UTF8.self) }

    public init(bytes: [UInt8]) {
        tree = SyntaxTree.parse(bytes)
        lineIndex = LineIndex(bytes)
    }

    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    /// One entry of an LSP `didChange`: a range in lines and columns and its new
    /// text, or the whole new text when `range` is nil.
    public struct Change: Sendable {
        public var range: (start: LinePosition, end: LinePosition)?
        public var text: String

        public init(range: (start: LinePosition, end: LinePosition)?, text: String) {
            self.range = range
            self.text = text
        }
    }

    /// Applies changes one after another, each relative to the text the previous
    /// one left, as LSP's `didChange` does. Positions past the end clamp.
    public func applying(_ changes: [Change], encoding: PositionEncoding) -> JSONDocument {
        var bytes = self.bytes
        var index = lineIndex
        for (number, change) in changes.enumerated() {
            if let range = change.range {
                let target = index.textRange(from: range.start, to: range.end, in: encoding)
                bytes.replaceSubrange(target.start..<target.end, with: change.text.utf8)
            } else {
                bytes = Array(change.text.utf8)
            }
            if number < changes.count - 1 { index = LineIndex(bytes) }
        }
        return JSONDocument(bytes: bytes)
    }

    /// Applies edits that all refer to this version (a quick fix, a formatting
    /// result, a `WorkspaceEdit`).
    public func applying(_ edits: [TextEdit]) throws(EditError) -> JSONDocument {
        JSONDocument(bytes: try bytes.applying(edits))
    }
}

public enum EditError: Error, Equatable, Sendable {
    /// Two edits change the same bytes, so no order of applying them is right.
    case overlapping(TextRange, TextRange)
    case outOfBounds(TextRange)
}

extension Array where Element == UInt8 {
    /// Applies edits that all refer to this text. Insertions at one offset keep
    /// their given order; edits that overlap are refused rather than guessed at.
    public func applying(_ edits: [TextEdit]) throws(EditError) -> [UInt8] {
        let sorted = edits.enumerated().sorted {
            $0.element.range.start != $1.element.range.start
                ? $0.element.range.start < $1.element.range.start : $0.offset < $1.offset
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(count + sorted.reduce(0) { $0 + $1.newText.utf8.count })
        var copied = 0
        var previous: TextRange?
        for edit in sorted {
            // TextRange allows negative offsets; slicing at one would trap.
            guard edit.range.start >= 0, edit.range.end <= count else { throw .outOfBounds(edit.range) }
            if let previous, edit.range.start < previous.end { throw .overlapping(previous, edit.range) }
            out.append(contentsOf: self[copied..<edit.range.start])
            out.append(contentsOf: edit.newText.utf8)
            copied = edit.range.end
            previous = edit.range
        }
        out.append(contentsOf: self[copied...])
        return out
    }
}
