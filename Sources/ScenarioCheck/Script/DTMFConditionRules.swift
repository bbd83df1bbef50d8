import JSONSyntax
import ScenarioModel

/// Conditions about keys the main agent presses (scenario-format.md §5.4):
/// the simulated caller sees those digits only when the script has an `<ivr>`
/// tag or the caller has the Receive DTMF tool; otherwise such a condition
/// can never fire on a key press. A hint.
enum DTMFConditionRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        let mentioning = parts.conditions.compactMap { condition -> SyntaxNode? in
            guard !condition.isFirst, !condition.isFollowup, let node = condition.conditionNode,
                  let text = node.stringValue, mentionsKeyPress(text) else { return nil }
            return node
        }
        guard !mentioning.isEmpty, !parts.hasTag("ivr"), !parts.callerHasTool(["receive_dtmf"]) else { return [] }
        return mentioning.map { node in
            Diagnostic(.dtmfConditionUnobservable, .hint,
                "the caller sees the digits the main agent presses only when the script has an <ivr> tag or the caller has the Receive DTMF tool (`receive_dtmf`); with neither, this condition cannot fire on a key press",
                node.range)
        }
    }

    /// "The main agent pressed 1", "Main Agent sent DTMF: 0": DTMF named, or a
    /// key pressed in the past or present tense (not "asks you to press").
    static func mentionsKeyPress(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return words.contains { $0 == "dtmf" || $0 == "pressed" || $0 == "presses" }
    }
}
