/// The elements of an `ActionMarkup` read from its records, with the names
/// and properties of `ActionElement`, `ActionTag`, `ActionAttribute` and
/// `ActionClosingTag`: what the checker's rules read. A view holds its markup
/// without a reference count, so it is valid only while the markup is kept
/// alive by its reader.
package enum ElementView {
    case text(Range<Int>)
    case tag(TagView)
    case closingTag(ClosingTagView)
    case marker(Range<Int>)
    case placeholder(Placeholder)

    @inlinable package var range: Range<Int> {
        switch self {
        case .text(let range), .marker(let range): range
        case .tag(let tag): tag.range
        case .closingTag(let tag): tag.range
        case .placeholder(let placeholder): placeholder.range
        }
    }
}

extension ActionMarkup {
    package func view(_ index: Int) -> ElementView {
        let record = records[index]
        switch record.kind {
        case .text: return .text(record.range)
        case .tag: return .tag(TagView(markup: self, record: record))
        case .closingTag: return .closingTag(ClosingTagView(markup: self, record: record))
        case .marker: return .marker(record.range)
        case .placeholder: return .placeholder(placeholders[Int(record.first)])
        }
    }
}

/// A tag or a closing tag read from its record: what both have.
package protocol NamedElementView {
    var markup: ActionMarkup { get }
    var record: ElementRecord { get }
}

extension NamedElementView {
    /// A catalogued name as the catalogue holds it (no `String` is made), else made from the bytes.
    package var name: String {
        record.cataloguePosition >= 0
            ? TagFacts.names.names[Int(record.cataloguePosition)] : String(decoding: markup.utf8[nameRange], as: UTF8.self)
    }
    @inlinable package var nameRange: Range<Int> { record.nameRange }
    @inlinable package var range: Range<Int> { record.range }
    /// The position in `TagFacts.all` of the exactly written name.
    @inlinable package var cataloguePosition: Int? { record.cataloguePosition >= 0 ? Int(record.cataloguePosition) : nil }
}

package struct TagView: NamedElementView {
    package unowned(unsafe) let markup: ActionMarkup
    package let record: ElementRecord

    @inlinable package init(markup: ActionMarkup, record: ElementRecord) {
        self.markup = markup
        self.record = record
    }

    @inlinable package var isSelfClosing: Bool { record.isSelfClosing }
    @inlinable package var isTerminated: Bool { record.isTerminated }
    @inlinable package var attributes: AttributeList { AttributeList(markup: markup, first: Int(record.first), count: Int(record.attributeCount)) }

    package func attribute(_ name: String) -> AttributeView? { attributes.last { $0.name == name } }

    var actionTag: ActionTag {
        ActionTag(name: name, nameRange: nameRange, attributes: attributes.map(\.actionAttribute), range: range, isSelfClosing: isSelfClosing,
                  isTerminated: isTerminated)
    }
}

package struct ClosingTagView: NamedElementView {
    package unowned(unsafe) let markup: ActionMarkup
    package let record: ElementRecord

    @inlinable package init(markup: ActionMarkup, record: ElementRecord) {
        self.markup = markup
        self.record = record
    }

    var actionClosingTag: ActionClosingTag { ActionClosingTag(name: name, nameRange: nameRange, range: range) }
}

package struct AttributeList: RandomAccessCollection {
    @usableFromInline unowned(unsafe) let markup: ActionMarkup
    @usableFromInline let first: Int
    package let count: Int

    @usableFromInline init(markup: ActionMarkup, first: Int, count: Int) {
        self.markup = markup
        self.first = first
        self.count = count
    }

    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { count }
    @inlinable package subscript(position: Int) -> AttributeView {
        AttributeView(markup: markup, record: markup.attributeRecords[first + position])
    }
}

package struct AttributeView {
    @usableFromInline unowned(unsafe) let markup: ActionMarkup
    @usableFromInline let record: AttributeRecord

    @usableFromInline init(markup: ActionMarkup, record: AttributeRecord) {
        self.markup = markup
        self.record = record
    }

    package var name: String {
        record.catalogueName >= 0
            ? TagFacts.attributeNames.names[Int(record.catalogueName)] : String(decoding: markup.utf8[nameRange], as: UTF8.self)
    }
    @inlinable package var nameRange: Range<Int> { record.nameRange }
    /// The value between the quotes (or the bare word when unquoted); nil when
    /// the attribute has no `=`. Made on each access.
    package var value: String? { valueRange.map { String(decoding: markup.utf8[$0], as: UTF8.self) } }
    @inlinable package var valueRange: Range<Int>? { record.valueRange }
    @inlinable package var quoteByte: UInt8? { record.quote == 0 ? nil : record.quote }
    @inlinable package var range: Range<Int> { record.range }
    /// The position of the exactly written name in `TagFacts.attributeNames`.
    @inlinable package var catalogueName: Int? { record.catalogueName >= 0 ? Int(record.catalogueName) : nil }

    var actionAttribute: ActionAttribute {
        ActionAttribute(name: name, nameRange: nameRange, value: value, valueRange: valueRange, quoteByte: quoteByte, range: range)
    }
}
