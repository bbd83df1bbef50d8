import ScenarioCheck
import ScenarioModel

/// How the outline and the inlay hints name conditions and functions, on one
/// line, with texts shortened as the checker's messages quote them.
extension ConditionView {
    /// `#2`; the condition's place when its id is missing or not a whole number.
    var label: String { id.map { "#\($0)" } ?? "conditions[\(index)]" }

    /// What the condition waits for: `→ #1` for a followup of condition 1, else
    /// its text shortened to `limit` characters; nil when neither is written.
    func trigger(limit: Int) -> String? {
        if isFollowup, let target = reference { return "→ #\(target)" }
        guard let text = conditionNode?.stringValue, !text.allSatisfy(\.isWhitespace) else { return nil }
        return shown(text, limit: limit)
    }
}

extension FunctionView {
    /// The function's `name`; its place in `functions` when it has none.
    func label(at index: Int) -> String {
        guard let name, !name.allSatisfy(\.isWhitespace) else { return "functions[\(index)]" }
        return shown(name, limit: 64)
    }
}
