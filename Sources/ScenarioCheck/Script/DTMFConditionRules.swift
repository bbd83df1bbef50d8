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
                  node.withStringBytes(mayMentionKeyPress) == true, let text = node.stringValue, mentionsKeyPress(text) else { return nil }
            return node
        }
        guard !mentioning.isEmpty, !parts.hasTag("ivr"), !parts.callerHasTool(["receive_dtmf"]) else { return [] }
        return mentioning.map { node in
            Diagnostic(.dtmfConditionUnobservable, .hint,
                "the caller sees the digits the main agent presses only when the script has an <ivr> tag or the caller has the Receive DTMF tool (`receive_dtmf`); with neither, this condition cannot fire on a key press",
                node.range)
        }
    }

    /// Whether the text holds "dtmf" or "presse" in any case, as bytes: a word
    /// `mentionsKeyPress` looks for holds one of them, and no other character
    /// lower-cases to these ASCII letters. Every condition of every script is
    /// read, and splitting it into words of characters is slow.
    static func mayMentionKeyPress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func holds(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            return (0...(bytes.count - count)).contains { start in
                (0..<count).allSatisfy { bytes[start + $0] | 0x20 == word.utf8Start[$0] }
            }
        }
        return holds("dtmf") || holds("presse")
    }

    /// "The main agent pressed 1", "Main Agent sent DTMF: 0": DTMF named, or a
    /// key pressed in the past or present tense (not "asks you to press").
    static func mentionsKeyPress(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return words.contains { $0 == "dtmf" || $0 == "pressed" || $0 == "presses" }
    }
}
