import JSONSyntax
@testable import ScenarioIDE
import Testing

/// The outline of each file kind, with names, kinds and ranges.
struct DocumentSymbolTests {
    static let suite = """
        {"suite": {"name": "Refunds"}, "version": "1", "scenarios": [
          {"name": "Late parcel", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [
            {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true},
            {"id": 1, "condition": "The agent asks for your name", "action": "Sam", "type": "standard", "fixed_message": true},
            {"id": 2, "condition": 1, "action": "Spell it", "type": "action_followup", "fixed_message": false},
            {"condition": "The agent says goodbye", "action": "Bye <endcall />"}],
           "functions": [{"name": "lookup", "type": "rest_api", "config": {"url": "https://x.example/a"}}, 3, {"type": "rest_api"}]}},
          {"instructions": "Ask for a refund"}]}
        """

    static func outline(_ fixture: CursorFixture) -> [OutlineSymbol] {
        let symbols = DocumentSymbols.outline(of: fixture.document)
        expectSelectionsInside(symbols)
        return symbols
    }

    /// Every selection range lies in its symbol's range, and every child in its parent's.
    static func expectSelectionsInside(_ symbols: [OutlineSymbol], parent: TextRange? = nil) {
        for symbol in symbols {
            #expect(symbol.range.contains(symbol.selectionRange), "\(symbol.name)")
            if let parent { #expect(parent.contains(symbol.range), "\(symbol.name)") }
            #expect(!symbol.name.isEmpty)
            expectSelectionsInside(symbol.children, parent: symbol.range)
        }
    }

    @Test func suiteCasesConditionsAndFunctions() throws {
        let fixture = CursorFixture(Self.suite)
        let symbols = Self.outline(fixture)
        let suite = try #require(symbols.only)
        #expect(suite.name == "Refunds" && suite.kind == .suite && suite.detail == "2 cases")
        #expect(fixture.covered(suite.selectionRange) == #""Refunds""#)
        #expect(suite.children.map(\.name) == ["Late parcel", "scenarios[1]"])
        #expect(suite.children.map(\.kind) == [.testCase, .testCase])
        #expect(fixture.covered(suite.children[1].selectionRange) == "{", "an unnamed case is selected at its brace")
        let script = suite.children[0].children
        #expect(script.map(\.name) == ["#0: FIRST_MESSAGE", "#1: The agent asks for your name", "#2 → #1",
                                       "conditions[3]: The agent says goodbye", "lookup", "functions[2]"])
        #expect(script.map(\.kind) == [.condition, .condition, .condition, .condition, .function, .function])
        #expect(script[2].detail == "Spell it")
        #expect(fixture.covered(script[1].range).hasPrefix(#"{"id": 1, "condition""#))
        #expect(fixture.covered(script[1].selectionRange) == "1")
        #expect(fixture.covered(script[4].selectionRange) == #""lookup""#)
        #expect(script[4].detail == "https://x.example/a")
        #expect(suite.children[1].children.isEmpty)
    }

    @Test func longConditionTextIsShortened() throws {
        let text = String(repeating: "The agent explains the refund policy ", count: 4)
        let fixture = CursorFixture(#"{"role": "r", "conditions": [{"id": 1, "condition": "\#(text)"}]}"#, fileName: "flow.cekura.json")
        let name = try #require(Self.outline(fixture).only?.name)
        #expect(name.hasPrefix("#1: The agent explains") && name.hasSuffix("…"))
        #expect(name.count == "#1: ".count + 60)
    }

    @Test func evaluatorWithItsScriptInInstructionsMapsRangesBack() throws {
        let fixture = CursorFixture(#"{"name": "Reschedule", "scenario_type": "conditional_actions", "instructions": "{\"role\": \"r\", \"conditions\": [{\"id\": 0, \"condition\": \"FIRST_MESSAGE\", \"action\": \"Hi\"}, {\"id\": 1, \"condition\": 0, \"type\": \"action_followup\"}]}"}"#,
                                    fileName: "reschedule.evaluator.json")
        let evaluator = try #require(Self.outline(fixture).only)
        #expect(evaluator.name == "Reschedule" && evaluator.kind == .evaluator && evaluator.detail == "conditional_actions")
        #expect(fixture.covered(evaluator.selectionRange) == #""Reschedule""#)
        #expect(evaluator.children.map(\.name) == ["#0: FIRST_MESSAGE", "#1 → #0"])
        #expect(fixture.covered(evaluator.children[0].range) == #"{\"id\": 0, \"condition\": \"FIRST_MESSAGE\", \"action\": \"Hi\"}"#)
        #expect(fixture.covered(evaluator.children[1].selectionRange) == "1")
    }

    @Test func evaluatorWithAStructuredScript() throws {
        let fixture = CursorFixture(#"{"name": "Refund", "scenario_type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE"}]}}"#,
                                    fileName: "refund.evaluator.json")
        let evaluator = try #require(Self.outline(fixture).only)
        #expect(evaluator.children.map(\.name) == ["#0: FIRST_MESSAGE"])
        #expect(fixture.covered(evaluator.children[0].range) == #"{"id": 0, "condition": "FIRST_MESSAGE"}"#)
    }

    @Test func standaloneScriptListsItsConditionsAtTheTop() {
        let fixture = CursorFixture(#"{"role": "r", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE"}, {"id": 1, "condition": "   "}], "functions": [{"name": "parcel"}]}"#,
                                    fileName: "flow.cekura.json")
        #expect(Self.outline(fixture).map(\.name) == ["#0: FIRST_MESSAGE", "#1", "parcel"])
    }

    @Test func bulkUpdateFieldsAndTheEvaluatorsItNames() throws {
        let fixture = CursorFixture(#"{"scenarios": [101, {"id": 102, "tags": []}], "agent": 7, "append_instruction": "Be brief"}"#, fileName: "payload.json")
        let payload = try #require(Self.outline(fixture).only)
        #expect(payload.name == "bulk update" && payload.kind == .bulkUpdate && payload.detail == "2 evaluators")
        #expect(payload.children.map(\.name) == ["scenarios", "agent", "append_instruction"])
        #expect(payload.children.map(\.detail) == ["2 items", "7", #""Be brief""#])
        let evaluators = payload.children[0].children
        #expect(evaluators.map(\.name) == ["evaluator 101", "evaluator 102"])
        #expect(evaluators.map(\.kind) == [.evaluatorReference, .evaluatorReference])
        #expect(fixture.covered(evaluators[1].selectionRange) == "102")
    }

    @Test func halfTypedDocumentStillHasAnOutline() throws {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "conditional_actions": {"conditions": [{"id": 0, "condition": "FIRST_MESSAGE"}, {"id": 1, "condi"#)
        let suite = try #require(Self.outline(fixture).only)
        #expect(suite.name == "test suite")
        #expect(suite.children.first?.children.map(\.name) == ["#0: FIRST_MESSAGE", "#1"])
    }

    @Test func otherFilesHaveNoOutline() {
        #expect(DocumentSymbols.outline(of: CursorFixture(#"{"name": "web", "scripts": {}}"#, fileName: "package.json").document).isEmpty)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
