import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Hints after followup ids naming the condition they follow.
struct InlayHintTests {
    static func script(_ conditions: String) -> String { #"{"role": "r", "conditions": [\#(conditions)]}"# }

    static func hints(_ text: String, fileName: String = "flow.cekura.json", within range: TextRange? = nil) -> (CursorFixture, [InlayHint]) {
        let fixture = CursorFixture(text, fileName: fileName)
        return (fixture, InlayHints.hints(in: fixture.document, within: range ?? TextRange(0, text.utf8.count)))
    }

    static let followups = script("""
        {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi"},
        {"id": 1, "condition": "The agent asks for your name and then, politely, for your date of birth", "action": "Sam, 1 May"},
        {"id": 2, "condition": 1, "type": "action_followup", "action": "Spell it"},
        {"id": 3, "condition": 2, "type": "action_followup", "action": "Done"},
        {"id": 4, "condition": 9, "type": "action_followup"},
        {"id": 5, "condition": 5, "type": "action_followup"}
        """)

    @Test func afterEachFollowupIdTheConditionItFollows() throws {
        let (fixture, hints) = Self.hints(Self.followups)
        #expect(hints.map(\.label) == ["→ #1 The agent asks for your name and then, …", "→ #2 → #1"])
        let first = try #require(hints.first)
        #expect(fixture.covered(TextRange(0, first.position)).hasSuffix(#""id": 2, "condition": 1"#))
        #expect(first.tooltip == "#1: The agent asks for your name and then, politely, for your date of birth\nAction: Sam, 1 May")
        #expect(hints[1].tooltip == "#2: followup → #1\nAction: Spell it")
    }

    @Test func onlyHintsInTheRequestedRange() {
        let start = Self.followups.utf8.count - Self.followups.split(separator: "\n").dropFirst(3).joined(separator: "\n").utf8.count
        let (_, hints) = Self.hints(Self.followups, within: TextRange(start, Self.followups.utf8.count))
        #expect(hints.map(\.label) == ["→ #2 → #1"])
    }

    @Test func scriptInInstructionsHintsAtTheOuterPosition() throws {
        let text = #"{"name": "R", "scenario_type": "conditional_actions", "instructions": "{\"role\": \"r\", \"conditions\": [{\"id\": 0, \"condition\": \"FIRST_MESSAGE 🎉\"}, {\"id\": 1, \"condition\": 0, \"type\": \"action_followup\"}]}"}"#
        let (fixture, hints) = Self.hints(text, fileName: "r.evaluator.json")
        let hint = try #require(hints.only)
        #expect(hint.label == "→ #0 FIRST_MESSAGE 🎉")
        #expect(fixture.covered(TextRange(0, hint.position)).hasSuffix(#"\"condition\": 0"#))
    }

    @Test func suiteCasesAndHalfTypedScripts() {
        let text = #"{"version": "1", "scenarios": [{"name": "a", "conditional_actions": {"conditions": [{"id": 0, "condition": "Hello"}, {"id": 1, "type": "action_followup", "condition": 0"#
        #expect(Self.hints(text, fileName: "cekura.tests.json").1.map(\.label) == ["→ #0 Hello"])
        // Another schema makes the same script a file the server leaves alone.
        let other = Self.followups.replacingOccurrences(of: #"{"role""#, with: #"{"$schema": "https://json.schemastore.org/package", "role""#)
        #expect(Self.hints(other).1.isEmpty)
    }
}
