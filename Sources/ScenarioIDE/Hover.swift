import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// What hovering shows: the docs of the field or enum value under the cursor,
/// from the same catalogues the checker validates with.
public struct HoverInfo: Sendable, Equatable {
    /// Markdown.
    public var markdown: String
    /// What the hover is about, for the editor to highlight.
    public var range: TextRange
}

public enum Hover {
    public static func info(in document: ScenarioDocument, at offset: Int) -> HoverInfo? {
        guard document.kind.kind != .unknown else { return nil }
        let focus = document.focus(at: offset)
        // A placeholder first: it may stand in an attribute's value.
        if let info = PlaceholderHover.info(in: focus) ?? ActionFocus(focus).flatMap(ActionHover.info) ?? ConditionHover.info(in: focus) {
            return info
        }
        switch focus.tree.location(at: focus.offset) {
        case .key(let member, _):
            guard let object = member.parent, let key = member.key, let spec = SpecLocator.objectSpec(of: object, in: focus),
                  let field = spec.field(member.keyName) else { return nil }
            return HoverInfo(markdown: describe(field, in: spec), range: focus.outer(key.range))
        case .stringContent(let node, _), .value(let node):
            guard let member = node.parent, member.kind == .member, member.value == node, let text = node.stringValue,
                  let spec = SpecLocator.valueSpec(of: member, in: focus) else { return nil }
            let allowed = allowedValues(spec)
            if let language = Languages.name(of: text), allowed.contains(where: { Languages.name(of: $0.value) != nil }) {
                // A language code reads as its language, also where this field does not take it.
                let refused = allowed.contains { $0.value == text } ? "" : "; `\(member.keyName)` does not take this code here"
                return HoverInfo(markdown: "**\(language)** — the language code `\(text.jsonQuoted)`\(refused)", range: focus.outer(node.range))
            }
            guard let value = allowed.first(where: { $0.value == text }) else { return nil }
            let doc = value.doc.isEmpty ? "" : "\n\n\(value.doc)"
            return HoverInfo(markdown: "`\(value.value.jsonQuoted)` — a value of `\(member.keyName)`\(doc)", range: focus.outer(node.range))
        default:
            return nil
        }
    }

    static func describe(_ field: FieldSpec, in object: ObjectSpec) -> String {
        var lines = ["**`\(field.name)`** — \(field.value.expectation)\(field.required ? ", required" : "") (in \(object.name.withIndefiniteArticle))"]
        if !field.doc.isEmpty { lines.append(field.doc) }
        let allowed = allowedValues(field.value)
        if !allowed.isEmpty {
            let shown = allowed.prefix(12).map { value in "- `\(value.value.jsonQuoted)`" + (value.doc.isEmpty ? "" : ": \(value.doc)") }
            lines.append((shown + (allowed.count > 12 ? ["- … \(allowed.count - 12) more"] : [])).joined(separator: "\n"))
        }
        return lines.joined(separator: "\n\n")
    }

    /// The enum values a spec allows, through `nullable`, `oneOf` and arrays.
    static func allowedValues(_ spec: ValueSpec) -> [EnumValue] {
        switch spec {
        case .string(let rule): rule.allowed ?? []
        case .constant(let value): [EnumValue(value)]
        case .nullable(let inner): allowedValues(inner)
        case .oneOf(let alternatives): alternatives.flatMap(allowedValues)
        case .array(let rule): allowedValues(rule.items)
        default: []
        }
    }
}
