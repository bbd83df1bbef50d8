import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// The quick fixes of the conditional-actions script rules, applied to their
/// failing fixtures one at a time (in all three places a script stands, the
/// JSON string in `instructions` included): each fix removes the diagnostic it
/// is offered for, leaves valid JSON of the same kind, brings no new
/// diagnostic other than the ones listed, and writes what it promises.
struct ScriptFixTests {
    typealias Outcome = FixCase.Outcome

    struct Case: CustomStringConvertible, Sendable {
        let fixCase: FixCase
        /// Codes a fix may bring: the fix inserts an empty value for the user
        /// to write, which its own rule then points at.
        let allowing: Set<String>

        init(_ fixture: String, _ outcomes: [Outcome], allowing: Set<String> = []) {
            fixCase = FixCase(fixture, outcomes)
            self.allowing = allowing
        }

        var description: String { fixCase.description }
    }

    static let cases: [Case] = [
        Case("conditions-missing/fail.suite.json", [
            Outcome(contains: [#""conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}]"#]),
        ], allowing: ["script-no-endcall"]),
        Case("conditions-missing/fail-2.script.json", [
            Outcome(contains: [#""conditions": [{"id": 0, "condition": "FIRST_MESSAGE""#], lacks: ["[]"]),
        ], allowing: ["script-no-endcall"]),
        Case("first-message-condition/fail.script.json", [
            Outcome(contains: [#"{"id": 0, "condition": "FIRST_MESSAGE", "action": "Bonjour"#]),
        ]),
        Case("first-message-condition/fail-2.suite.json", [
            Outcome(contains: [#""condition": "FIRST_MESSAGE", "action": "Olá"#], lacks: ["greets"]),
        ]),
        // Renumbered from 0, the followup of the opening condition moving with it.
        Case("first-message-id/fail.evaluator.json", [
            Outcome(contains: [#"{"id": 0, "condition": "FIRST_MESSAGE""#, #"{"id": 1, "condition": 0, "#, #"{"id": 2, "condition": "The agent gives"#]),
        ]),
        // In the JSON string of `instructions`.
        Case("first-message-not-fixed/fail.evaluator.json", [
            Outcome(contains: [#"Rückruf.\", \"type\": \"standard\", \"fixed_message\": true}"#]),
        ]),
        Case("condition-field-missing/fail.script.json", [
            Outcome(contains: [#""action": "It's 4471-B.", "type": "standard", "fixed_message": false}"#]),
        ]),
        Case("condition-field-missing/fail-2.suite.json", [
            Outcome(contains: [#""type": "standard", "fixed_message": true, "id": 1}"#]),
        ]),
        Case("condition-id-type/fail.script.json", [
            Outcome(contains: [#"{"id": 1, "condition": "The agent asks for your order number""#]),
        ]),
        Case("condition-id-duplicate/fail.suite.json", [
            Outcome(contains: [#"{"id": 2, "condition": "The agent asks for your postcode""#, #"{"id": 3, "condition": "The agent gives"#]),
        ]),
        Case("condition-ids-not-sequential/fail.script.json", [
            Outcome(contains: [#"{"id": 2, "condition": 1, "#, #"{"id": 3, "condition": "The agent gives"#], lacks: [#""id": 5"#, #""id": 6"#]),
        ]),
        Case("followup-condition-not-id/fail.script.json", [
            Outcome(contains: [#"{"id": 2, "condition": 1, "#]),
        ]),
        Case("standard-condition-is-id/fail.suite.json", [
            Outcome(contains: [#""condition": 1, "action": "It should have arrived on Monday.", "type": "action_followup""#]),
        ]),
        Case("enum-mismatch/fail-script.script.json", [
            Outcome(contains: [#""method": "GET""#]),
            Outcome(contains: [#""action": "C'est le 4471-B.", "type": "standard""#], lacks: [#""do""#]),
            Outcome(contains: [#""action": "No worries.", "type": "standard""#], lacks: ["standart"]),
        ]),
        Case("unknown-property/fail-script.script.json", [
            Outcome(contains: [#""timeout_seconds": 5"#]),
            Outcome(contains: [#""auto_run": true"#]),
            Outcome(contains: [#""type": "standard", "fixed_message": true}"#], lacks: [#""fixed":"#]),
        ]),
        Case("function-type-invalid/fail.script.json", [
            Outcome(contains: [#"{"name": "parcel", "type": "rest_api""#], lacks: [#""http""#]),
            Outcome(contains: [#""config": {"url": "https://api.example.com/hubs"}, "type": "rest_api"}"#]),
        ]),
        Case("function-url-invalid/fail.evaluator.json", [
            Outcome(contains: [#""url": "https://api.example.com/hubs""#]),
        ]),
        Case("function-body-without-post/fail.script.json", [
            Outcome(contains: [#""method": "POST", "url": "https://api.example.com/parcels""#]),
            Outcome(contains: [#""body": "région=IDF", "method": "POST"}"#]),
        ]),
        Case("function-param-type/fail.script.json", [
            Outcome(contains: [#""X-Debug": "true""#]),
        ]),
        Case("response-mapping-invalid/fail.script.json", [
            Outcome(contains: [#""hub": {"default": "Paris", "path": "$"}"#]),
            Outcome(contains: [#""status": {"path": "$.status", "default": "unknown"}"#]),
        ]),
        Case("jsonpath-unsupported/fail-2.script.json", [
            Outcome(contains: [#""hub": "$.delivery.hub""#]),
            Outcome(contains: [#""id": "$.meta[\"order-id\"]""#]),
        ]),
        // In the JSON string of `instructions`: the quotes of the fix are escaped twice.
        Case("jsonpath-unsupported/fail.evaluator.json", [
            Outcome(contains: [#"\"path\": \"$.route[\\\"last\\\"]\""#], lacks: ["'last'"]),
        ]),
    ]

    @Test(arguments: cases)
    func eachFixRepairsItsDiagnostic(case scriptCase: Case) throws {
        try scriptCase.fixCase.verifyEachFix(allowing: scriptCase.allowing)
    }

    /// Where the right text is unknown, none is offered.
    @Test(arguments: [
        "followup-target-missing/fail.evaluator.json",  // which condition was meant is unknown
        "followup-cycle/fail.script.json",  // where the loop should start is the author's choice
        "action-empty/fail.evaluator.json",  // what to say is the author's
        "contains-malformed/fail-2.script.json",
    ])
    func noFixIsOffered(fixture: String) throws {
        try FixCase.verifyNoFix(fixture)
    }
}
