import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// Hover on a followup's `condition` id: the condition it follows.
enum ConditionHover {
    static func info(in focus: FocusedTree) -> HoverInfo? {
        guard case .value(let node) = focus.tree.location(at: focus.offset), let id = node.intValue,
              let member = node.parent, member.kind == .member, member.value == node, member.keyName == "condition",
              let object = member.parent, let occurrence = focus.script(containing: object) else { return nil }
        let conditions = occurrence.script.conditions
        guard let follower = conditions.first(where: { $0.node == object }) else { return nil }
        let markdown = ConditionalActionsView.target(of: id, from: follower, among: conditions).map { target in
            "Follows condition `\(id)`: it fires on the caller's next turn after that one has run.\n\n" + summary(of: target)
        } ?? "No condition has the id `\(id)`."
        return HoverInfo(markdown: markdown, range: focus.outer(node.range))
    }

    /// A condition in a few lines of Markdown: when it fires and what the caller does.
    static func summary(of condition: ConditionView) -> String {
        var lines = ["**Condition `\(condition.lenientID.map(String.init) ?? "?")`**" + (condition.type.map { " (`\($0)`)" } ?? "")]
        if let trigger = condition.conditionNode {
            lines.append("When: " + (trigger.intValue.map { "the caller's next turn after condition `\($0)`" }
                ?? codeSpan(shown(trigger.stringValue ?? trigger.text, limit: 160))))
        }
        if let action = condition.action {
            lines.append((condition.fixedMessage == true ? "Says: " : "Does: ") + codeSpan(shown(action, limit: 240)))
        }
        return lines.joined(separator: "\n\n")
    }
}

/// Text as a Markdown code span, whatever backticks it holds.
func codeSpan(_ text: String) -> String {
    guard !text.isEmpty else { return "*(empty)*" }
    return text.contains("`") ? "`` \(text) ``" : "`\(text)`"
}
