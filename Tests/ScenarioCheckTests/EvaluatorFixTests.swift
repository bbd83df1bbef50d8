import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// The quick fixes of the evaluator-body and bulk-update rules, applied to
/// their failing fixtures one at a time: each fix removes the diagnostic it is
/// offered for, leaves valid JSON of the same kind, brings no new diagnostic,
/// and writes what it promises.
struct EvaluatorFixTests {
    typealias Outcome = FixCase.Outcome
    typealias Case = FixCase

    static let cases: [Case] = [
        // Remove a read-only field, first, middle or last.
        Case("read-only-field/fail.evaluator.json", [
            Outcome(contains: [#""created_at": "2025-03-14T09:26:53Z""#], lacks: ["agent_name", "Kundenservice DE"]),
            Outcome(contains: [#""agent_name": "Kundenservice DE""#, "München.\",\n"], lacks: ["created_at", "2025-03-14"]),
        ]),
        Case("read-only-field/fail-2.evaluator.json", [
            Outcome(contains: ["\"project\": 311,"], lacks: ["\"id\"", "48213"]),
        ]),
        // `inbound_phone_number` -> `phone_number`, in an evaluator and in a bulk update.
        Case("deprecated-property/fail.evaluator.json", [
            Outcome(contains: [#""phone_number": 314"#], lacks: ["inbound_phone_number"]),
        ]),
        Case("deprecated-property/fail-3.bulk.json", [
            Outcome(contains: [#""phone_number": 314"#], lacks: ["inbound_phone_number"]),
        ]),
        // Set `scenario_type`: added when absent, replaced when it says "instruction".
        Case("script-needs-scenario-type/fail.evaluator.json", [
            Outcome(contains: ["    ]\n  },\n  \"scenario_type\": \"conditional_actions\"\n}"]),
        ]),
        Case("script-needs-scenario-type/fail-2.evaluator.json", [
            Outcome(contains: [#""scenario_type": "conditional_actions","#], lacks: [#""instruction""#]),
        ]),
        Case("dynamic-variable-values-removed/fail.evaluator.json", [
            Outcome(contains: ["Liefertermin.\",\n", #""test_profile": 41"#], lacks: ["dynamic_variable_values", "Zoë Nußbaum"]),
        ]),
        // The CLI's spelling -> `TOOL_*`, one id at a time.
        Case("tool-id-cli-spelling/fail.evaluator.json", [
            Outcome(contains: [#""tool_ids": ["TOOL_END_CALL", "dtmf"]"#]),
            Outcome(contains: [#""tool_ids": ["end_call", "TOOL_DTMF"]"#]),
        ]),
        Case("tool-id-unknown/fail.evaluator.json", [
            Outcome(contains: [#""tool_ids": ["TOOL_END_CALL", "TOOL_DTMF"]"#], lacks: ["TOOL_DTFM"]),
        ]),
        // Bulk `scenarios` objects -> their ids.
        Case("bulk-scenarios-not-ids/fail.bulk.json", [
            Outcome(contains: [#""scenarios": [101, {"id": 102}]"#]),
            Outcome(contains: [#""scenarios": [{"id": 101}, 102]"#]),
        ]),
        // Shared rules as they fix evaluator bodies and bulk updates.
        Case("required-property/fail-evaluator.evaluator.json", [
            Outcome(contains: ["Uhr.\",\n  \"personality\": 0\n}"]),
        ]),
        Case("unknown-property/fail-evaluator.evaluator.json", [
            Outcome(contains: [#""scenario_language": "fr""#], lacks: ["langauge"]),
        ]),
        Case("unknown-property/fail-evaluator-2.evaluator.json", [
            Outcome(contains: [#""expected_outcome_prompt": "L’agent"#]),
        ]),
        Case("unknown-property/fail-bulk-2.bulk.json", [
            Outcome(contains: [#""metric_ids_to_add": [5, 8]"#], lacks: ["metrics_ids"]),
        ]),
        Case("enum-mismatch/fail-evaluator.evaluator.json", [
            Outcome(contains: [#""scenario_language": "es""#], lacks: [#""ES""#]),
        ]),
        Case("type-mismatch/fail-bulk-2.bulk.json", [
            Outcome(contains: [#""max_duration": 600"#]),
        ]),
    ]

    @Test(arguments: cases)
    func eachFixRepairsItsDiagnostic(case fixCase: Case) throws {
        try fixCase.verifyEachFix()
    }

    /// Where the right text is unknown, or a fix would break the file, none is offered.
    @Test(arguments: [
        "deprecated-property/fail-2.evaluator.json",  // `phone_number` is already there: a rename would duplicate it
        "tool-id-cli-spelling/fail-2.evaluator.json",  // `send_sms_tool_call` has no documented REST spelling
        "tool-id-unknown/fail-2.evaluator.json",  // nothing close enough to suggest
        "bulk-scenarios-not-ids/fail-2.bulk.json",  // an object without `id`
        "type-mismatch/fail-evaluator.evaluator.json",  // "+41…" is a number, not an id; `+41445550123` is not JSON
        "type-mismatch/fail-bulk.bulk.json",
        "end-call-tools-overlap/fail.evaluator.json",  // which tool to keep depends on the expected outcome
        "tool-ids-conflict/fail-evaluator.evaluator.json",
    ])
    func noFixIsOffered(fixture: String) throws {
        try FixCase.verifyNoFix(fixture)
    }
}
