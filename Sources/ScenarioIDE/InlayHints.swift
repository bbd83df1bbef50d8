import JSONSyntax
import ScenarioModel

/// A note the editor shows inside the text, at a byte offset.
public struct InlayHint: Sendable, Equatable {
    public var position: Int
    public var label: String
    /// Plain text, shown when the pointer rests on the hint.
    public var tooltip: String
}

/// After each followup's `condition` id, the condition it names, so a script
/// reads without looking ids up: `"condition": 1 → #1 The agent asks for your
/// name`. In every script, those inside `instructions` too. A followup whose
/// target does not exist gets none; the checker reports it.
public enum InlayHints {
    /// The hints whose positions lie in `range`.
    public static func hints(in document: ScenarioDocument, within range: TextRange) -> [InlayHint] {
        guard document.kind.kind != .unknown else { return [] }
        return document.scripts.flatMap { occurrence in
            let conditions = occurrence.script.conditions
            return conditions.compactMap { follower -> InlayHint? in
                guard follower.isFollowup, let reference = follower.conditionNode, let id = reference.intValue,
                      let target = ConditionalActionsView.target(of: id, from: follower, among: conditions) else { return nil }
                let position = occurrence.outer(TextRange.empty(at: reference.range.end)).start
                guard range.touches(position) else { return nil }
                let label = ["→", target.label, target.trigger(limit: 40)].compactMap { $0 }.joined(separator: " ")
                return InlayHint(position: position, label: label, tooltip: tooltip(target))
            }
        }
    }

    /// The condition in full, and its action.
    private static func tooltip(_ condition: ConditionView) -> String {
        let trigger = condition.isFollowup ? condition.trigger(limit: 40).map { "followup \($0)" } : condition.conditionNode?.stringValue
        return ["\(condition.label): \(trigger ?? "")", condition.action.map { "Action: \($0)" }].compactMap { $0 }.joined(separator: "\n")
    }
}
