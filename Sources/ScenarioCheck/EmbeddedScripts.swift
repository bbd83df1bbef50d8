import JSONSyntax
import ScenarioModel

extension Embedding {
    /// A diagnostic about the inner document, moved into the outer one: every
    /// range mapped through the string's escapes, and every fix's text escaped
    /// for the string it lands in.
    func outer(_ diagnostic: Diagnostic) -> Diagnostic {
        var mapped = diagnostic
        mapped.range = outerRange(diagnostic.range)
        mapped.related = diagnostic.related.map { RelatedLocation(range: outerRange($0.range), message: $0.message) }
        mapped.fixes = diagnostic.fixes.map { fix in
            Fix(title: fix.title, edits: fix.edits.map { edit in
                TextEdit(range: outerRange(edit.range), newText: edit.newText.jsonStringContent)
            })
        }
        return mapped
    }
}

/// The script of a `conditional_actions` evaluator written as a JSON string in
/// `instructions` (scenario-format.md §5.7: rules E7 and E9).
enum EmbeddedScriptRules {
    static func check(_ evaluator: EvaluatorView) -> [Diagnostic] {
        guard evaluator.scenarioType == "conditional_actions", !evaluator.has("conditional_actions"),
              let member = evaluator.member("instructions"), let string = member.value, string.kind == .string,
              !(string.stringValue ?? "").allSatisfy(\.isWhitespace) else { return [] }
        let embedding = Embedding(string: string)
        guard let root = embedding.tree.root, root.kind == .object else {
            return [Diagnostic(.instructionsNotScriptJSON, .error,
                "with `scenario_type: \"conditional_actions\"`, `instructions` must hold the script as JSON, `{\"role\": …, \"conditions\": […]}`; this is not a JSON object",
                string.range)]
        }
        var diagnostics = embedding.tree.diagnostics.filter { $0.severity == .error }.map { inner in
            var diagnostic = embedding.outer(inner)
            diagnostic.code = RuleCode.instructionsNotScriptJSON.rawValue
            diagnostic.message = "the script in `instructions` is not valid JSON: \(inner.message)"
            return diagnostic
        }
        if diagnostics.isEmpty, !evaluator.isSavedResponse, let key = member.key {
            diagnostics.append(Diagnostic(.scriptAsString, .hint,
                "the script is a JSON string in `instructions`; Cekura recommends the structured `conditional_actions` field for new integrations",
                key.range, fixes: [Fix(title: "Move the script into `conditional_actions`", edits: [
                    TextEdit(range: member.range, newText: "\"conditional_actions\": " + embedding.decoded.value),
                ])]))
        }
        return diagnostics
    }
}
