import JSONSyntax
import ScenarioModel

/// The script's shape (scenario-format.md §5.2–§5.5): types and unknown keys
/// of the script, its conditions and functions, through the spec validator;
/// `role` (C1) and `conditions` (C2) themselves. Fields with rules of their
/// own (a condition's `id`, missing condition fields, a function's `name`,
/// `type` and `url`) are left to those rules.
enum ScriptShapeRules {
    static let condition = ScriptSpecs.condition.leavingToRules(["id": .anyValue, "type": .string])
    static let functionConfig = ScriptSpecs.functionConfig.leavingToRules([:])
    static let function = ScriptSpecs.function.leavingToRules(["type": .anyValue, "config": .object(functionConfig)])
    static let script = ScriptSpecs.conditionalActions.leavingToRules([
        "conditions": .anyValue,
        "functions": .array(ArrayRule(items: .object(function))),
    ], keeping: ["role"])

    /// The opening condition, as fixes insert it.
    static let firstCondition = #"{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}"#

    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        let node = parts.script.node
        var validator = SpecValidator()
        validator.validateObject(node, script)
        if let conditions = parts.script.conditionsArray {
            validator.validate(conditions, against: .array(ArrayRule(items: .object(condition))))
        }
        var diagnostics = validator.diagnostics
        if let role = parts.script.value("role"), role.isBlankString == true {
            diagnostics.append(Diagnostic(.roleEmpty, .warning,
                "`role` is empty; it tells the simulated caller who to be, like \"You are a patient who needs to move an appointment\"",
                role.range))
        }
        diagnostics += checkConditions(parts)
        return diagnostics
    }

    /// C2: a script needs a non-empty `conditions` array.
    private static func checkConditions(_ parts: ScriptParts) -> [Diagnostic] {
        let node = parts.script.node
        guard let conditions = parts.script.value("conditions") else {
            return [Diagnostic(.conditionsMissing, .error,
                "this script has no `conditions`; it needs at least the opening condition, {\"id\": 0, \"condition\": \"FIRST_MESSAGE\", …}",
                node.anchorRange, fixes: [Fix(title: "Add `conditions` with the opening condition",
                    edits: [MemberEdits.insert(key: "conditions", value: "[" + firstCondition + "]", into: node)])])]
        }
        switch conditions.kind {
        case .array where conditions.elementCount == 0:
            return [Diagnostic(.conditionsMissing, .error,
                "`conditions` is empty; a script needs at least the opening condition, {\"id\": 0, \"condition\": \"FIRST_MESSAGE\", …}",
                conditions.range, fixes: [Fix(title: "Add the opening condition",
                    edits: [TextEdit(range: conditions.range, newText: "[" + firstCondition + "]")])])]
        case .array, .error:
            return []
        default:
            return [Diagnostic(.conditionsMissing, .error,
                "`conditions` must be an array of conditions; found \(conditions.valueDescription)", conditions.range)]
        }
    }
}
