import JSONSyntax
import ScenarioModel

/// A conditional-actions script, wherever it stands (scenario-format.md §5).
/// Ranges are in the script's own tree; `FileCheck` maps those of a script
/// written as a JSON string back into the file.
enum ScriptRules {
    static func check(_ occurrence: ScriptOccurrence) -> [Diagnostic] {
        let parts = ScriptParts(occurrence)
        return ScriptShapeRules.check(parts)
            + FirstMessageRules.check(parts)
            + ConditionRules.check(parts)
            + ConditionIDRules.check(parts)
            + FollowupRules.check(parts)
            + ConditionExpressionRules.check(parts)
            + ScriptAdviceRules.check(parts)
            + FunctionRules.check(parts)
            + ResponseMappingRules.check(parts)
            + ActionRules.check(parts)
    }
}
