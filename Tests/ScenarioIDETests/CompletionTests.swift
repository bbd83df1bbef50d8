import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Completion of keys and values, with the cursor at `$0`.
struct CompletionTests {
    @Test func rootKeysNotYetPresent() {
        let fixture = CursorFixture(#"{"version": "1", $0}"#)
        let labels = fixture.completions.map(\.label)
        #expect(labels.contains("scenarios"))
        #expect(labels.contains("defaults"))
        #expect(!labels.contains("version"), "already present")
        #expect(fixture.accepting("scenarios") == #"{"version": "1", "scenarios": []}"#)
    }

    @Test func keyTypedHalfWayIsReplacedWhole() {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "instr$0"}]}"#)
        #expect(fixture.accepting("instructions") == #"{"version": "1", "scenarios": [{"name": "a", "instructions": ""}]}"#)
        #expect(!fixture.completions.map(\.label).contains("name"))
    }

    @Test func keyWithValueKeepsTheValue() {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"nam$0": "a"}]}"#)
        #expect(fixture.accepting("name") == #"{"version": "1", "scenarios": [{"name": "a"}]}"#)
    }

    @Test func commaWhenAMemberFollows() {
        let fixture = CursorFixture("{\"version\": \"1\",\n  $0\n  \"scenarios\": []}")
        #expect(fixture.accepting("suite") == "{\"version\": \"1\",\n  \"suite\": {},\n  \"scenarios\": []}")
    }

    @Test func enumValuesOfACaseType() {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "type": "$0"}]}"#)
        #expect(Set(fixture.completions.map(\.label)).isSuperset(of: ["instruction", "conditional_actions"]))
        #expect(fixture.accepting("conditional_actions") == #"{"version": "1", "scenarios": [{"name": "a", "type": "conditional_actions"}]}"#)
    }

    @Test func valueAfterColonAndConstantVersion() {
        let fixture = CursorFixture(#"{"version": $0}"#)
        #expect(fixture.completions.map(\.label) == [#""1""#])
    }

    @Test func scriptInsideASuiteCaseCompletesConditionFields() {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [{"id": 0, "type": "$0"}]}}]}"#)
        #expect(Set(fixture.completions.map(\.label)) == ["standard", "action_followup"])
        let keys = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "conditional_actions": {"conditions": [{"id": 0, $0}]}}]}"#)
        #expect(Set(keys.completions.map(\.label)).isSuperset(of: ["condition", "action", "type", "fixed_message"]))
        #expect(!keys.completions.map(\.label).contains("id"))
    }

    @Test func listOfToolsOffersEachToolOnce() throws {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "tools": ["end_call", $0]}]}"#)
        let labels = fixture.completions.map(\.label)
        #expect(!labels.isEmpty)
        #expect(!labels.contains("end_call"))
    }

    @Test func halfTypedDocumentStillCompletes() {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "$0"#)
        #expect(fixture.completions.map(\.label).contains("instructions"))
    }

    @Test func evaluatorFieldsAndNothingInUnknownFiles() {
        let evaluator = CursorFixture(#"{"name": "Refund", "scenario_type": "$0"}"#, fileName: "refund.evaluator.json")
        #expect(evaluator.completions.map(\.label).contains("conditional_actions"))
        let other = CursorFixture(#"{"name": "web", $0}"#, fileName: "package.json")
        #expect(other.completions.isEmpty)
    }

    @Test func snippetTextBecomesPlainForClientsWithoutSnippets() {
        let item = CompletionItem(label: "x", kind: .property, range: TextRange(0, 0), newText: #""a": "${1:b\}c}" $0 \$5"#, isSnippet: true)
        #expect(item.plainText == #""a": "b}c"  $5"#)
    }
}

/// What editors filter on: the text from the start of the edit's range.
struct CompletionFilterTests {
    @Test func aQuotedKeyOrValueFiltersOnItsQuotedLabel() throws {
        let key = try #require(CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "instr$0"}]}"#).completions.first { $0.label == "instructions" })
        #expect(key.filterText == #""instructions""#)
        let value = try #require(CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "type": "inst$0"}]}"#).completions.first { $0.label == "instruction" })
        #expect(value.filterText == #""instruction""#)
    }

    @Test func anInsertionAtTheCursorNeedsNoFilter() throws {
        let key = try #require(CursorFixture(#"{"version": "1", $0}"#).completions.first { $0.label == "scenarios" })
        #expect(key.filterText == nil)
    }
}
