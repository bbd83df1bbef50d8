import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// The quick fixes of the test-suite and inline personality / test-profile
/// rules, applied one at a time to a representative failing fixture per rule:
/// each fix removes a diagnostic of the code it is offered for, leaves valid
/// JSON that is still a test suite, brings no error the file did not have,
/// and writes what it promises, in the file's own layout.
struct SuiteFixTests {
    typealias Outcome = FixCase.Outcome
    typealias Case = FixCase

    static let cases: [Case] = [
        // Added members go last, on their own line, indented like their siblings.
        Case("required-property/fail-2.suite.json", [
            Outcome(contains: ["    }\n  ],\n  \"version\": \"1\"\n}"]),
        ]),
        Case("required-property/fail-4.suite.json", [
            Outcome(contains: ["        ],\n        \"role\": \"\"\n      },"]),
        ]),
        // Did-you-mean and the evaluator's names of suite fields.
        Case("unknown-property/fail.suite.json", [
            Outcome(contains: [#""instructions": "You lost your debit card"#], lacks: ["instuctions"]),
            Outcome(contains: [#""expected_outcome": "The agent blocks"#], lacks: ["expected_outcom\""]),
        ]),
        Case("unknown-property/fail-2.suite.json", [
            Outcome(contains: [#""type": "instruction","#], lacks: ["scenario_type"]),
            Outcome(contains: [#""language": "fr","#], lacks: ["scenario_language"]),
            Outcome(contains: [#""expected_outcome": "L'agent confirme"#], lacks: ["expected_outcome_prompt"]),
            // `tool_ids` takes the suite's tool names along with its own.
            Outcome(contains: [#""tools": ["end_call", "dtmf"]"#], lacks: ["tool_ids", "TOOL_"]),
        ]),
        // Request fields and plain unknown members are removed with their comma.
        Case("unknown-property/fail-3.suite.json", [
            Outcome(contains: ["\"version\": \"1\",\n  \"assistant_id\""], lacks: ["project_id", "118"]),
            Outcome(contains: ["\"project_id\": 118,\n  \"phone_number\""], lacks: ["assistant_id", "asst_"]),
            Outcome(contains: ["\"assistant_id\": \"asst_9f2c41d7\",\n  \"scenarios\""], lacks: ["+14155550123"]),
            Outcome(contains: ["you will come.\"\n    }"], lacks: [": 42"]),
        ]),
        Case("unknown-property/fail-4.suite.json", [
            Outcome(contains: ["\"version\": \"1\",\n  \"suite\""], lacks: ["owner", "qa-platform"]),
            Outcome(contains: [#""suite": {"name": "Insurance claims"},"#], lacks: ["timezone"]),
            Outcome(contains: ["\"language\": \"de\"\n  },"], lacks: ["retry_count"]),
            Outcome(contains: ["höflich.\",\n      \"personality\""], lacks: ["priority"]),
            Outcome(contains: [#""personality": {"base": 3},"#], lacks: ["mood", "impatient"]),
            Outcome(contains: ["\"caller_variables\": {\"claim_number\": \"7781\"}\n      }"], lacks: ["\"variables\"", "HV-2231"]),
        ]),
        // Type fixes where the intent is plain.
        Case("type-mismatch/fail.suite.json", [
            Outcome(contains: [#""max_duration": 300,"#]),
        ]),
        Case("type-mismatch/fail-2.suite.json", [
            Outcome(contains: [#""instructions": "42","#]),
            Outcome(contains: [#""base": 3,"#]),
            Outcome(contains: [#""end_call_enabled": true}"#]),
            Outcome(contains: [#""name": "1042","#]),
        ]),
        // Enum near misses, a case-only difference, and the evaluator's tool ids.
        Case("enum-mismatch/fail-2.suite.json", [
            Outcome(contains: [#""defaults": {"language": "en"}"#], lacks: ["\"EN\""]),
        ]),
        Case("enum-mismatch/fail-3.suite.json", [
            Outcome(contains: [#""type": "conditional_actions","#]),
            Outcome(contains: [#""tools": ["end_call", "hold", "TOOL_DTMF"]"#]),
            Outcome(contains: [#""tools": ["endcall", "hold", "dtmf"]"#]),
        ]),
        Case("enum-mismatch/fail-4.suite.json", [
            Outcome(contains: [#""voice_model": "eleven_turbo_v2_5""#]),
        ]),
        Case("suite-version-invalid/fail.suite.json", [
            Outcome(contains: [#""version": "1","#]),
        ]),
        Case("suite-version-invalid/fail-2.suite.json", [
            Outcome(contains: [#""version": "1","#], lacks: ["1.0"]),
        ]),
        Case("suite-agent-id-forbidden/fail.suite.json", [
            Outcome(contains: ["\"version\": \"1\",\n  \"suite\""], lacks: ["agent_id", "1207"]),
        ]),
        Case("suite-agent-id-forbidden/fail-2.suite.json", [
            Outcome(contains: [#""defaults": {"language": "en"},"#], lacks: ["1207"]),
            Outcome(contains: ["next week.\"\n    }"], lacks: ["1208"]),
        ]),
        Case("suite-channel-forbidden/fail-2.suite.json", [
            Outcome(contains: [#""name": "Où est ma commande ? (chat)", "instructions""#], lacks: ["channel"]),
        ]),
        // A removed credential takes its value along.
        Case("suite-credentials-forbidden/fail-2.suite.json", [
            Outcome(contains: ["\"version\": \"1\",\n  \"defaults\""], lacks: ["X-CEKURA-API-KEY"]),
            Outcome(contains: [#""defaults": {"language": "en"},"#], lacks: ["access_token", "eyJhbGci"]),
            Outcome(contains: ["RX-88410.\",\n      \"personality\""], lacks: ["Authorization", "Bearer"]),
            Outcome(contains: [#""personality": {"base": 3}"#], lacks: ["elevenlabs_api_key", "sk_5b1e0c2d9f"]),
        ]),
        Case("suite-instructions-required/fail.suite.json", [
            Outcome(contains: ["the doctor.\",\n      \"instructions\": \"\"\n    }"]),
        ]),
        // A case written on one line stays on one line.
        Case("suite-instructions-required/fail-2.suite.json", [
            Outcome(contains: [#""expected_outcome": "The agent gives Sunday's hours.", "instructions": ""}"#]),
            Outcome(contains: ["\"type\": \"real_world_fixed\",\n      \"instructions\": \"\"\n    }"]),
        ]),
        Case("suite-script-required/fail.suite.json", [
            Outcome(contains: ["\"tools\": [\"dtmf\", \"end_call\"],\n      \"conditional_actions\": {\"role\": \"\", \"conditions\": [{\"id\": 0, \"condition\": \"FIRST_MESSAGE\""]),
        ]),
        Case("suite-language-required/fail.suite.json", [
            Outcome(contains: ["\"tools\": [\"dtmf\"],\n      \"language\": \"en\"\n    }"]),
        ]),
        // The default's own value, copied onto the case.
        Case("suite-language-from-defaults/fail.suite.json", [
            Outcome(contains: ["\"tools\": [\"dtmf\"],\n      \"language\": \"fr\"\n    }"]),
        ]),
        Case("suite-script-ignored/fail.suite.json", [
            Outcome(contains: ["\"tools\": [\"dtmf\"],\n      \"type\": \"conditional_actions\"\n    }"]),
        ]),
        Case("suite-script-ignored/fail-2.suite.json", [
            Outcome(contains: [#""type": "conditional_actions","#], lacks: [#""instruction""#]),
        ]),
        Case("metric-slug-invalid/fail.suite.json", [
            Outcome(contains: [#""metrics": ["expected_outcome", "greeting_by_name"]"#]),
            Outcome(contains: [#""metrics": ["csat_score", 12, "tool-call-success"]"#]),
            Outcome(contains: [#""metrics": ["CSAT score", 12, "tool_call_success"]"#]),
        ]),
        // No fix for "qualité_de_réponse": "qualit_de_r_ponse" would name another metric.
        Case("metric-slug-invalid/fail-2.suite.json", [
            Outcome(contains: [#""empathy_score"]"#], lacks: ["😊"]),
        ]),
        // The model that goes with the provider given; English; no background noise.
        Case("personality-inline-incomplete/fail.suite.json", [
            Outcome(contains: ["\"provider\": \"cartesia\",\n        \"language\": \"en\",\n        \"voice_model\": \"sonic-3.5\",\n        \"background_noise\": \"off\"\n      }"]),
        ]),
        Case("personality-field-not-inline/fail-2.suite.json", [
            Outcome(contains: ["\"base\": 3,\n      \"network_simulation\""], lacks: ["background_sound_volume"]),
            Outcome(contains: ["\"background_sound_volume\": 0.4\n    }"], lacks: ["network_simulation", "packet_loss"]),
            Outcome(contains: ["\"base\": 4,\n        \"message_plan\""], lacks: ["generation_config", "temperature"]),
            Outcome(contains: ["{\"temperature\": 0.7},\n        \"start_speaking_plan\""], lacks: ["message_plan"]),
            Outcome(contains: ["{\"idle_timeout_seconds\": 20},\n        \"stop_speaking_plan\""], lacks: ["start_speaking_plan"]),
            Outcome(contains: ["{\"wait_seconds\": 0.4}\n      }"], lacks: ["stop_speaking_plan"]),
        ]),
        Case("personality-accent-not-settable/fail.suite.json", [
            Outcome(contains: [#""personality": {"base": 3}"#], lacks: ["\"accent\"", "\"Scottish\""]),
        ]),
        Case("background-noise-invalid/fail.suite.json", [
            Outcome(contains: [#""background_noise": "office"}"#], lacks: ["\"Office\""]),
        ]),
        Case("test-profile-empty/fail.suite.json", [
            Outcome(contains: [#""defaults": {},"#]),
            Outcome(contains: ["RX-88410.\"\n    }"]),
        ]),
    ]

    @Test(arguments: cases)
    func eachFixRemovesItsDiagnosticAndAddsNoError(_ testCase: Case) throws {
        let text = try Self.fixtureText(testCase.fixture)
        let before = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json").diagnostics
        let fixes = before.filter { $0.code == testCase.code }.flatMap(\.fixes)
        #expect(fixes.count == testCase.outcomes.count, "\(testCase): fixes offered: \(fixes.map(\.title))")
        for (fix, outcome) in zip(fixes, testCase.outcomes) {
            let fixed = String(decoding: try Array(text.utf8).applying(fix.edits), as: UTF8.self)
            let after = try Self.checkFixed(fixed, from: before, by: fix, in: testCase)
            #expect(after.filter { $0.code == testCase.code }.count < before.filter { $0.code == testCase.code }.count,
                    "\(testCase), \(fix.title): the diagnostic it fixes is still there")
            let newErrors = Self.errors(after).subtracting(Self.errors(before))
            #expect(newErrors.isEmpty, "\(testCase), \(fix.title): new errors \(newErrors)\n\(fixed)")
            for snippet in outcome.contains {
                #expect(fixed.contains(snippet), "\(testCase), \(fix.title): lacks \(snippet.debugDescription)\n\(fixed)")
            }
            for snippet in outcome.lacks {
                #expect(!fixed.contains(snippet), "\(testCase), \(fix.title): still has \(snippet.debugDescription)\n\(fixed)")
            }
        }
    }

    /// Where the right edit is unknown, or would break the file, none is offered.
    @Test(arguments: [
        "unknown-property/fail-6.suite.json",  // `instructions` and `tools` exist: a rename would duplicate them
        "suite-duplicate-key/fail-2.suite.json",  // which case's key should change is the author's call
        "tool-ids-conflict/fail.suite.json",  // which tool to keep depends on the test
        "personality-provider-model-mismatch/fail.suite.json",  // the provider or the model may be wrong
        "personality-voice-id-format/fail.suite.json",
        "reserved-header-variable/fail.suite.json",
        "value-out-of-range/fail-3.suite.json",
        "string-too-long/fail.suite.json",
        "enum-mismatch/fail.suite.json",  // `kk`, `uz`: no suite language is a near miss for them
    ])
    func noFixIsOffered(fixture: String) throws {
        let text = try Self.fixtureText(fixture)
        let code = String(fixture.prefix { $0 != "/" })
        let diagnostics = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json").diagnostics.filter { $0.code == code }
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.fixes.isEmpty }, "\(fixture): \(diagnostics.flatMap(\.fixes).map(\.title))")
    }

    /// Inserted members copy the indentation of their siblings, tabs included,
    /// and the file's line ends.
    @Test(arguments: [
        (indent: "  ", newline: "\n"),
        (indent: "\t", newline: "\n"),
        (indent: "    ", newline: "\r\n"),
        (indent: "\t", newline: "\r\n"),
    ])
    func insertedMembersFollowTheFilesLayout(indent: String, newline: String) throws {
        let original = try Self.fixtureText("suite-language-from-defaults/fail.suite.json")
        let text = Self.relayout(original, indent: indent, newline: newline)
        let diagnostics = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json").diagnostics
        let fix = try #require(diagnostics.first { $0.code == "suite-language-from-defaults" }?.fixes.first)
        let fixed = String(decoding: try Array(text.utf8).applying(fix.edits), as: UTF8.self)
        let caseIndent = String(repeating: indent, count: 3)
        #expect(fixed.contains("\"tools\": [\"dtmf\"]," + newline + caseIndent + "\"language\": \"fr\"" + newline
                               + String(repeating: indent, count: 2) + "}"), "\(fixed.debugDescription)")
        #expect(FileCheck.run(SyntaxTree(fixed), fileName: "cekura.tests.json").diagnostics.isEmpty)
    }

    /// Several members added to an empty object become one valid edit; the
    /// ones without an obvious value are left empty for the user to fill in,
    /// and say so.
    @Test func fromScratchFixFillsAnEmptyPersonality() throws {
        let text = try Self.fixtureText("personality-inline-incomplete/fail-2.suite.json")
        let before = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json").diagnostics
        let fix = try #require(before.first { $0.code == "personality-inline-incomplete" }?.fixes.first)
        let fixed = String(decoding: try Array(text.utf8).applying(fix.edits), as: UTF8.self)
        #expect(fixed.contains(#""personality": {"prompt": "", "language": "en", "voice_model": "eleven_flash_v2_5", "voice_id": "", "background_noise": "off"}"#))
        let tree = SyntaxTree(fixed)
        #expect(tree.diagnostics.isEmpty)
        let after = FileCheck.run(tree, fileName: "cekura.tests.json").diagnostics
        #expect(after.map(\.code) == ["string-too-short", "string-too-short"])
        #expect(after.map(\.message) == ["`prompt` must not be empty", "`voice_id` must not be empty"])
    }

    /// A required string with a minimum length is inserted empty: the value is
    /// the user's to write, and the empty string points them at it.
    @Test func missingCaseNameIsInsertedEmptyForTheUserToWrite() throws {
        let text = try Self.fixtureText("required-property/fail.suite.json")
        let before = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json").diagnostics
        let fix = try #require(before.first { $0.code == "required-property" }?.fixes.first)
        let fixed = String(decoding: try Array(text.utf8).applying(fix.edits), as: UTF8.self)
        #expect(fixed.contains("have.\",\n      \"name\": \"\"\n    }"))
        let after = FileCheck.run(SyntaxTree(fixed), fileName: "cekura.tests.json").diagnostics
        #expect(after.map(\.code) == ["string-too-short"])
    }

    // MARK: - Helpers

    static func fixtureText(_ fixture: String) throws -> String {
        let url = RuleFixtures.folder.appendingPathComponent(fixture)
        return try RuleFixture(name: fixture, marked: String(contentsOf: url, encoding: .utf8)).text
    }

    /// The fixed text must parse cleanly and still be taken for a test suite.
    private static func checkFixed(_ fixed: String, from before: [Diagnostic], by fix: Fix, in testCase: Case) throws -> [Diagnostic] {
        let tree = SyntaxTree(fixed)
        #expect(tree.diagnostics.isEmpty, "\(testCase), \(fix.title): \(tree.diagnostics.map(\.code))\n\(fixed)")
        let result = FileCheck.run(tree, fileName: "cekura.tests.json")
        #expect(result.kind.kind == .testSuite)
        return result.diagnostics
    }

    /// Errors by code and message, counted, so a fix that turns one error into
    /// two of the same kind is caught too.
    private static func errors(_ diagnostics: [Diagnostic]) -> Multiset {
        Multiset(diagnostics.filter { $0.severity == .error }.map { "\($0.code): \($0.message)" })
    }

    struct Multiset: CustomStringConvertible {
        var counts: [String: Int] = [:]
        init(_ items: [String]) { for item in items { counts[item, default: 0] += 1 } }
        func subtracting(_ other: Multiset) -> Multiset {
            var result = self
            for (item, count) in other.counts { result.counts[item] = max(0, (result.counts[item] ?? 0) - count) }
            result.counts = result.counts.filter { $0.value > 0 }
            return result
        }
        var isEmpty: Bool { counts.isEmpty }
        var description: String { counts.description }
    }

    /// The same document with each two-space step of indentation as `indent`
    /// and `newline` as its line end.
    static func relayout(_ text: String, indent: String, newline: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) -> String in
            let spaces = line.prefix { $0 == " " }.count
            return String(repeating: indent, count: spaces / 2) + String(line.dropFirst(spaces - spaces % 2))
        }.joined(separator: newline)
    }
}
