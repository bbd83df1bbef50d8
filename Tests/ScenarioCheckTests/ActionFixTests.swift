import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// The quick fixes of the action tag and placeholder rules, applied to their
/// failing fixtures one at a time: each fix removes the diagnostic it is
/// offered for, leaves valid JSON of the same kind, brings no new diagnostic,
/// and writes what it promises — inside an action string, and inside a script
/// that is itself a JSON string, where the text is escaped twice.
struct ActionFixTests {
    typealias Outcome = FixCase.Outcome
    typealias Case = FixCase

    static let cases: [Case] = [
        Case("tag-unknown/fail.script.json", [
            Outcome(contains: [#"Let me think <silence time=\"2s\"/>"#], lacks: ["silense"]),
            // SSML's <break>, with its time in seconds.
            Outcome(contains: [#"Hmm <silence time=\"1.5s\"/> the second"#], lacks: ["break", "1500ms"]),
        ]),
        Case("tag-unknown/fail-2.evaluator.json", [
            Outcome(contains: [#"Wait — é <silence time=\\\"2s\\\"/> it is Zoë."#], lacks: ["silense"]),
        ]),
        Case("tag-case/fail.script.json", [
            Outcome(contains: ["It is <spell>ZOE</spell>."], lacks: ["Spell"]),
            Outcome(contains: [#"<silence time=\"1s\"/>"#], lacks: ["Time"]),
        ]),
        Case("tag-case/fail-2.evaluator.json", [
            Outcome(contains: ["Müller, <spell>M-Ü-L-L-E-R</spell>."], lacks: ["SPELL"]),
        ]),
        Case("tag-attribute-unknown/fail.script.json", [
            Outcome(contains: [#"<background_noise sound=\"coffee-shop\" volume=\"0.3\">"#], lacks: ["volumne"]),
        ]),
        Case("tag-attribute-unquoted/fail.script.json", [
            Outcome(contains: [#"Hmm <silence time=\"2s\"/> the second one."#]),
        ]),
        Case("tag-attribute-ignored/fail.script.json", [
            Outcome(contains: [#"<network_simulation packet_loss=\"5\" /> It is Zoë."#], lacks: ["jitter"]),
        ]),
        Case("tag-not-closed/fail.script.json", [
            Outcome(contains: [#"Hmm, one moment <silence time=\"2s\" />""#]),
            Outcome(contains: [#"Perfect, thank you. <endcall />""#]),
        ]),
        Case("tag-not-closed/fail-2.evaluator.json", [
            Outcome(contains: [#"Tschüss, danke <endcall />\""#]),
        ]),
        Case("tag-unbalanced/fail-2.script.json", [
            Outcome(contains: [#"id=\"0b5f6e2c-7d1a-4c3e-9a8b-2f4d6c8e0a1b\" />It is Zoë from now on."#]),
            Outcome(contains: [#"The second one. <silence time=\"1s\" />""#], lacks: ["</silence>"]),
        ]),
        // The condition is an id, so the condition becomes the followup it was meant to be.
        Case("interruption-needs-followup/fail-2.evaluator.json", [
            Outcome(contains: [#""condition": 1, "action": "<interruption time=\"2.5s\" />Sorry to cut in — I only need the total.", "type": "action_followup""#]),
        ]),
        Case("tag-needs-fixed-message/fail.script.json", [
            Outcome(contains: [#""action": "Hello, it is Zoë <endcall />", "type": "standard", "fixed_message": true"#]),
            Outcome(contains: [#""action": "Play the recording <audio id=\"7c1e90aa\" />", "type": "standard", "fixed_message": true"#]),
        ]),
        Case("voice-model-mismatch/fail.script.json", [
            Outcome(contains: [#"model=\"eleven_turbo_v2_5\" />The second one."#], lacks: ["eleven_turbo_v25"]),
        ]),
        Case("tag-time-format/fail.script.json", [
            Outcome(contains: [#"<hold time=\"5s\" />"#]),
            Outcome(contains: [#"<silence time=\"1.5s\" />"#], lacks: ["1500ms"]),
            Outcome(contains: [#"<noise sound=\"cough1\" time=\"2000\" />"#]),
        ]),
        Case("tag-time-format/fail-2.evaluator.json", [
            Outcome(contains: [#"Einen Moment — <hold time=\\\"2s\\\" /> bin wieder da."#], lacks: ["2 s"]),
        ]),
        Case("dtmf-digits-invalid/fail.script.json", [
            Outcome(contains: [#"<dtmf digits=\"1234\" />"#], lacks: ["12-34"]),
            Outcome(contains: [#"<dtmf digits=\"19840229#\" />"#]),
            Outcome(contains: [#"<dtmf digits=\"*AB\" />"#], lacks: ["*ab"]),
        ]),
        Case("dtmf-key-missing/fail.suite.json", [
            Outcome(contains: [#"<dtmf digits=\"{{test_profile.account_pin}}\" />"#], lacks: ["acount_pin"]),
        ]),
        Case("sound-unknown/fail.script.json", [
            Outcome(contains: [#"<background_noise sound=\"coffee-shop\">Hi, it is Zoë."#], lacks: ["cafe"]),
            Outcome(contains: [#"<background_noise sound=\"coffee-shop\">The second one."#], lacks: ["coffee_shop"]),
            Outcome(contains: [#"<noise sound=\"cough1\" /> Sorry."#]),
        ]),
        Case("placeholder-malformed/fail.script.json", [
            Outcome(contains: ["It is {{test_profile.caller_name}}."]),
        ]),
        Case("placeholder-malformed/fail-2.suite.json", [
            Outcome(contains: ["You are {{test_profile.caller_name}}. Ask"]),
        ]),
        Case("placeholder-unknown-namespace/fail.script.json", [
            Outcome(contains: ["Born on {{test_profile.date_of_birth}}."], lacks: ["testprofile"]),
        ]),
        // The key is in the case's test profile: the namespace is what was missing.
        Case("placeholder-unknown-namespace/fail-2.suite.json", [
            Outcome(contains: ["You are {{test_profile.caller_name}}. Ask"]),
        ]),
        Case("test-profile-key-unknown/fail.suite.json", [
            Outcome(contains: ["You are {{test_profile.caller_name}}, from"], lacks: ["calller_name"]),
        ]),
        Case("function-unknown/fail.script.json", [
            Outcome(contains: [#"One second. <function name=\"parcel\"/> Thanks."#], lacks: ["parcle"]),
            Outcome(contains: [#"Okay. <function name=\"parcel\"/> It was due {{function.parcel.eta}}."#], lacks: ["function.parcels"]),
        ]),
        Case("function-output-unknown/fail.script.json", [
            Outcome(contains: ["It was due {{function.parcel.eta}}, via"], lacks: ["etaa"]),
        ]),
        Case("enum-mismatch/fail-tags.script.json", [
            Outcome(contains: [#"<voice provider=\"11labs\" id=\"a7Bc9XyZ01\" />"#], lacks: ["elevenlabs"]),
        ]),
    ]

    @Test(arguments: cases)
    func eachFixRepairsItsDiagnostic(case fixCase: Case) throws {
        try fixCase.verifyEachFix()
    }

    /// Where the right text is unknown, no fix is offered.
    @Test(arguments: [
        "tag-attribute-duplicate/fail.script.json", "tag-attribute-missing/fail.script.json", "tag-nested/fail.script.json",
        "tag-must-be-whole-action/fail.script.json", "tag-must-start-action/fail.script.json", "voice-id-format/fail.script.json",
        "client-message-json/fail.script.json", "function-never-run/fail.script.json", "text-after-endcall/fail.script.json",
    ])
    func noFixWhereTheIntentIsUnknown(fixture: String) throws {
        try FixCase.verifyNoFix(fixture)
    }

    /// A condition whose `condition` is a description cannot become a followup
    /// by changing its `type` alone: no fix for `interruption-needs-followup`.
    @Test func interruptionOnADescribedConditionHasNoFix() throws {
        let (text, fileName) = try FixCase.load("interruption-needs-followup/fail.script.json")
        let diagnostics = FileCheck.run(SyntaxTree(text), fileName: fileName).diagnostics.filter { $0.code == "interruption-needs-followup" }
        #expect(diagnostics.count == 1 && diagnostics[0].fixes.isEmpty)
    }
}
