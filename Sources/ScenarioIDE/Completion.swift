import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// Completion of keys and values from the specs the checker validates with:
/// the fields an object may still take, and the values a field allows.
public enum Completion {
    public static func items(in document: ScenarioDocument, at offset: Int) -> [CompletionItem] {
        guard document.kind.kind != .unknown else { return [] }
        let focus = document.focus(at: offset)
        var items = items(in: focus).map { quotedFilter($0, in: focus.tree) }
        if focus.embedding != nil {
            items = items.map { item in
                var escaped = item.escapedForJSONString()
                escaped.range = focus.outer(item.range)
                return escaped
            }
        }
        // LSP wants the edit to hold the cursor; one inside an escape (`\|"`) is
        // between the bytes of one character, where nothing can be inserted.
        return items.filter { $0.range.start <= offset && offset <= $0.range.end }
    }

    /// An item that replaces a whole quoted key or string filters on its
    /// quoted label: editors match what is typed from the range's start (the
    /// quote) against the filter text, and `"inst` never matches `instruction`.
    private static func quotedFilter(_ item: CompletionItem, in tree: SyntaxTree) -> CompletionItem {
        guard item.filterText == nil, !item.range.isEmpty, tree.bytes[item.range.start] == UInt8(ascii: "\""), !item.label.hasPrefix("\"") else {
            return item
        }
        var quoted = item
        quoted.filterText = item.label.jsonQuoted
        return quoted
    }

    /// The items in the focused tree's offsets and text.
    private static func items(in focus: FocusedTree) -> [CompletionItem] {
        if let action = ActionFocus(focus) { return ActionCompletion.items(action) }
        if let items = ConditionCompletion.items(in: focus) ?? PlaceholderCompletion.items(in: focus) { return items }
        let offset = focus.offset
        switch focus.tree.location(at: offset) {
        case .key(let member, _):
            guard let object = member.parent, let key = member.key else { return [] }
            // With a value already there only the name is replaced.
            return propertyItems(for: object, in: focus, replacing: key.range, withValue: member.value == nil, skipping: member)
        case .objectBody(let object):
            return propertyItems(for: object, in: focus, replacing: TextRange.empty(at: offset), withValue: true, skipping: nil,
                                 comma: needsComma(after: offset, in: focus.tree))
        case .memberValue(let member):
            guard let spec = SpecLocator.valueSpec(of: member, in: focus) else { return [] }
            return valueItems(spec, replacing: TextRange.empty(at: offset))
        case .stringContent(let node, _), .value(let node):
            guard let member = node.parent, member.kind == .member, member.value == node,
                  let spec = SpecLocator.valueSpec(of: member, in: focus) else {
                return arrayElementItems(node, in: focus)
            }
            return valueItems(spec, replacing: node.range)
        case .arrayBody(let array):
            guard let spec = SpecLocator.valueSpec(of: array, in: focus), case .array(let rule) = spec else { return [] }
            return valueItems(rule.items, replacing: TextRange.empty(at: offset), arrayOf: array, in: focus)
        case .comment, .outside:
            return []
        }
    }

    // MARK: Keys

    private static func propertyItems(for object: SyntaxNode, in focus: FocusedTree, replacing range: TextRange,
                                      withValue: Bool, skipping current: SyntaxNode?, comma: Bool = false) -> [CompletionItem] {
        guard let spec = SpecLocator.objectSpec(of: object, in: focus) else { return [] }
        let present = Set(object.members.filter { $0 != current }.map(\.keyName))
        return spec.fields.filter { !present.contains($0.name) }.map { field in
            let name = field.name.jsonQuoted
            let text = withValue ? "\(name): \(snippet(for: field.value))\(comma ? "," : "")" : name
            return CompletionItem(label: field.name, kind: .property, detail: field.value.expectation + (field.required ? ", required" : ""),
                                  documentation: field.doc, range: range, newText: text, isSnippet: withValue)
        }
    }

    /// A value to type over, as a snippet: strings select their content, the
    /// rest their whole placeholder.
    static func snippet(for spec: ValueSpec) -> String {
        let placeholder = CompletionItem.escapeSnippet(spec.placeholder)
        switch SpecLocator.resolved(spec, for: .string) ?? spec {
        case .string, .constant:
            guard placeholder.hasPrefix("\""), placeholder.count >= 2 else { return "${1:\(placeholder)}" }
            let content = placeholder.dropFirst().dropLast()
            return content.isEmpty ? "\"$1\"" : "\"${1:\(content)}\""
        default:
            switch spec {
            case .object, .script, .freeObject: return "{$1}"
            case .array: return "[$1]"
            default: return "${1:\(placeholder)}"
            }
        }
    }


    /// Whether a member typed at `offset` needs a comma: another member follows.
    private static func needsComma(after offset: Int, in tree: SyntaxTree) -> Bool {
        tree.neighbour(of: offset, forward: true) == UInt8(ascii: "\"")
    }

    // MARK: Values

    private static func valueItems(_ spec: ValueSpec, replacing range: TextRange, arrayOf array: SyntaxNode? = nil,
                                   in focus: FocusedTree? = nil) -> [CompletionItem] {
        switch spec {
        case .string(let rule):
            var allowed = rule.allowed ?? []
            if let array, let focus, case .array = SpecLocator.valueSpec(of: array, in: focus) {
                // A list of enum values: each once.
                let present = Set(array.elements.compactMap(\.stringValue))
                allowed = allowed.filter { !present.contains($0.value) }
            }
            return allowed.map { value in
                CompletionItem(label: value.value, kind: .value, documentation: value.doc.isEmpty ? nil : value.doc,
                               range: range, newText: value.value.jsonQuoted)
            }
        case .constant(let value):
            return [CompletionItem(label: value.jsonQuoted, kind: .value, range: range, newText: value.jsonQuoted)]
        case .boolean:
            return ["true", "false"].map { CompletionItem(label: $0, kind: .value, range: range, newText: $0) }
        case .nullable(let inner):
            return valueItems(inner, replacing: range, arrayOf: array, in: focus)
                + [CompletionItem(label: "null", kind: .value, range: range, newText: "null")]
        case .oneOf(let alternatives):
            return alternatives.flatMap { valueItems($0, replacing: range, arrayOf: array, in: focus) }
        default:
            return []
        }
    }

    /// A string element of an array of enum values (`tool_ids`, `tools`).
    private static func arrayElementItems(_ node: SyntaxNode, in focus: FocusedTree) -> [CompletionItem] {
        guard let array = node.parent, array.kind == .array, let spec = SpecLocator.valueSpec(of: array, in: focus),
              case .array(let rule) = spec else { return [] }
        return valueItems(rule.items, replacing: node.range, arrayOf: array, in: focus)
    }
}
