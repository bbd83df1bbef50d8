import JSONSyntax
import ScenarioModel

/// Each condition's own fields (scenario-format.md §5.3–§5.4): C6 missing
/// fields, C7 the id's type, C9 empty actions, C10 the type's value, C16
/// empty conditions.
enum ConditionRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (position, condition) in parts.conditions.enumerated() {
            diagnostics += checkMissingFields(condition, parts)
            diagnostics += checkID(condition)
            diagnostics += checkType(condition)
            guard !condition.isFirst else { continue }
            if let action = condition.actionNode, parts.actionIsBlank(at: position) == true {
                diagnostics.append(Diagnostic(.actionEmpty, .error,
                    "this action is empty, so the caller would have nothing to say when the condition fires; only the opening condition may have an empty action (when the main agent speaks first)",
                    action.range))
            }
            if !condition.isFollowup, let value = condition.conditionNode, value.isBlankString == true {
                diagnostics.append(Diagnostic(.conditionEmpty, .warning,
                    "this condition is empty; describe what the main agent says or does that should trigger the action, like \"The agent asks for your date of birth\"",
                    value.range))
            }
        }
        return diagnostics
    }

    /// C6: every condition needs all five fields; none has a default.
    private static func checkMissingFields(_ condition: ConditionView, _ parts: ScriptParts) -> [Diagnostic] {
        let missing = condition.missingFields
        guard !missing.isEmpty else { return [] }
        let members = missing.map { (key: $0, value: insertedValue(for: $0, in: condition, parts)) }
        let list = missing.map { "`\($0)`" }.joined(separator: missing.count == 2 ? " and " : ", ")
        let message = missing.count == 1
            ? "this condition has no \(list); a condition needs `id`, `condition`, `action`, `type` and `fixed_message`, and none of them has a default"
            : "this condition lacks \(list); a condition needs `id`, `condition`, `action`, `type` and `fixed_message`, and none of them has a default"
        return [Diagnostic(.conditionFieldMissing, .error, message, condition.node.anchorRange,
            fixes: [Fix(title: "Add " + list, edits: [MemberEdits.insert(members, into: condition.node)])])]
    }

    /// The value a fix gives a missing field: what the rest of the condition implies.
    private static func insertedValue(for field: String, in condition: ConditionView, _ parts: ScriptParts) -> String {
        switch field {
        case "id":
            if condition.isFirst { return "0" }
            let used = Set(parts.conditions.compactMap(\.id))
            return String(used.contains(condition.index) ? (used.max() ?? 0) + 1 : condition.index)
        case "condition":
            if condition.isFirst { return ScriptSpecs.firstMessage.jsonQuoted }
            if condition.isFollowup, let previous = parts.conditions.last(where: { $0.index < condition.index })?.id {
                return String(previous)
            }
            return "\"\""
        case "action":
            return "\"\""
        case "type":
            return condition.reference != nil && !condition.isFirst ? "\"action_followup\"" : "\"standard\""
        default:
            return condition.isFirst || hasMarkup(condition.action ?? "") ? "true" : "false"
        }
    }

    /// Whether an action holds a tag (`<` then a letter or `/`) or a function
    /// placeholder, which only a fixed message speaks as meant.
    static func hasMarkup(_ action: String) -> Bool {
        let bytes = Array(action.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "<") && index + 1 < bytes.count {
            let next = bytes[index + 1] | 0x20
            if (next >= 0x61 && next <= 0x7A) || bytes[index + 1] == UInt8(ascii: "/") { return true }
        }
        return action.contains("{{function.")
    }

    /// C7: a whole number; a numeric string gets a fix, a negative id a warning.
    private static func checkID(_ condition: ConditionView) -> [Diagnostic] {
        guard let id = condition.idNode, id.kind != .error else { return [] }
        if let value = id.intValue {
            guard value < 0 else { return [] }
            return [Diagnostic(.conditionIDType, .warning,
                "condition ids are whole numbers from 0 up; negative ids are not documented. Found \(id.text)", id.range)]
        }
        var fixes: [Fix] = []
        if let text = id.stringValue, let number = Int(text) {
            fixes.append(Fix(title: "Write the number \(number)", edits: [TextEdit(range: id.range, newText: String(number))]))
        }
        return [Diagnostic(.conditionIDType, .error,
            "a condition's `id` must be a whole number, like 1; found \(id.valueDescription)", id.range, fixes: fixes)]
    }

    /// C10: `standard` or `action_followup`; the stale `say` and `do` explained.
    private static func checkType(_ condition: ConditionView) -> [Diagnostic] {
        // Compared as bytes first: nearly every type is allowed.
        guard let type = condition.typeNode, !ScriptSpecs.conditionTypes.contains(where: { type.stringEquals($0.value) }),
              let value = type.stringValue else { return [] }
        let allowed = ScriptSpecs.conditionTypes.map(\.value)
        let implied = condition.reference != nil && !condition.isFirst ? "action_followup" : "standard"
        if ScriptSpecs.staleConditionTypes.contains(value) {
            return [Diagnostic(.enumMismatch, .error,
                "`type` \"\(value)\" comes from outdated examples and the API refuses it; a condition's `type` is \"standard\" or \"action_followup\" (whether the action is spoken word for word is `fixed_message`)",
                type.range, fixes: [Fix(title: "Write \"\(implied)\"", edits: [TextEdit(range: type.range, newText: implied.jsonQuoted)])])]
        }
        var message = "`type` must be \"standard\" or \"action_followup\"; found \"\(value)\""
        var fixes: [Fix] = []
        if let suggestion = closestMatch(to: value, among: allowed) {
            message += " (did you mean \"\(suggestion)\"?)"
            fixes.append(Fix(title: "Write \"\(suggestion)\"", edits: [TextEdit(range: type.range, newText: suggestion.jsonQuoted)]))
        }
        return [Diagnostic(.enumMismatch, .error, message, type.range, fixes: fixes)]
    }
}
