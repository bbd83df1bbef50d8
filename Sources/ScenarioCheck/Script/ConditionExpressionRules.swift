import JSONSyntax
import ScenarioModel

/// `contains "…"` conditions (scenario-format.md §5.4.2): text that starts
/// with `contains` but does not parse is matched as natural language, and
/// mixing `OR` with `AND` has no documented precedence. Ranges point inside
/// the condition string, through its escapes.
enum ConditionExpressionRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The opening condition and followups have rules of their own for a
        // `condition` that is not theirs.
        for condition in parts.conditions where !condition.isFirst && !condition.isFollowup {
            guard let value = condition.conditionNode, let expression = condition.expression else { continue }
            switch expression {
            case .malformedContains(let problem):
                diagnostics.append(Diagnostic(.containsMalformed, .warning,
                    "\(problem.message); the condition is not read as a `contains` test but as natural language",
                    value.sourceRange(ofValueBytes: problem.range)))
            case .contains(let contains) where contains.mixesOperators:
                let first = contains.junctions[0].op
                guard let mixing = contains.junctions.first(where: { $0.op != first }) else { continue }
                diagnostics.append(Diagnostic(.containsMixedOperators, .warning,
                    "this condition mixes \(first.rawValue) and \(mixing.op.rawValue), and which of them binds tighter is not documented; use one kind of operator, or split the condition in two",
                    value.sourceRange(ofValueBytes: mixing.range)))
            default:
                break
            }
        }
        return diagnostics
    }
}
