/// One element of an action as the parser reads it: what it is and where, in
/// plain numbers (offsets in the action's UTF-8 bytes). A record is copied and
/// freed without touching a reference count.
package struct ElementRecord: Sendable {
    package enum Kind: UInt8, Sendable {
        case text, tag, closingTag, marker, placeholder
    }

    package var kind: Kind
    /// A tag written `<x … />`.
    package var isSelfClosing = false
    /// False for a tag that breaks off before its `>`.
    package var isTerminated = true
    /// A tag's (or closing tag's) position in `TagFacts.all` when its name is
    /// one, exactly written; -1 otherwise.
    package var cataloguePosition: Int8 = -1
    package var start: Int32
    package var end: Int32
    /// A tag's, closing tag's or marker's name.
    package var nameStart: Int32 = 0
    package var nameEnd: Int32 = 0
    /// A tag's first attribute in `attributeRecords`; a placeholder's index in `placeholders`.
    package var first: Int32 = 0
    package var attributeCount: Int32 = 0
    /// For a block tag, its closing tag's element index; -1 for none.
    package var closing: Int32 = -1
    /// The innermost block tag the element sits in (for a block tag, the one
    /// around it); -1 for none.
    package var innermost: Int32 = -1

    init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
    }

    @inlinable package var range: Range<Int> { Int(start)..<Int(end) }
    @inlinable package var nameRange: Range<Int> { Int(nameStart)..<Int(nameEnd) }
}

/// One attribute of a tag, in plain numbers.
package struct AttributeRecord: Sendable {
    package var nameStart: Int32
    package var nameEnd: Int32
    /// -1 when the attribute has no `=`.
    package var valueStart: Int32 = -1
    package var valueEnd: Int32 = -1
    package var end: Int32
    /// `"` or `'`; 0 when the value is not quoted.
    package var quote: UInt8 = 0
    /// The name's position in `TagFacts.attributeNames` when it is one,
    /// exactly written; -1 otherwise.
    package var catalogueName: Int16 = -1

    @inlinable package var nameRange: Range<Int> { Int(nameStart)..<Int(nameEnd) }
    @inlinable package var valueRange: Range<Int>? { valueStart >= 0 ? Int(valueStart)..<Int(valueEnd) : nil }
    @inlinable package var range: Range<Int> { Int(nameStart)..<Int(end) }
}
