import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// Completion inside a condition's `action`, in the tag language: tag names
/// after `<`, the closing tags of the blocks still open, attribute names in a
/// tag, attribute values between their quotes, placeholders after `{{`, and
/// emotion markers after `[`. Items are made in the decoded action; `placed`
/// escapes them for the JSON string the action is written in.
enum ActionCompletion {
    static func items(_ action: ActionFocus) -> [CompletionItem] {
        decodedItems(action).map { $0.placed(in: action.decoded) }
    }

    private static func decodedItems(_ action: ActionFocus) -> [CompletionItem] {
        let bytes = action.markup.utf8, offset = action.offset
        let condition = action.condition
        // `{{function…}}` is filled in only in fixed messages after the first condition.
        let functionsAllowed = !condition.isFirstMessage && !condition.isNotFixed
        let placeholders = PlaceholderCompletion(profile: action.focus.testProfile(for: action.string),
                                                 functions: functionsAllowed ? action.occurrence.script.functions : [])
        if let items = placeholders.items(in: bytes, at: offset) { return items }
        if let tag = tag(around: offset, in: bytes, action.markup) { return inside(tag, action) }
        if case .closingTag(let closing)? = action.element, closing.range.lowerBound + 2 <= offset, offset <= closing.nameRange.upperBound {
            return closings(before: closing.range.lowerBound, action, range: TextRange(closing.range.lowerBound + 1, closing.nameRange.upperBound),
                            closed: closing.range.upperBound > closing.nameRange.upperBound)
        }
        let closedAfter = offset < bytes.count && bytes[offset] == UInt8(ascii: ">")
        if offset >= 1, bytes[offset - 1] == UInt8(ascii: "<") {
            let range = TextRange.empty(at: offset)
            return tags(typed: "", range: range, whole: true, action) + closings(before: offset - 1, action, range: range, closed: closedAfter)
        }
        if offset >= 2, bytes[offset - 1] == UInt8(ascii: "/"), bytes[offset - 2] == UInt8(ascii: "<") {
            return closings(before: offset - 2, action, range: TextRange(offset - 1, offset), closed: closedAfter)
        }
        return markers(in: bytes, at: offset)
    }

    /// The tag the cursor is in: after its `<`, up to its `>` or `/>`; a tag
    /// that breaks off also holds the blanks after it, where an attribute goes.
    private static func tag(around offset: Int, in bytes: [UInt8], _ markup: ActionMarkup) -> ActionTag? {
        for element in markup.elements {
            guard case .tag(let tag) = element, tag.range.lowerBound < offset else { continue }
            var end = tag.range.upperBound
            if tag.isTerminated {
                end -= tag.isSelfClosing ? 2 : 1
            } else {
                while end < bytes.count, bytes[end].isActionBlank { end += 1 }
            }
            if offset <= end { return tag }
        }
        return nil
    }

    private static func inside(_ written: ActionTag, _ action: ActionFocus) -> [CompletionItem] {
        let offset = action.offset
        let name = written.nameRange
        if name.lowerBound <= offset, offset <= name.upperBound {
            let typed = String(decoding: action.markup.utf8[name.lowerBound..<offset], as: UTF8.self)
            // A finished tag is being renamed: its attributes and end stay.
            return tags(typed: typed, range: TextRange(name.lowerBound, name.upperBound), whole: !written.isTerminated, action)
        }
        guard let tag = TagFacts.tag(written.name) else { return [] }
        if let attribute = written.attributes.first(where: { attribute in
            attribute.valueRange.map { $0.lowerBound <= offset && offset <= $0.upperBound } ?? false
        }) {
            return tag.attribute(attribute.name).map { values(of: $0, tag, attribute, in: written, action) } ?? []
        }
        let current = written.attributes.first { $0.nameRange.lowerBound <= offset && offset <= $0.nameRange.upperBound }
        return attributes(of: tag, in: written, current: current, action)
    }

    // MARK: Tags

    /// Tag names starting with what is typed, leaving out tags the condition
    /// cannot hold; `whole` inserts the tag with its required attributes.
    private static func tags(typed: String, range: TextRange, whole: Bool, _ action: ActionFocus) -> [CompletionItem] {
        let condition = action.condition
        let typed = typed.lowercased()
        return TagFacts.all.filter { tag in
            tag.name.hasPrefix(typed) && !(tag.onlyOnFollowup && !condition.isFollowup) && !(tag.notOnFirstMessage && condition.isFirstMessage)
        }.flatMap { tag -> [CompletionItem] in
            let documentation = ActionHover.describe(tag)
            guard whole else {
                return [CompletionItem(label: tag.name, kind: .keyword, documentation: documentation, range: range, newText: tag.name)]
            }
            func item(block: Bool) -> CompletionItem {
                var stop = 0
                let attributes = tag.attributes.filter(\.required).map { attribute in
                    stop += 1
                    return " \(attribute.name)=\"$\(stop)\""
                }.joined()
                let text = block ? "\(tag.name)\(attributes)>$\(stop + 1)</\(tag.name)>" : "\(tag.name)\(attributes) />"
                return CompletionItem(label: tag.form == .either && block ? "\(tag.name) (block)" : tag.name, kind: .keyword,
                                      detail: ActionHover.syntax(tag, block: block),
                                      documentation: documentation, range: range, newText: text, isSnippet: true,
                                      filterText: tag.form == .either && block ? tag.name : nil)
            }
            switch tag.form {
            case .selfClosing: return [item(block: false)]
            case .block: return [item(block: true)]
            case .either: return [item(block: false), item(block: true)]
            }
        }
    }

