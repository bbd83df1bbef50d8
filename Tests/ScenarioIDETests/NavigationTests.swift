import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Definition, references and highlights of condition ids, functions, their
/// outputs and test-profile keys, with the cursor at `$0`.
struct NavigationTests {
    /// A standalone script that uses every kind of script symbol.
    static let script = #"""
    {"role": "caller",
     "functions": [
      {"name": "lookup", "auto_run": false, "config": {"url": "https://x.example/{{test_profile.pin}}", "response_mapping": {"eta": "$.eta"}}},
      {"name": "track", "config": {"url": "https://x.example/{{function.lookup.eta}}"}}],
     "conditions": [
      {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true},
      {"id": 1, "condition": "The agent asks", "action": "<function name=\"lookup\"/> It is {{function.lookup.eta}}", "type": "standard", "fixed_message": true},
      {"id": 2, "condition": 1, "action": "Thanks", "type": "action_followup", "fixed_message": true},
      {"id": 3, "condition": 2, "action": "<function name='nowhere'/> {{function.nowhere.x}}", "type": "action_followup", "fixed_message": true}]}
    """#

    static func scriptFixture(cursorAfter snippet: String) -> CursorFixture {
        CursorFixture(script, cursorAfter: snippet, fileName: "flow.cekura.json")
    }

    @Test func followupLeadsToTheConditionItNames() {
        let fixture = Self.scriptFixture(cursorAfter: #""condition": 1"#)
        expectMark(fixture.definition, #"{"id": [1], "condit"#)
        expectMarks(fixture.occurrences, [#"{"id": [1], "condit"#, #"ndition": [1], "actio"#])
    }

    @Test func conditionIDListsTheFollowupsNamingIt() {
        let fixture = Self.scriptFixture(cursorAfter: #"{"id": 2"#)
        expectMark(fixture.definition, #"{"id": [2], "condit"#)
        expectMarks(fixture.occurrences, [#"{"id": [2], "condit"#, #"ndition": [2], "actio"#])
        let references = Navigation.references(in: fixture.document, at: fixture.offset, includeDeclaration: false)
        expectMarks(references.map { fixture.marked($0.range) }, [#"ndition": [2], "actio"#])
    }

    @Test func aRepeatedIDResolvesAsTheCheckerResolvesIt() {
        // Two conditions have id 1; the followup follows the nearest one above it.
        let text = #"{"role": "r", "conditions": [{"id": 1, "action": "a"}, {"id": 1, "action": "b"}, {"id": 2, "condition": 1, "type": "action_followup"}]}"#
        let fixture = CursorFixture(text, cursorAfter: #""condition": 1"#, fileName: "flow.cekura.json")
        expectMark(fixture.definition, #"{"id": [1], "action": "b"#)
    }

    @Test func functionTagLeadsToTheDeclarationAndListsEveryUse() {
        let fixture = Self.scriptFixture(cursorAfter: #"<function name=\"look"#)
        expectMark(fixture.definition, #""name": "[lookup]", "auto_"#)
        expectMarks(fixture.occurrences, [
            #""name": "[lookup]", "auto_"#,
            #"function.[lookup].eta}}"}"#,
            #"name=\"[lookup]\"/> It"#,
            #"function.[lookup].eta}}", "t"#,
        ])
    }

    @Test func outputLeadsToItsResponseMappingKey() {
        let fixture = Self.scriptFixture(cursorAfter: #"It is {{function.lookup.e"#)
        expectMark(fixture.definition, #"pping": {"[eta]": "$.eta"#)
        #expect(fixture.occurrences.count == 3)
    }

    @Test func undeclaredFunctionHasUsesButNoDefinition() {
        let fixture = Self.scriptFixture(cursorAfter: "name='now")
        #expect(fixture.definition == nil)
        expectMarks(fixture.occurrences, [#"on name='[nowhere]'/> {{fun"#, #"function.[nowhere].x}}", "t"#])
    }

    @Test func functionPlaceholdersInRoleAndConditionsAreUses() {
        // The checker reports placeholders there, but they still name the function.
        let text = #"{"role": "{{function.f.x}}", "functions": [{"name": "f"}], "conditions": [{"id": 0, "condition": "after {{function.f.x}}"}]}"#
        let fixture = CursorFixture(text, cursorAfter: #"{"name": "f"#, fileName: "flow.cekura.json")
        expectMarks(fixture.occurrences, [#"{"role": "{{function.[f].x}}""#, #"{"name": "[f]"}]"#, #"after {{function.[f].x}}"#])
    }

    @Test func evaluatorWithAStructuredScript() {
        let text = #"{"name": "a", "scenario_type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [{"id": 0}, {"id": 1, "condition": 0}]}}"#
        let fixture = CursorFixture(text, cursorAfter: #""condition": 0"#, fileName: "refund.scenario.json")
        expectMark(fixture.definition, #"[{"id": [0]}, {"#)
    }

    @Test func nothingOutsideASymbolOrInOtherFiles() {
        #expect(Self.scriptFixture(cursorAfter: #""role": "cal"#).occurrences.isEmpty)
        #expect(CursorFixture(#"{"name": "lookup", "id$0": 1}"#, fileName: "package.json").occurrences.isEmpty)
    }

    // MARK: Test-profile keys

    static let suite = #"""
    {"version": "1",
     "defaults": {"test_profile": {"caller_variables": {"pin": "1234", "address": {"city": "Oslo"}}, "agent_variables": {"account": 7}}},
     "scenarios": [
      {"name": "a", "instructions": "Say {{test_profile.pin}} in {{test_profile.address.city}}"},
      {"name": "b", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [
        {"id": 0, "condition": "FIRST_MESSAGE", "action": "<dtmf digits=\"{{test_profile['pin']}}\"/> {{test_profile.account}}", "type": "standard", "fixed_message": true}]}},
      {"name": "c", "test_profile": {"caller_variables": {"pin": "9"}}, "instructions": "Say {{test_profile.pin}}"}]}
    """#

    @Test func keyPlaceholdersResolveInTheCasesTestData() {
        let fixture = CursorFixture(Self.suite, cursorAfter: #"{"name": "a", "instructions": "Say {{test_profile.p"#)
        expectMark(fixture.definition, #"iables": {"[pin]": "1234"#)
        // Case c has a test profile of its own: its `pin` is another key.
        expectMarks(fixture.occurrences, [
            #"iables": {"[pin]": "1234"#,
            #"_profile.[pin]}} in {{t"#,
            #"profile['[pin]']}}\"/> "#,
        ])
    }

    @Test func fromAScriptToTheOtherCasesSharingTheTestData() {
        let fixture = CursorFixture(Self.suite, cursorAfter: "{{test_profile['pi")
        expectMarks(fixture.occurrences, [
            #"iables": {"[pin]": "1234"#,
            #"_profile.[pin]}} in {{t"#,
            #"profile['[pin]']}}\"/> "#,
        ])
    }

    @Test func keysNoTestDataDefinesAreSharedWithinTheirCase() {
        let text = #"""
        {"version": "1", "scenarios": [
         {"name": "a", "instructions": "{{test_profile.pin}}", "type": "conditional_actions", "conditional_actions": {"role": "{{test_profile.pin}}"}},
         {"name": "b", "instructions": "{{test_profile.pin}}"}]}
        """#
        let fixture = CursorFixture(text, cursorAfter: #"{"role": "{{test_profile.p"#)
        // Without test data keys are looked up per case: case b's `pin` is another symbol.
        expectMarks(fixture.occurrences, [#"tions": "{{test_profile.[pin]}}", "type"#, #""role": "{{test_profile.[pin]}}"#])
    }

    @Test func nestedKeysAndAgentVariablesResolve() {
        let city = CursorFixture(Self.suite, cursorAfter: "address.ci")
        expectMark(city.definition, #"ess": {"[city]": "Oslo"#)
        let address = CursorFixture(Self.suite, cursorAfter: "{{test_profile.addr")
        expectMark(address.definition, #"", "[address]": {"cit"#)
        let account = CursorFixture(Self.suite, cursorAfter: "{{test_profile.acc")
        expectMark(account.definition, #"ables": {"[account]": 7}}}"#)
    }

    @Test func fromADefinitionKeyToItsPlaceholders() {
        let fixture = CursorFixture(Self.suite, cursorAfter: #""caller_variables": {"pi"#)
        #expect(fixture.occurrences.count == 3)
        let highlights = Navigation.occurrences(in: fixture.document, at: fixture.offset)?.all ?? []
        #expect(highlights.map(\.isDefinition) == [true, false, false])
    }

    @Test func keysWithoutInlineTestDataAreUsesOnly() {
        let fixture = Self.scriptFixture(cursorAfter: "{{test_profile.p")
        #expect(fixture.definition == nil)
        expectMarks(fixture.occurrences, [#"_profile.[pin]}}", "re"#])
    }

    // MARK: Scripts inside strings, half-typed documents

    @Test func scriptInInstructionsMapsThroughBothLevelsOfEscapes() throws {
        // The function's name in a placeholder is written `look\\u0075p`: an
        // escape of the action inside an escape of `instructions`.
        let text = #"""
        {"name": "Café ☕", "scenario_type": "conditional_actions", "instructions": "{\"role\": \"r\", \"functions\": [{\"name\": \"lookup\", \"config\": {\"response_mapping\": {\"eta\": \"$.eta\"}}}], \"conditions\": [{\"id\": 0, \"action\": \"Hi\"}, {\"id\": 1, \"action\": \"It is \\\"{{function.look\\u0075p.eta}}\\\"\"}, {\"id\": 2, \"condition\": 1}]}"}
        """#
        let fixture = CursorFixture(text, cursorAfter: "{{function.look", fileName: "refund.scenario.json")
        let (origin, definition) = try #require(Navigation.definition(in: fixture.document, at: fixture.offset))
        #expect(fixture.covered(origin.range) == #"look\\u0075p"#)
        expectMark(fixture.marked(definition.range), #""name\": \"[lookup]\", \"conf"#)
        let output = CursorFixture(text, cursorAfter: #"\\u0075p.e"#, fileName: "refund.scenario.json")
        expectMark(output.definition, #"mapping\": {\"[eta]\": \"$.e"#)
        let followup = CursorFixture(text, cursorAfter: #"\"condition\": "#, fileName: "refund.scenario.json")
        expectMark(followup.definition, #"\"id\": [1], \"acti"#)
    }

    @Test func halfTypedScriptStillNavigates() {
        let text = #"{"version": "1", "scenarios": [{"name": "a", "type": "conditional_actions", "conditional_actions": {"role": "r", "functions": [{"name": "lookup"}], "conditions": [{"id": 0, "action": "<function name=\"lookup\"/> {{function.lookup.x"#
        // The placeholder is never closed, so it names nothing; the tag does.
        let fixture = CursorFixture(text, cursorAfter: #"name=\"look"#)
        expectMark(fixture.definition, #""name": "[lookup]"}], "co"#)
        #expect(fixture.occurrences.count == 2)
    }
}
