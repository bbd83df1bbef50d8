import JSONSyntax
import ScenarioModel

/// A conditional-actions file on its own. Its shape is checked here; the
/// script's own rules (conditions, followups, tags) are the next layer.
enum ScriptRules {
    static func check(_ script: ConditionalActionsView) -> [Diagnostic] {
        var validator = SpecValidator()
        validator.validateObject(script.node, ScriptSpecs.conditionalActions)
        return validator.diagnostics
    }
}
