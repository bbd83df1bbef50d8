import JSONSyntax
import ScenarioModel
@testable import ScenarioIDE
import Testing

/// The target at the cursor, the spec it sends and the way back from the
/// API's paths to the document.
struct RunSpecTests {
    static let suite = #"{"version": "1", "suite": {"name": "N"}, "defaults": {"metrics": [5]}, "scenarios": [{"name": "A", "instructions": "a"}, "#
        + #"{"key": "b", "name": "🎉 B", "instructions": "b", "metrics": ["x", "y"], "personality": {"base": 3}}]}"#

    private func spec(_ marked: String, fileName: String = "cekura.tests.json") throws -> (CursorFixture, RunSpec) {
        let fixture = CursorFixture(marked, fileName: fileName)
        let target = try #require(RunTarget.at(fixture.offset, in: fixture.document))
        return (fixture, try RunSpec.make(target).get())
    }

    @Test func aCaseGoesAloneWithTheSuiteAroundIt() throws {
        let (fixture, spec) = try spec(Self.suite.replacingOccurrences(of: #""🎉 B""#, with: #""🎉$0 B""#))
        #expect(spec.spec == ["version": "1", "suite": ["name": "N"], "defaults": ["metrics": [5]], "scenarios": [[
            "key": "b", "name": "🎉 B", "instructions": "b", "metrics": ["x", "y"], "personality": ["base": 3],
        ]]])
        #expect(spec.cases == [RunSpec.Case(name: "🎉 B", key: "b", path: JSONPath([.key("scenarios"), .index(1)]))])
        // `scenarios[0]` of the request is the document's second case; `defaults` is itself.
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[0].metrics[1]")!).range(in: fixture.document.tree).map { fixture.marked($0) },
                   #"["x", ["y"]]"#)
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[0].personality.base")!).range(in: fixture.document.tree).map { fixture.marked($0) },
                   #"{"base": [3]}"#)
        expectMark(spec.documentPath(of: JSONPath(api: "defaults.metrics[0]")!).range(in: fixture.document.tree).map { fixture.marked($0) },
                   #"{"metrics": [[5]]}"#)
    }

    @Test func outsideEveryCaseTheWholeSuiteGoes() throws {
        let (fixture, spec) = try spec(Self.suite.replacingOccurrences(of: #""version""#, with: #""ver$0sion""#))
        #expect(spec.spec == JSONValue(fixture.document.tree.root!))
        #expect(spec.cases.map(\.key) == ["A", "b"])
        // A missing leaf is shown on the key of the nearest container that exists.
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[1].personality.voice_model")!).range(in: fixture.document.tree)
                    .map { fixture.marked($0) }, #"["personality"]: {"base""#)
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[0].language")!).range(in: fixture.document.tree).map { fixture.marked($0) },
                   #"[{["name"]: "A""#)
    }

    @Test func anEvaluatorBecomesOneCaseFieldByField() throws {
        let text = #"{"agent": 12, "name": "R", "scenario_type": "instruction", "instructions": "Ask.", "expected_outcome_prompt": "Refund.", "#
            + #""scenario_language": "en", "personality": 3, "test_profile": null, "tool_ids": ["odd", "TOOL_DTMF", "send_sms_tool_call"], "#
            + #""first_message": "Hi", "max_duration": 60, "metrics": [5], "tags": ["t"], "folder_path": "F", "phone_number": 4$0}"#
        let (fixture, spec) = try spec(text, fileName: "r.evaluator.json")
        #expect(spec.spec == ["version": "1", "scenarios": [[
            "name": "R", "type": "instruction", "instructions": "Ask.", "expected_outcome": "Refund.", "language": "en", "personality": 3,
            "tools": ["dtmf", "send_sms"], "first_message": "Hi", "max_duration": 60, "metrics": [5], "tags": ["t"],
        ]]])
        #expect(spec.leftOut == ["tool_ids[0]", "folder_path", "phone_number"])
        let tree = fixture.document.tree
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[0].language")!).range(in: tree).map { fixture.marked($0) }, #""scenario_language": ["en"]"#)
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[0].expected_outcome")!).range(in: tree).map { fixture.marked($0) }, #"["Refund."]"#)
        // `tools[0]` was the second tool id: the first was left out.
        expectMark(spec.documentPath(of: JSONPath(api: "scenarios[0].tools[0]")!).range(in: tree).map { fixture.marked($0) }, #""odd", ["TOOL_DTMF"]"#)
        expectMark(spec.documentPath(of: JSONPath(api: "agent_id")!).range(in: tree).map { fixture.marked($0) }, #"12, ["name"]: "R""#)
    }

    @Test func aScriptInInstructionsIsSentAsAnObjectAndPathsGoIntoTheString() throws {
        let text = #"{"name": "S", "scenario_type": "conditional_actions", "$0instructions": "{\"role\": \"r\", \"conditions\": [{\"id\": 0, \"action\": \"🎉 x\"}]}"}"#
        let (fixture, spec) = try spec(text, fileName: "s.evaluator.json")
        #expect(spec.spec["scenarios"]?[0]?["conditional_actions"] == ["role": "r", "conditions": [["id": 0, "action": "🎉 x"]]])
        #expect(spec.spec["scenarios"]?[0]?["instructions"] == nil)
        let range = spec.documentPath(of: JSONPath(api: "scenarios[0].conditional_actions.conditions[0].action")!).range(in: fixture.document.tree)
        #expect(range.map(fixture.covered) == #"\"🎉 x\""#)
    }

    @Test func syntaxErrorsAndBrokenScriptsAreRefused() throws {
        let broken = CursorFixture(#"{"version": "1", "scenarios": [{"name": "A", "instructions": "a",, }]}"#)
        let target = try #require(RunTarget.at(0, in: broken.document))
        #expect(throws: RunSpec.Refusal.self) { try RunSpec.make(target).get() }
        let script = CursorFixture(#"{"name": "S", "scenario_type": "conditional_actions", "instructions": "{\"role\": "}"#, fileName: "s.evaluator.json")
        let scriptTarget = try #require(RunTarget.at(0, in: script.document))
        #expect(throws: RunSpec.Refusal(message: "The script in `instructions` is not valid JSON; fix it before sending it to Cekura.")) {
            try RunSpec.make(scriptTarget).get()
        }
        #expect(RunTarget.at(0, in: CursorFixture(#"{"role": "r", "conditions": []}"#, fileName: "flow.json").document)?.title == nil)
    }

    @Test func aVerdictFollowsItsCaseByKeyAfterEdits() throws {
        let (_, spec) = try spec(Self.suite.replacingOccurrences(of: #""🎉 B""#, with: #""🎉$0 B""#))
        let moved = CursorFixture(#"{"version": "1", "scenarios": [{"key": "b", "name": "漢字 B2", "instructions": "b"}, {"name": "A", "instructions": "a"}]}"#)
        expectMark(spec.cases[0].nameRange(in: moved.document).map { moved.marked($0) }, #""name": ["漢字 B2"], "instr"#)
    }

    @Test func actionsAndLensesPerTarget() throws {
        let suite = CursorFixture(Self.suite)
        expectMarks(ScenarioLenses.lenses(in: suite.document).map { suite.marked($0.range, context: 4) },
                    [#"}, ["scenarios"]: [{"#, #"": [[{]"nam"#, #"}, [{]"key"#])
        #expect(ScenarioLenses.lenses(in: suite.document).map(\.actions) == [
            [.runText, .checkRemote], [.runText, .checkRemote, .generateInstructions], [.runText, .checkRemote, .generateInstructions],
        ])
        let inCase = CursorFixture(Self.suite.replacingOccurrences(of: #""🎉 B""#, with: #""🎉$0 B""#))
        #expect(RunTarget.at(inCase.offset, in: inCase.document)?.actions == [.runText, .checkRemote, .generateInstructions, .improveInstructions])
        let saved = CursorFixture(#"{"id": 7, "name": "S", "scenario_type": "conditional_actions", "conditional_actions": {}, "created_at": "x"}"#,
                                  fileName: "s.evaluator.json")
        #expect(RunTarget.at(0, in: saved.document)?.actions == [.runText, .runSavedText, .checkRemote])
    }

    @Test func instructionsAreReplacedOrAdded() throws {
        let with = CursorFixture(#"{"version": "1", "scenarios": [{"name": "A", "instructions": "old"$0}]}"#)
        let scenario = try #require(RunTarget.at(with.offset, in: with.document)?.scenario)
        let replaced = try with.document.tree.bytes.applying([scenario.instructionsEdit("new \"one\"")])
        #expect(String(decoding: replaced, as: UTF8.self) == #"{"version": "1", "scenarios": [{"name": "A", "instructions": "new \"one\""}]}"#)
        let without = CursorFixture("{\"version\": \"1\", \"scenarios\": [\n  {\n    \"name\": \"A\"$0\n  }\n]}")
        let bare = try #require(RunTarget.at(without.offset, in: without.document)?.scenario)
        let added = try without.document.tree.bytes.applying([bare.instructionsEdit("new")])
        #expect(String(decoding: added, as: UTF8.self) == "{\"version\": \"1\", \"scenarios\": [\n  {\n    \"name\": \"A\",\n    \"instructions\": \"new\"\n  }\n]}")
    }
}
