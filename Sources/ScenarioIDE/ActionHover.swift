import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// Hover in a condition's `action`: tags (opening and closing), attributes and
/// their values, emotion markers. Placeholders are `PlaceholderHover`'s.
enum ActionHover {
    static func info(_ action: ActionFocus) -> HoverInfo? {
        let offset = action.offset
        func hover(_ markdown: String, _ range: Range<Int>) -> HoverInfo { HoverInfo(markdown: markdown, range: action.outer(range)) }
        switch action.element {
        case .tag(let written)?:
            guard let tag = TagFacts.tag(written.name) else { return nil }
            if written.nameRange.contains(offset) || written.nameRange.upperBound == offset {
                return hover(describe(tag), written.range)
            }
            guard let attribute = written.attributes.first(where: { $0.range.lowerBound <= offset && offset <= $0.range.upperBound }),
                  let fact = tag.attribute(attribute.name) else { return nil }
            // Hover names the character at the offset: the closing quote is not the value's.
            if let valueRange = attribute.valueRange, valueRange.contains(offset), let value = attribute.value,
               case .oneOf(let values) = fact.value, let known = values.first(where: { $0.value == value }), !known.doc.isEmpty {
                return hover("`\(value)` — \(known.doc)\n\n" + describe(fact, of: tag), valueRange)
            }
            return hover(describe(fact, of: tag), attribute.range)
        case .closingTag(let written)?:
            return TagFacts.tag(written.name).map { hover(describe($0), written.range) }
        case .marker(let name, let range)?:
            guard let marker = TagFacts.emotionMarkers.first(where: { $0.value == name }) else { return nil }
            return hover("**`[\(name)]`** — an emotion marker. \(marker.doc) Markers may repeat: `[\(name)] [\(name)]`.", range)
        default:
            return nil
        }
    }

    /// A tag: how it is written, what it does, its attributes, where it may
    /// stand, an example.
    static func describe(_ tag: TagFact) -> String {
        var lines = ["**`<\(tag.name)>`** — \(formName(tag.form)) tag", "```\n\(syntax(tag))\n```", tag.doc]
        if !tag.attributes.isEmpty {
            lines.append(tag.attributes.map { "- `\($0.name)`" + ($0.required ? " (required)" : "") + ": \($0.value.expectation). \($0.doc)" }
                .joined(separator: "\n"))
        }
        lines.append("Where: " + placement(tag).joined(separator: "; ") + ".")
        lines.append("Example: " + codeSpan(tag.example))
        return lines.joined(separator: "\n\n")
    }

    /// An attribute of a tag: its values, whether it is required, what it means.
    static func describe(_ attribute: TagFact.Attribute, of tag: TagFact) -> String {
        var lines = ["**`\(attribute.name)`** of `<\(tag.name)>`" + (attribute.required ? ", required" : ", optional")
                        + ": \(attribute.value.expectation)", attribute.doc]
        if !attribute.examples.isEmpty { lines.append("For example " + wordList(attribute.examples.map { "\"\($0)\"" })) }
        return lines.joined(separator: "\n\n")
    }

    /// The tag as written, with its required attributes: `<silence time="…" />`.
    static func syntax(_ tag: TagFact) -> String {
        switch tag.form {
        case .selfClosing: syntax(tag, block: false)
        case .block: syntax(tag, block: true)
        case .either: syntax(tag, block: false) + "\n" + syntax(tag, block: true)
        }
    }

    static func syntax(_ tag: TagFact, block: Bool) -> String {
        let attributes = tag.attributes.filter(\.required).map { " \($0.name)=\"…\"" }.joined()
        return block ? "<\(tag.name)\(attributes)>…</\(tag.name)>" : "<\(tag.name)\(attributes) />"
    }

    private static func formName(_ form: TagFact.Form) -> String {
        switch form {
        case .selfClosing: "a self-closing"
        case .block: "a block"
        case .either: "a self-closing or block"
        }
    }

    private static func placement(_ tag: TagFact) -> [String] {
        var rules: [String]
        switch tag.placement {
        case .anywhere: rules = ["anywhere in an action"]
        case .wholeAction: rules = ["the whole action, with nothing else in it"]
        case .startOfAction: rules = ["at the very start of the action"]
        }
        if tag.onlyOnFollowup { rules.append("only on an `action_followup` condition") }
        if tag.notOnFirstMessage { rules.append("never on the first condition") }
        if tag.refusedInIVRText { rules.append("never inside `<ivr text>`") }
        switch tag.fixedMessage {
        case .honouredOnlyWhenFixed: rules.append("honoured only with `fixed_message: true`")
        case .refusedWhenNotFixed: rules.append("only with `fixed_message: true` (refused otherwise)")
        case .either: rules.append("with `fixed_message` true or false")
        }
        switch tag.content {
        case .none: break
        case .textAndPlaceholders: rules.append("holds text and placeholders, no tags")
        case .textAndInlineTags: rules.append("the block holds text and self-closing tags")
        case .unrestricted: rules.append("holds text and any tag but another `<\(tag.name)>`")
        }
        return rules
    }
}
