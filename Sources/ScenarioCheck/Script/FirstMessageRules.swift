import JSONSyntax
import ScenarioModel

/// The opening condition (scenario-format.md §5.4 C3–C5, C11): the first
/// element is `{"id": 0, "condition": "FIRST_MESSAGE", "fixed_message": true}`,
/// and `FIRST_MESSAGE` appears nowhere else. A missing field is
/// `condition-field-missing`'s; a value of the wrong type is the shape's.
enum FirstMessageRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let first = parts.conditions.first, first.isFirst {
            diagnostics += checkOpening(first, parts)
        }
        for condition in parts.conditions where !condition.isFirst {
            guard let value = condition.conditionNode, value.stringEquals(ScriptSpecs.firstMessage) else { continue }
            diagnostics.append(Diagnostic(.firstMessageMisplaced, .warning,
                "\"FIRST_MESSAGE\" belongs to the first condition only (the caller's opening turn); here it is \(ScriptParts.name(condition)), at position \(condition.index + 1)",
                value.range))
        }
        return diagnostics
    }

    private static func checkOpening(_ first: ConditionView, _ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let value = first.conditionNode, value.stringValue != ScriptSpecs.firstMessage {
            let found = value.stringValue == ""
                ? "an empty string is the old form, which the API now rejects"
                : "found \(value.valueDescription)"
            diagnostics.append(Diagnostic(.firstMessageCondition, .error,
                "the first condition's `condition` must be \"FIRST_MESSAGE\" (the caller's opening turn); \(found)",
                value.range, fixes: [Fix(title: "Write \"FIRST_MESSAGE\"",
                    edits: [TextEdit(range: value.range, newText: ScriptSpecs.firstMessage.jsonQuoted)])]))
        }
        if let id = first.idNode, let value = id.intValue, value != 0 {
            // Renumbering keeps the ids in step and carries the followups along;
            // without it, 0 alone, unless another condition already has it.
            var fixes: [Fix] = []
            if let renumbering = ConditionIDRules.renumbering(parts) {
                fixes.append(renumbering)
            } else if !parts.conditions.contains(where: { $0.index != first.index && $0.lenientID == 0 }) {
                fixes.append(Fix(title: "Write 0", edits: [TextEdit(range: id.range, newText: "0")]))
            }
            diagnostics.append(Diagnostic(.firstMessageID, .error,
                "the first condition's `id` must be 0; found \(id.text)", id.range, fixes: fixes))
        }
        if let fixed = first.fixedMessageNode, fixed.kind == .false {
            diagnostics.append(Diagnostic(.firstMessageNotFixed, .error,
                "the first condition must have `fixed_message: true`: its action is the caller's opening line, spoken as written",
                fixed.range, fixes: [Fix(title: "Write true", edits: [TextEdit(range: fixed.range, newText: "true")])]))
        }
        return diagnostics
    }
}