    /// `</name>` for each block open before `end`, innermost first.
    private static func closings(before end: Int, _ action: ActionFocus, range: TextRange, closed: Bool) -> [CompletionItem] {
        let before = ActionParser.parse(utf8: Array(action.markup.utf8[..<end]))
        return before.openAtEnd.reversed().compactMap { index in
            guard case .tag(let tag) = before.elements[index] else { return nil }
            return CompletionItem(label: "</\(tag.name)>", kind: .keyword, detail: "closes <\(tag.name)>",
                                  documentation: TagFacts.tag(tag.name).map(ActionHover.describe), range: range,
                                  newText: "/\(tag.name)" + (closed ? "" : ">"), filterText: "/\(tag.name)")
        }
    }

    // MARK: Attributes

    /// The tag's attributes not written yet, as `name="…"` with the cursor
    /// between the quotes; on a name already followed by `=`, only the name.
    private static func attributes(of tag: TagFact, in written: ActionTag, current: ActionAttribute?,
                                   _ action: ActionFocus) -> [CompletionItem] {
        let bytes = action.markup.utf8, offset = action.offset
        let present = Set(written.attributes.filter { $0.range != current?.range }.map(\.name))
        let range = current.map { TextRange($0.nameRange.lowerBound, $0.nameRange.upperBound) } ?? .empty(at: offset)
        let nameOnly = current.map { $0.range.upperBound > $0.nameRange.upperBound } ?? false
        let space = current == nil && offset > 0 && !bytes[offset - 1].isActionBlank ? " " : ""
        return tag.attributes.filter { !present.contains($0.name) }.map { attribute in
            CompletionItem(label: attribute.name, kind: .property, detail: attribute.value.expectation,
                           documentation: ActionHover.describe(attribute, of: tag), range: range,
                           newText: nameOnly ? attribute.name : "\(space)\(attribute.name)=\"$1\"", isSnippet: !nameOnly)
        }
    }

    /// What an attribute's value may be: its allowed values, the script's
    /// functions, a voice model of the tag's provider, typical values; for
    /// keypad digits also the caller's test-profile keys.
    private static func values(of attribute: TagFact.Attribute, _ tag: TagFact, _ written: ActionAttribute, in element: ActionTag,
                               _ action: ActionFocus) -> [CompletionItem] {
        guard let valueRange = written.valueRange, let quote = written.quoteByte else { return [] }
        let bytes = action.markup.utf8
        let closed = valueRange.upperBound < bytes.count && bytes[valueRange.upperBound] == quote
        var values: [EnumValue]
        switch attribute.value {
        case .oneOf(let allowed):
            values = allowed
        case .functionName:
            values = action.occurrence.script.functions.compactMap { function in
                function.name.map { EnumValue($0, PlaceholderHover.describe(function)) }
            }
        case .dtmfDigits:
            // `<dtmf>` sends the simulated caller's value: only `caller_variables` hold one.
            let profile = action.focus.testProfile(for: action.string)
            let keys = (profile?.keys(under: []) ?? []).filter { $0.section == "caller_variables" && $0.member.value?.kind != .object }
            values = attribute.examples.map { EnumValue($0) } + keys.map { key in
                EnumValue("{{test_profile.\(key.member.keyName)}}", PlaceholderHover.describe([key.member.keyName], in: profile))
            }
        default:
            values = attribute.examples.map { EnumValue($0) }
        }
        if tag.name == "voice", attribute.name == "model" {
            let provider = element.attribute("provider")?.value
            values = (provider.flatMap { TagFacts.voiceModels[$0] } ?? TagFacts.voiceProviders.flatMap { TagFacts.voiceModels[$0.value] ?? [] })
                .map { EnumValue($0) }
        }
        let about = ActionHover.describe(attribute, of: tag)
        return values.map { value in
            CompletionItem(label: value.value, kind: .value, detail: "\(attribute.name) of <\(tag.name)>",
                           documentation: value.doc.isEmpty ? about : value.doc + "\n\n" + about,
                           range: TextRange(valueRange.lowerBound, valueRange.upperBound),
                           newText: value.value + (closed ? "" : String(UnicodeScalar(quote))))
        }
    }

    // MARK: Emotion markers

    private static func markers(in bytes: [UInt8], at offset: Int) -> [CompletionItem] {
        var start = offset
        while start > 0, bytes[start - 1].isTagNamePart { start -= 1 }
        guard start > 0, bytes[start - 1] == UInt8(ascii: "[") else { return [] }
        var end = offset
        while end < bytes.count, bytes[end].isTagNamePart { end += 1 }
        let typed = String(decoding: bytes[start..<offset], as: UTF8.self)
        let closed = end < bytes.count && bytes[end] == UInt8(ascii: "]")
        return TagFacts.emotionMarkers.filter { $0.value.hasPrefix(typed) }.map { marker in
            CompletionItem(label: "[\(marker.value)]", kind: .keyword, documentation: marker.doc, range: TextRange(start, end),
                           newText: marker.value + (closed ? "" : "]"), filterText: marker.value)
        }
    }
}
