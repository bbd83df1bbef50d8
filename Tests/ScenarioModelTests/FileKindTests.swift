import JSONSyntax
import ScenarioModel
import Testing

struct FileKindTests {
    private func detect(_ text: String, fileName: String? = nil) -> FileKindDecision {
        FileKind.detect(SyntaxTree(text), fileName: fileName)
    }

    @Test(arguments: [
        "https://docs.cekura.ai/schemas/test-suite/v1.json",
        "https://api.cekura.ai/test_framework/v1/scenarios/json_schema/",
        "https://api.cekura.ai/test_framework/v1/scenarios/json_schema/?version=1",
        "https://api.cekura.ai/test_framework/v1/scenarios-external/json_schema/",
        "../schemas/test-suite-v1.schema.json",
    ])
    func suiteSchemaWins(schema: String) {
        // The schema decides even against a file name and a shape that say otherwise.
        let decision = detect(#"{"$schema": "\#(schema)", "role": "x", "conditions": []}"#, fileName: "a.evaluator.json")
        #expect(decision == FileKindDecision(kind: .testSuite, reason: .schema(schema)))
    }

    @Test func otherSuiteVersionIsASuiteFlaggedUnknown() {
        let decision = detect(#"{"$schema": "https://docs.cekura.ai/schemas/test-suite/v2.json", "version": "2"}"#)
        #expect(decision.kind == .testSuite)
        #expect(decision.unknownSuiteVersion)
    }

    @Test func foreignSchemaIsUnknownWhateverTheShape() {
        let decision = detect(#"{"$schema": "https://json.schemastore.org/package.json", "version": "1", "scenarios": []}"#,
                              fileName: "cekura.tests.json")
        #expect(decision.kind == .unknown)
    }

    @Test func testsFileNameIsASuiteEvenWhenEmptyOrBroken() {
        #expect(detect("", fileName: "ci/cekura.tests.json").kind == .testSuite)
        #expect(detect(#"{"scenarios": [ {"na"#, fileName: "/repo/cekura.tests.json").kind == .testSuite)
        #expect(detect(#"{"scenarios": []}"#, fileName: "/repo/not-cekura.tests.json").kind == .unknown)
    }

    @Test func evaluatorFileNamesDefaultToEvaluatorButShapeDecides() {
        #expect(detect("{}", fileName: "refund.scenario.json") == FileKindDecision(kind: .evaluator, reason: .fileName("refund.scenario.json")))
        #expect(detect("{}", fileName: "refund.evaluator.json").kind == .evaluator)
        #expect(detect(#"{"role": "r", "conditions": []}"#, fileName: "x.scenario.json").kind == .conditionalActions)
        #expect(detect(#"{"role": "r", "conditions": []}"#, fileName: "x.cekura.json").kind == .conditionalActions)
        #expect(detect("{}", fileName: "x.cekura.json").kind == .evaluator)
    }

    @Test(arguments: [
        (#"{"version": "1", "scenarios": []}"#, FileKind.testSuite),
        (#"{"scenarios": [{"name": "a", "instructions": "b"}]}"#, .testSuite),
        (#"{"role": "caller", "conditions": [{"id": 0}]}"#, .conditionalActions),
        (#"{"scenarios": [1, 2, 3], "metric_ids_to_add": [4]}"#, .bulkUpdate),
        (#"{"scenarios": [{"id": 1}], "folder_path": "Sales"}"#, .bulkUpdate),
        (#"{"scenarios": [{"id": 101, "tags": ["vip"]}], "agent": 3, "metric_ids_to_add": [4]}"#, .bulkUpdate),
        (#"{"scenarios": ["101"], "project": 3, "append_instruction": "Be brief."}"#, .bulkUpdate),
        (#"{"name": "Refund", "instructions": "ask for a refund"}"#, .evaluator),
        (#"{"name": "Refund", "scenario_type": "conditional_actions"}"#, .evaluator),
    ])
    func shapes(text: String, kind: FileKind) {
        let decision = detect(text, fileName: "anything.json")
        #expect(decision.kind == kind)
        #expect(decision.reason == .shape)
    }

    @Test(arguments: [
        #"{"name": "my-package", "version": "1.0.0", "dependencies": {}}"#,
        #"{"compilerOptions": {"strict": true}}"#,
        #"[1, 2, 3]"#,
        #"{"scenarios": [1, 2]}"#,
        #"{"role": "admin"}"#,
        "not json at all",
        "",
    ])
    func everythingElseIsUnknown(text: String) {
        #expect(detect(text, fileName: "package.json").kind == .unknown)
    }
}
