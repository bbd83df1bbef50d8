import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// The conditional-actions script rules on the rulebook's own examples
/// (scenario-format.md §2.5, §3.6, §5.6), and what fixtures cannot show:
/// related information, and fixes applied in sequence.
struct ScriptRuleTests {
    /// §5.6, valid: a followup chain, a `contains` trigger, a function with a tag and a placeholder.
    static let validScript = #"""
    {
      "role": "You are a customer checking a delayed parcel",
      "functions": [
        {"name": "parcel", "type": "rest_api", "auto_run": false,
         "config": {"method": "GET", "url": "https://api.example.com/parcels/{{test_profile.tracking_id}}",
                    "timeout_seconds": 5,
                    "response_mapping": {"eta": {"path": "$.delivery.eta", "default": "soon"}, "hub": "$.route[-1].hub"}}}
      ],
      "conditions": [
        {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, my parcel is late.", "type": "standard", "fixed_message": true},
        {"id": 1, "condition": "contains \"tracking\" OR contains \"order number\"", "action": "One second. <function name=\"parcel\"/> It's {{test_profile.tracking_id}} and it was due at {{function.parcel.eta}}.", "type": "standard", "fixed_message": true},
        {"id": 2, "condition": 1, "action": "Ask whether it is stuck at a hub, using what the lookup returned.", "type": "action_followup", "fixed_message": false},
        {"id": 3, "condition": "The agent gives a new delivery date", "action": "Okay, thanks. <endcall />", "type": "standard", "fixed_message": true}
      ]
    }
    """#

    /// §5.6, invalid.
    static let invalidScript = #"""
    {
      "role": "",
      "conditions": [
        {"id": 1, "condition": "", "action": "Hello", "type": "standard", "fixed_message": false},
        {"id": 2, "condition": "2", "action": "More", "type": "action_followup", "fixed_message": true},
        {"id": 2, "condition": "The agent asks for a date", "action": "   ", "type": "say"}
      ]
    }
    """#

    /// §2.5, a valid evaluator body.
    static let validEvaluator = #"""
    {
      "agent": 12,
      "name": "Reschedule a cleaning, agent offers two slots",
      "personality": 3,
      "scenario_type": "conditional_actions",
      "scenario_language": "en",
      "conditional_actions": {
        "role": "You are a patient who needs to move a dental cleaning to next week",
        "conditions": [
          {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, I need to move my cleaning appointment.", "type": "standard", "fixed_message": true},
          {"id": 1, "condition": "The agent asks for your date of birth", "action": "Give your date of birth: {{test_profile.date_of_birth}}", "type": "standard", "fixed_message": false},
          {"id": 2, "condition": "The agent offers new appointment times", "action": "Let me check my calendar <silence time=\"1.5s\" /> the second one works.", "type": "standard", "fixed_message": true},
          {"id": 3, "condition": 2, "action": "Could you text me a confirmation?", "type": "action_followup", "fixed_message": true},
          {"id": 4, "condition": "The agent confirms the new appointment", "action": "Perfect, thank you. <endcall />", "type": "standard", "fixed_message": true}
        ]
      },
      "expected_outcome_prompt": "The agent verifies the caller's date of birth.\nThe agent moves the appointment to one of the offered slots.",
      "metrics": [5, 8],
      "tool_ids": ["TOOL_END_CALL"],
      "test_profile": 41,
      "max_duration": 600,
      "folder_path": "Booking.Reschedule"
    }
    """#

    /// §3.6, a valid suite.
    static let validSuite = #"""
    {
      "$schema": "https://docs.cekura.ai/schemas/test-suite/v1.json",
      "version": "1",
      "suite": {"name": "Pharmacy line — nightly", "description": "Refill and opening-hours paths"},
      "defaults": {
        "language": "en",
        "personality": 3,
        "metrics": ["expected_outcome"],
        "max_duration": 300,
        "tags": ["nightly"]
      },
      "scenarios": [
        {
          "key": "refill_known_patient",
          "name": "Refill for a known patient",
          "instructions": "You are {{test_profile.caller_name}}. Ask to refill prescription {{test_profile.rx_number}}. If asked, confirm your birthday.",
          "expected_outcome": "The agent finds the prescription and schedules the refill.",
          "metrics": ["tool_call_success"],
          "test_profile": {
            "agent_variables": {"patient_id": "P-2201"},
            "caller_variables": {"caller_name": "Ana Ruiz", "rx_number": "RX-88410"}
          },
          "tools": ["end_call"]
        },
        {
          "key": "hours_menu_dtmf",
          "name": "Opening hours through the keypad menu",
          "type": "conditional_actions",
          "language": "en",
          "personality": {"base": 3, "speed": 1.1, "background_noise": "office"},
          "conditional_actions": {
            "role": "You are a caller who only uses the keypad",
            "conditions": [
              {"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true},
              {"id": 1, "condition": "The agent reads out the menu options", "action": "<dtmf digits=\"3\" />", "type": "standard", "fixed_message": true},
              {"id": 2, "condition": "The agent states the opening hours", "action": "Thanks, bye. <endcall />", "type": "standard", "fixed_message": true}
            ]
          },
          "tools": ["dtmf", "end_call"],
          "frequency": 2
        }
      ]
    }
    """#

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func check(_ text: String, _ fileName: String) -> [Diagnostic] {
        FileCheck.run(SyntaxTree(text), fileName: fileName).diagnostics
    }

    /// The source text a diagnostic points at.
    static func text(_ source: String, _ range: TextRange) -> String {
        String(decoding: Array(source.utf8)[range.start..<range.end], as: UTF8.self)
    }

    static func applying(_ fix: Fix, to text: String) throws -> String {
        String(decoding: try Array(text.utf8).applying(fix.edits), as: UTF8.self)
    }

    @Test(arguments: [
        (validScript, "late-parcel.cekura.json"),
        (validEvaluator, "reschedule.evaluator.json"),
        (validSuite, "cekura.tests.json"),
    ])
    func rulebookValidExamplesHaveNoErrors(text: String, fileName: String) {
        let diagnostics = Self.check(text, fileName)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map { "\($0.code): \($0.message)" })")
        #expect(!diagnostics.contains { $0.severity == .warning }, "\(diagnostics.map { "\($0.code): \($0.message)" })")
    }

    @Test(arguments: ["examples/scripts/late-parcel.cekura.json", "examples/evaluators/reschedule-cleaning.evaluator.json", "examples/cekura.tests.json"])
    func examplesFolderCopiesHaveNoErrors(path: String) throws {
        let url = Self.packageRoot.appendingPathComponent(path)
        let diagnostics = Self.check(try String(contentsOf: url, encoding: .utf8), url.lastPathComponent)
        #expect(!diagnostics.contains { $0.severity == .error || $0.severity == .warning },
                "\(path): \(diagnostics.map { "\($0.code): \($0.message)" })")
    }

    /// §5.6, invalid: every diagnostic the rulebook lists, on the value it is about.
    @Test func rulebookInvalidExampleGetsTheListedDiagnostics() {
        let text = Self.invalidScript
        let found = Self.check(text, "case.cekura.json").map { "\($0.severity.name) \($0.code) \(Self.text(text, $0.range))" }
        #expect(found.sorted() == [
            "error action-empty \"   \"",
            "error condition-field-missing {",
            "error condition-id-duplicate 2",
            "error enum-mismatch \"say\"",
            "error first-message-condition \"\"",
            "error first-message-id 1",
            "error first-message-not-fixed false",
            "error followup-condition-not-id \"2\"",
            "hint script-no-endcall \"conditions\"",
            "warning role-empty \"\"",
        ], "\(found)")
    }

    /// "(and `followup-self-reference` after the fix)": `"2"` becomes 2, its own id.
    @Test func followupFixInTheInvalidExampleRevealsTheSelfReference() throws {
        let diagnostics = Self.check(Self.invalidScript, "case.cekura.json")
        let fix = try #require(diagnostics.first { $0.code == "followup-condition-not-id" }?.fixes.first)
        let fixed = try Self.applying(fix, to: Self.invalidScript)
        #expect(fixed.contains(#""condition": 2, "action": "More""#))
        let after = Self.check(fixed, "case.cekura.json")
        #expect(!after.contains { $0.code == "followup-condition-not-id" })
        let selfReference = try #require(after.first { $0.code == "followup-self-reference" })
        #expect(Self.text(fixed, selfReference.range) == "2")
    }

    /// The first-message fixes together give a script the API takes.
    @Test func firstMessageFixesApplyTogether() throws {
        var text = Self.invalidScript
        for code in ["first-message-condition", "first-message-id", "first-message-not-fixed"] {
            let fix = try #require(Self.check(text, "case.cekura.json").first { $0.code == code }?.fixes.first, "\(code)")
            text = try Self.applying(fix, to: text)
        }
        #expect(text.contains(#"{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hello", "type": "standard", "fixed_message": true}"#))
        #expect(!Self.check(text, "case.cekura.json").contains { $0.code.hasPrefix("first-message") })
    }

    @Test func loopIsReportedOnceWithEveryMemberRelated() throws {
        let text = #"""
        {"role": "Caller", "conditions": [
          {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true},
          {"id": 1, "condition": "The agent asks for your name", "action": "Chloé. <endcall />", "type": "standard", "fixed_message": true},
          {"id": 2, "condition": 4, "action": "One", "type": "action_followup", "fixed_message": true},
          {"id": 3, "condition": 2, "action": "Two", "type": "action_followup", "fixed_message": true},
          {"id": 4, "condition": 3, "action": "Three", "type": "action_followup", "fixed_message": true},
          {"id": 5, "condition": 1, "action": "Four", "type": "action_followup", "fixed_message": true}
        ]}
        """#
        let diagnostics = Self.check(text, "case.cekura.json")
        let loops = diagnostics.filter { $0.code == "followup-cycle" }
        try #require(loops.count == 1, "\(diagnostics.map(\.code))")
        let loop = loops[0]
        #expect(loop.message.contains("condition 2 → condition 4 → condition 3 → condition 2"), "\(loop.message)")
        #expect(loop.related.map(\.message) == ["condition 2 follows condition 4", "condition 4 follows condition 3", "condition 3 follows condition 2"])
        #expect(loop.related.map { Self.text(text, $0.range) } == ["4", "3", "2"])
        // Members of the loop get neither the forward-reference hint nor anything else.
        #expect(diagnostics.map(\.code) == ["followup-cycle"], "\(diagnostics.map(\.code))")
    }

    @Test func duplicateIDsPointAtTheFirstAndRenumberWithTheirFollowups() throws {
        let text = #"""
        {"role": "Caller", "conditions": [
          {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true},
          {"id": 1, "condition": "The agent asks for your name", "action": "Chloé.", "type": "standard", "fixed_message": true},
          {"id": 1, "condition": "The agent asks for your postcode", "action": "75001.", "type": "standard", "fixed_message": true},
          {"id": 2, "condition": 1, "action": "It's in Paris.", "type": "action_followup", "fixed_message": true},
          {"id": 7, "condition": "The agent says goodbye", "action": "Bye. <endcall />", "type": "standard", "fixed_message": true}
        ]}
        """#
        let duplicate = try #require(Self.check(text, "case.cekura.json").first { $0.code == "condition-id-duplicate" })
        #expect(duplicate.related.count == 1)
        #expect(Self.text(text, duplicate.related[0].range) == "1")
        #expect(duplicate.related[0].range.start < duplicate.range.start)
        let fix = try #require(duplicate.fixes.first)
        let fixed = try Self.applying(fix, to: text)
        // The followup of the nearest condition 1 above it follows that condition to its new id, 2.
        #expect(fixed.contains(#"{"id": 2, "condition": "The agent asks for your postcode""#))
        #expect(fixed.contains(#"{"id": 3, "condition": 2, "action": "It's in Paris.""#))
        #expect(fixed.contains(#"{"id": 4, "condition": "The agent says goodbye""#))
        #expect(Self.check(fixed, "case.cekura.json").isEmpty, "\(Self.check(fixed, "case.cekura.json").map(\.message))")
    }

    /// In the JSON-string form, ranges land inside the escaped text and fixes
    /// are escaped for the string.
    @Test func scriptInInstructionsMapsRangesAndEscapesFixes() throws {
        let inner = #"{"role": "Caller — Müller", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Grüß Gott", "type": "standard", "fixed_message": true}, {"id": 1, "condition": "contains \"Termin", "action": "Morgen <endcall />"}]}"#
        let text = """
        {"id": 5081, "agent": 12, "agent_name": "Rezeption", "name": "Termin", "personality": 3, "scenario_type": "conditional_actions",
         "instructions": \(inner.jsonQuoted)}
        """
        let diagnostics = Self.check(text, "case.evaluator.json")
        let malformed = try #require(diagnostics.first { $0.code == "contains-malformed" })
        #expect(Self.text(text, malformed.range) == #"\\\"Termin"#)
        let missing = try #require(diagnostics.first { $0.code == "condition-field-missing" })
        #expect(Self.text(text, missing.range) == "{")
        let fixed = try Self.applying(try #require(missing.fixes.first), to: text)
        #expect(fixed.contains(#"\"action\": \"Morgen <endcall />\", \"type\": \"standard\", \"fixed_message\": true}"#), "\(fixed)")
        #expect(!Self.check(fixed, "case.evaluator.json").contains { $0.code == "condition-field-missing" })
    }

    /// A standalone script knows no tools; an evaluator's or a case's end-call tool ends the call.
    @Test func endCallToolSilencesTheNoEndcallHint() {
        let script = #"{"role": "Caller", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true}]}"#
        #expect(Self.check(script, "case.cekura.json").map(\.code) == ["script-no-endcall"])
        let evaluator = #"{"agent": 1, "name": "N", "personality": 3, "scenario_type": "conditional_actions", "tool_ids": ["end_call_only_on_transfer"], "conditional_actions": \#(script)}"#
        #expect(!Self.check(evaluator, "case.evaluator.json").contains { $0.code == "script-no-endcall" })
    }
}
