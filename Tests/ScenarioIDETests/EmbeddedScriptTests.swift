import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Completion and hover inside a script written as JSON in an evaluator's
/// `instructions`: read as the script, answered in the document's escapes.
struct EmbeddedScriptTests {
    static func evaluator(_ script: String) -> String {
        #"{"name": "Café ☕", "scenario_type": "conditional_actions", "instructions": "\#(script)"}"#
    }

    @Test func keyCompletionIsEscapedForTheString() {
        let fixture = CursorFixture(Self.evaluator(#"{\"role\": \"caller\", $0}"#), fileName: "refund.scenario.json")
        #expect(fixture.completions.map(\.label).contains("conditions"))
        #expect(!fixture.completions.map(\.label).contains("role"), "already present")
        #expect(fixture.accepting("conditions") == Self.evaluator(#"{\"role\": \"caller\", \"conditions\": []}"#))
    }

    @Test func snippetKeepsItsTabStopsAndEscapesItsText() throws {
        let fixture = CursorFixture(Self.evaluator(#"{\"role\": \"caller\", $0}"#), fileName: "refund.scenario.json")
        let item = try #require(fixture.completions.first { $0.label == "conditions" })
        #expect(item.isSnippet)
        #expect(item.newText == #"\"conditions\": [$1]"#.replacingOccurrences(of: #"\"#, with: #"\\"#))
    }

    @Test func valueCompletionReplacesTheEscapedString() {
        let fixture = CursorFixture(Self.evaluator(#"{\"role\": \"caller\", \"conditions\": [{\"type\": \"act$0\"}]}"#),
                                    fileName: "refund.scenario.json")
        #expect(fixture.accepting("action_followup")
            == Self.evaluator(#"{\"role\": \"caller\", \"conditions\": [{\"type\": \"action_followup\"}]}"#))
    }

    @Test func hoverRangeMapsBackThroughTheEscapes() throws {
        let fixture = CursorFixture(Self.evaluator(#"{\"ro$0le\": \"caller\"}"#), fileName: "refund.scenario.json")
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("**`role`**"))
        #expect(fixture.covered(hover.range) == #"\"role\""#)
    }

    @Test func instructionsOfAnInstructionScenarioAreProse() {
        let text = #"{"name": "a", "scenario_type": "instruction", "instructions": "{\"ro$0le\": 1}"}"#
        #expect(CursorFixture(text, fileName: "refund.scenario.json").hover == nil)
    }
}
