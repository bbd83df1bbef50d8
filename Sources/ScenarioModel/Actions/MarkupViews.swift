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

    package var range: Range<Int> {
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

package struct TagView {
    unowned(unsafe) let markup: ActionMarkup
    let record: ElementRecord

    package init(markup: ActionMarkup, record: ElementRecord) {
        self.markup = markup
        self.record = record
    }

    package var name: String { catalogueName(record) ?? String(decoding: markup.utf8[nameRange], as: UTF8.self) }
    package var nameRange: Range<Int> { record.nameRange }
    package var range: Range<Int> { record.range }
    package var isSelfClosing: Bool { record.isSelfClosing }
    package var isTerminated: Bool { record.isTerminated }
    /// The position in `TagFacts.all` of the exactly written name.
    package var cataloguePosition: Int? { record.cataloguePosition >= 0 ? Int(record.cataloguePosition) : nil }
    package var attributes: AttributeList { AttributeList(markup: markup, first: Int(record.first), count: Int(record.attributeCount)) }

    package func attribute(_ name: String) -> AttributeView? { attributes.last { $0.name == name } }

    var actionTag: ActionTag {
        ActionTag(name: name, nameRange: nameRange, attributes: attributes.map(\.actionAttribute), range: range, isSelfClosing: isSelfClosing,
                  isTerminated: isTerminated)
    }
}

package struct ClosingTagView {
    unowned(unsafe) let markup: ActionMarkup
    let record: ElementRecord

    package init(markup: ActionMarkup, record: ElementRecord) {
        self.markup = markup
        self.record = record
    }

    package var name: String { catalogueName(record) ?? String(decoding: markup.utf8[nameRange], as: UTF8.self) }
    package var nameRange: Range<Int> { record.nameRange }
    package var range: Range<Int> { record.range }
    package var cataloguePosition: Int? { record.cataloguePosition >= 0 ? Int(record.cataloguePosition) : nil }

    var actionClosingTag: ActionClosingTag { ActionClosingTag(name: name, nameRange: nameRange, range: range) }
}

/// A catalogued tag's name as the catalogue holds it: no `String` is made.
private func catalogueName(_ record: ElementRecord) -> String? {
    record.cataloguePosition >= 0 ? TagFacts.names.names[Int(record.cataloguePosition)] : nil
}

package struct AttributeList: RandomAccessCollection {
    unowned(unsafe) let markup: ActionMarkup
    let first: Int
    package let count: Int

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }
    package subscript(position: Int) -> AttributeView {
        AttributeView(markup: markup, record: markup.attributeRecords[first + position])
    }
}

package struct AttributeView {
    unowned(unsafe) let markup: ActionMarkup
    let record: AttributeRecord

    package var name: String {
        record.catalogueName >= 0
            ? TagFacts.attributeNames.names[Int(record.catalogueName)] : String(decoding: markup.utf8[nameRange], as: UTF8.self)
    }
    package var nameRange: Range<Int> { record.nameRange }
    /// The value between the quotes (or the bare word when unquoted); nil when
    /// the attribute has no `=`. Made on each access.
    package var value: String? { valueRange.map { String(decoding: markup.utf8[$0], as: UTF8.self) } }
    package var valueRange: Range<Int>? { record.valueRange }
    package var quoteByte: UInt8? { record.quote == 0 ? nil : record.quote }
    package var range: Range<Int> { record.range }
    /// The position of the exactly written name in `TagFacts.attributeNames`.
    package var catalogueName: Int? { record.catalogueName >= 0 ? Int(record.catalogueName) : nil }

    var actionAttribute: ActionAttribute {
        ActionAttribute(name: name, nameRange: nameRange, value: value, valueRange: valueRange, quoteByte: quoteByte, range: range)
    }
}
