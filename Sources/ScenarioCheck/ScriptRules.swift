import JSONSyntax
import ScenarioModel

/// A conditional-actions script, wherever it stands (scenario-format.md §5).
/// Ranges are in the script's own tree; `FileCheck` maps those of a script
/// written as a JSON string back into the file.
enum ScriptRules {
    static func check(_ occurrence: ScriptOccurrence) -> [Diagnostic] {
        var validator = SpecValidator()
        validator.validateObject(occurrence.script.node, ScriptSpecs.conditionalActions)
        return validator.diagnostics
    }
}
