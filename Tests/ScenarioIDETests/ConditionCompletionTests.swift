import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Whole conditions in `conditions`, and the ids a followup names.
struct ConditionCompletionTests {
    typealias S = ScriptFixtures

    static let first = #"{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true}"#
    static let second = #"{"id": 1, "condition": "The agent asks for the order", "action": "It is 42", "type": "standard", "fixed_message": true}"#

    static func script(_ conditions: String) -> String { #"{"role": "r", "conditions": [\#(conditions)]}"# }

    @Test func anEmptyArrayStartsWithTheFirstMessage() throws {
        let fixture = CursorFixture(Self.script("$0"), fileName: S.scriptFile)
        #expect(fixture.completions.map(\.label) == ["FIRST_MESSAGE"])
        #expect(fixture.accepting("FIRST_MESSAGE") == Self.script(
            #"{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}"#))
    }

    @Test func aConditionWithTheNextIdAndAFollowupOfTheOneBefore() throws {
        let fixture = CursorFixture(Self.script(Self.first + ", " + Self.second + ", $0"), fileName: S.scriptFile)
        #expect(fixture.completions.map(\.label) == ["condition", "followup"])
        #expect(fixture.accepting("condition") == Self.script(Self.first + ", " + Self.second + ", " +
            #"{"id": 2, "condition": "", "action": "", "type": "standard", "fixed_message": false}"#))
        #expect(fixture.accepting("followup") == Self.script(Self.first + ", " + Self.second + ", " +
            #"{"id": 2, "condition": 1, "action": "", "type": "action_followup", "fixed_message": false}"#))
        let item = try #require(fixture.completions.first)
        #expect(item.isSnippet && item.newText.contains(#""condition": "$1", "action": "$2""#))
    }

    @Test func commasAroundWhenElementsNeedThem() {
        let between = CursorFixture(Self.script(Self.first + ", $0 " + Self.second), fileName: S.scriptFile)
        #expect(between.accepting("condition")?.contains(#""fixed_message": false}, {"id": 1"#) == true)
        let afterOne = CursorFixture(Self.script(Self.first + " $0"), fileName: S.scriptFile)
        #expect(afterOne.accepting("condition")?.contains(#"true} , {"id": 1"#) == true)
    }

    // MARK: A followup's target

    static func followup(_ value: String) -> String {
        Self.script(Self.first + ", " + Self.second + #", {"id": 2, "condition": \#(value), "action": "Thanks", "type": "action_followup", "fixed_message": true}"#)
    }

    @Test func theOtherConditionsIds() throws {
        let fixture = CursorFixture(Self.followup("$0"), fileName: S.scriptFile)
        #expect(fixture.completions.map(\.label) == ["0", "1"], "not itself")
        let item = try #require(fixture.completions.last)
        #expect(item.detail == "The agent asks for the order")
        #expect(item.documentation?.contains("It is 42") == true)
        #expect(fixture.accepting("1") == Self.followup("1"))
    }

    @Test func aStringOrAHalfTypedNumberIsReplacedByTheBareId() throws {
        let string = CursorFixture(Self.followup(#""$0""#), fileName: S.scriptFile)
        #expect(string.accepting("1") == Self.followup("1"))
        #expect(try #require(string.completions.last).filterText == #""1""#, "matched against the quote typed")
        #expect(CursorFixture(Self.followup("1$0"), fileName: S.scriptFile).accepting("0") == Self.followup("0"))
    }

    @Test func standardConditionsGetNoIds() {
        let text = Self.script(Self.first + #", {"id": 1, "condition": "$0", "type": "standard"}"#)
        #expect(CursorFixture(text, fileName: S.scriptFile).completions.isEmpty)
    }

    @Test func inASuiteCaseAndInsideInstructions() {
        let suite = #"{"version": "1", "scenarios": [{"name": "a", "conditional_actions": {"role": "r", "conditions": [$0]}}]}"#
        #expect(CursorFixture(suite).completions.map(\.label) == ["FIRST_MESSAGE"])
        let embedded = CursorFixture(S.evaluator(Self.followup("$0")), fileName: S.evaluatorFile)
        #expect(embedded.accepting("1") == S.evaluator(Self.followup("1")))
        let skeleton = CursorFixture(S.evaluator(Self.script("$0")), fileName: S.evaluatorFile)
        #expect(skeleton.accepting("FIRST_MESSAGE") == S.evaluator(Self.script(
            #"{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}"#)))
    }
}
