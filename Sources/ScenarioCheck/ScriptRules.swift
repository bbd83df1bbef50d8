import JSONSyntax
import ScenarioModel

/// A conditional-actions script, wherever it stands (scenario-format.md §5).
/// Ranges are in the script's own tree; `FileCheck` maps those of a script
/// written as a JSON string back into the file.
enum ScriptRules {
    /// Without `actionLanguage`, actions are not parsed as the tag language and
    /// the tag rules do not run: the bench's baseline for what the layer adds.
    static func check(_ occurrence: ScriptOccurrence, actionLanguage: Bool = true) -> [Diagnostic] {
        let parts = ScriptParts(occurrence, parsingActions: actionLanguage)
        let actions = actionLanguage ? ActionRules.check(parts) : []
        return ScriptShapeRules.check(parts)
            + FirstMessageRules.check(parts)
            + ConditionRules.check(parts)
            + ConditionIDRules.check(parts)
            + FollowupRules.check(parts)
            + ConditionExpressionRules.check(parts)
            + ScriptAdviceRules.check(parts)
            + DTMFConditionRules.check(parts)
            + FunctionRules.check(parts)
            + ResponseMappingRules.check(parts)
            + actions
    }
}
