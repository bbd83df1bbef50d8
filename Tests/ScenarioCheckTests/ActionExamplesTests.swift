import JSONSyntax
import ScenarioCheck
import Testing

/// The examples of the rulebook (scenario-format.md §6.8), each in a script of
/// its own: the valid actions check clean, and each invalid one gets exactly
/// the listed diagnostics, on the listed part of the action.
struct ActionExamplesTests {
    struct Example: CustomStringConvertible, Sendable {
        /// The action as written in the JSON source (quotes escaped).
        let action: String
        var type = "standard"
        var fixed = true
        /// Code and the source text its range covers.
        var expected: [(code: String, text: String)] = []
        var description: String { action }
    }

    /// A script holding the action as condition 2; condition 1 is what an
    /// `action_followup` follows, and the last condition ends the call.
    static func script(_ example: Example) -> (text: String, action: TextRange) {
        let condition = example.type == "action_followup" ? "1" : #""The agent offers two appointment times""#
        let before = """
        {
          "role": "You are a patient who needs to move a dental cleaning to next week",
          "conditions": [
            {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, I need to move my cleaning appointment.", "type": "standard", "fixed_message": true},
            {"id": 1, "condition": "The agent asks which day suits you", "action": "Tuesday, if possible.", "type": "standard", "fixed_message": true},
            {"id": 2, "condition": \(condition), "action": "
        """
        let after = """
        ", "type": "\(example.type)", "fixed_message": \(example.fixed)},
            {"id": 3, "condition": "The agent confirms the new appointment", "action": "Perfect, thank you. <endcall />", "type": "standard", "fixed_message": true}
          ]
        }
        """
        let start = before.utf8.count
        return (before + example.action + after, TextRange(start, start + example.action.utf8.count))
    }

    static let valid: [Example] = [
        Example(action: #"Let me look <silence time=\"2s\" /> it's <spell>{{test_profile.postcode}}</spell>."#),
        Example(action: #"<speed ratio=\"1.15\" />Sorry, I'm in a hurry — can we be quick?"#),
        Example(action: #"<ivr text=\"For billing press 1, for an agent press 0.\" />"#),
        Example(action: #"<ignore_interruptions> <audio id=\"7c1e90aa\"/> <hold time=\"4s\" /> <audio id=\"5d02b3f1\"/> </ignore_interruptions> <endcall />"#),
        Example(action: #"<voice provider=\"cartesia\" id=\"0b5f6e2c-7d1a-4c3e-9a8b-2f4d6c8e0a1b\">It's his wife here. <silence time=\"1s\" /> He stepped out.</voice>"#),
        Example(action: #"<interruption time=\"2.5s\" />Sorry to cut in — I only need the total."#, type: "action_followup"),
        Example(action: #"<client_message t=\"open_form\" d='{\"form\":\"address\"}' /> I've opened the form."#),
    ]

    static let invalid: [Example] = [
        Example(action: #"Please hold <hold time=\"5\" />"#, expected: [("tag-time-format", "5")]),
        Example(action: #"Okay <ivr text=\"Press 1\" />"#, expected: [("tag-must-be-whole-action", #"<ivr text=\"Press 1\" />"#)]),
        Example(action: #"Hi there <speed ratio=\"1.1\" />"#, expected: [("tag-must-start-action", #"<speed ratio=\"1.1\" />"#)]),
        Example(action: #"<volume ratio=\"2.5\" />Loud"#, expected: [("value-out-of-range", "2.5")]),
        Example(action: #"<dtmf digits=\"12-34\" />"#, expected: [("dtmf-digits-invalid", "12-34")]),
        Example(action: #"<background_noise sound=\"cafe\">Hi</background_noise>"#, expected: [("sound-unknown", "cafe")]),
        Example(action: #"<voice provider=\"11labs\" id=\"a-b\" text=\"x\">y</voice>"#,
                expected: [("voice-id-format", "a-b"), ("voice-text-and-block", #"text=\"x\""#)]),
        Example(action: #"<ivr text=\"Menu <hold time='2s' /> please\" />"#, expected: [("ivr-text-contains-tag", "<hold time='2s' />")]),
        Example(action: #"<spell>AB<silence time=\"1s\" />C</spell>"#, expected: [("tag-nested", #"<silence time=\"1s\" />"#)]),
        Example(action: #"<interruption time=\"3s\" />Wait"#, expected: [("interruption-needs-followup", #"<interruption time=\"3s\" />"#)]),
        Example(action: "Bye <endcall>", expected: [("tag-not-closed", "<endcall>")]),
        Example(action: "Hello <endcall />", fixed: false, expected: [("tag-needs-fixed-message", "<endcall />")]),
    ]

    /// The diagnostics within the action, as (code, covered source text).
    static func found(_ example: Example) -> [String] {
        let (text, action) = script(example)
        let tree = SyntaxTree(text)
        let result = FileCheck.run(tree, fileName: "case.cekura.json")
        #expect(result.kind.kind.rawValue != "unknown")
        return result.diagnostics.filter { action.contains($0.range) }.map { "\($0.code) «\(tree.text(in: $0.range))»" }.sorted()
    }

    @Test(arguments: valid)
    func validActionIsClean(example: Example) {
        let (text, _) = Self.script(example)
        let diagnostics = FileCheck.run(SyntaxTree(text), fileName: "case.cekura.json").diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code): \($0.message)" })")
    }

    @Test(arguments: invalid)
    func invalidActionGetsItsDiagnosticOnItsPart(example: Example) {
        let expected = example.expected.map { "\($0.code) «\($0.text)»" }.sorted()
        #expect(Self.found(example) == expected)
    }

    /// The same example written inside an evaluator's `instructions` string:
    /// the range lands on the same part, now escaped twice.
    @Test func rangesMapIntoAScriptWrittenAsAString() throws {
        let example = Self.invalid[0]
        let (script, _) = Self.script(example)
        let body = """
        {"id": 5081, "agent": 12, "agent_name": "Rezeption", "name": "Café — Rückruf", "personality": 3,
         "scenario_type": "conditional_actions", "instructions": \(script.jsonQuoted)}
        """
        let tree = SyntaxTree(body)
        let diagnostics = FileCheck.run(tree, fileName: "case.evaluator.json").diagnostics
        let time = try #require(diagnostics.first { $0.code == "tag-time-format" })
        #expect(tree.text(in: time.range) == "5")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.code))")
    }
}
