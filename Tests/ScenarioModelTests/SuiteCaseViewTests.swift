import JSONSyntax
import ScenarioModel
import Testing

/// How a case sees `defaults` (scenario-format.md §3.2): fields merge one by
/// one, the case's own value winning whole; `metrics` combine, defaults first.
struct SuiteCaseViewTests {
    static let suite = #"""
    {
      "version": "1",
      "defaults": {
        "language": "fr",
        "max_duration": 300,
        "personality": {"base": 3, "speed": 1.1},
        "tags": ["nightly"],
        "metrics": ["expected_outcome", 5]
      },
      "scenarios": [
        {"name": "Réserver une table", "instructions": "…", "max_duration": 120, "personality": {"base": 7}, "tags": ["booking"], "metrics": ["tool_call_success", 5]},
        {"key": "hours", "name": "Horaires", "instructions": "…"},
        "not a case",
        {"name": "Script", "type": "conditional_actions", "metrics": "greeting"}
      ]
    }
    """#

    static func cases(_ text: String = suite) throws -> [SuiteCaseView] {
        let document = ScenarioDocument(tree: SyntaxTree(text), fileName: "cekura.tests.json")
        guard case .suite(let view) = document.root else {
            Issue.record("not read as a suite")
            return []
        }
        return view.cases
    }

    @Test func fieldsMergeOneByOne() throws {
        let cases = try Self.cases()
        let (overriding, inheriting) = (cases[0], cases[1])
        // The case's own value wins…
        #expect(overriding.effective("max_duration")?.node.text == "120")
        #expect(overriding.effective("max_duration")?.fromDefaults == false)
        // …field by field: what it does not set still comes from `defaults`.
        #expect(overriding.effective("language")?.node.text == #""fr""#)
        #expect(overriding.effective("language")?.fromDefaults == true)
        #expect(inheriting.effective("max_duration")?.node.text == "300")
        #expect(inheriting.effective("max_duration")?.fromDefaults == true)
        // Neither has it.
        #expect(inheriting.effective("frequency") == nil)
    }

    @Test func inlineObjectsAndTagsAreReplacedWhole() throws {
        let overriding = try Self.cases()[0]
        // No deep merge: the case's personality has no `speed` of its own, and gets none.
        #expect(overriding.effective("personality")?.node.text == #"{"base": 7}"#)
        #expect(overriding.effective("tags")?.node.text == #"["booking"]"#)
    }

    @Test func metricsCombineDefaultsFirst() throws {
        let cases = try Self.cases()
        // Both lists, in order; the repeated 5 is kept, as the API's handling of repeats is unknown.
        #expect(cases[0].effectiveMetrics.map(\.text) == [#""expected_outcome""#, "5", #""tool_call_success""#, "5"])
        // A case without metrics has the defaults'.
        #expect(cases[1].effectiveMetrics.map(\.text) == [#""expected_outcome""#, "5"])
        // `metrics` that is not an array adds nothing (the validator reports its type).
        #expect(cases[2].effectiveMetrics.map(\.text) == [#""expected_outcome""#, "5"])
        // `effective` alone would have let the case's list hide the defaults'.
        #expect(cases[0].effective("metrics")?.node.text == #"["tool_call_success", 5]"#)
    }

    @Test func withoutDefaultsACaseHasItsOwnMetrics() throws {
        let cases = try Self.cases(#"{"version": "1", "scenarios": [{"name": "a", "metrics": [1, "csat"]}, {"name": "b"}]}"#)
        #expect(cases[0].defaults == nil)
        #expect(cases[0].effectiveMetrics.map(\.text) == ["1", #""csat""#])
        #expect(cases[1].effectiveMetrics.isEmpty)
        #expect(cases[0].effective("language") == nil)
    }

    @Test func casesKeepTheirIndexAndKey() throws {
        let cases = try Self.cases()
        // The string at index 2 is not a case; the next one keeps index 3.
        #expect(cases.map(\.index) == [0, 1, 3])
        #expect(cases.map { $0.effectiveKey?.value } == ["Réserver une table", "hours", "Script"])
        #expect(cases.map(\.type) == ["instruction", "instruction", "conditional_actions"])
        #expect(cases.map(\.isScript) == [false, false, true])
    }
}
