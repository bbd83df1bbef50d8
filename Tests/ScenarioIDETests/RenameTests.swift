import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Renaming condition ids, functions, outputs and test-profile keys, with the
/// cursor at `$0`: every occurrence changes, escaped for where it stands, and
/// names that would break the file are refused with a reason.
struct RenameTests {
    static func script(cursorAfter snippet: String) -> CursorFixture {
        NavigationTests.scriptFixture(cursorAfter: snippet)
    }

    static func refusal(_ result: Result<String, Rename.Refusal>) -> String? {
        if case .failure(let refusal) = result { refusal.message } else { nil }
    }

    @Test func conditionIDAndTheFollowupsNamingIt() throws {
        let fixture = Self.script(cursorAfter: #"{"id": 1"#)
        let renamed = try fixture.renamed(to: "7").get()
        #expect(renamed == NavigationTests.script
            .replacingOccurrences(of: #"{"id": 1,"#, with: #"{"id": 7,"#)
            .replacingOccurrences(of: #""condition": 1,"#, with: #""condition": 7,"#))
        // Written as a number, whatever the spelling of the new name.
        #expect(try fixture.renamed(to: "007").get() == renamed)
    }

    @Test func conditionIDMustBeANumberNotInUse() throws {
        let fixture = Self.script(cursorAfter: #"{"id": 1"#)
        #expect(try Self.refusal(fixture.renamed(to: "one")) == #"a condition id is a whole number, like 3; "one" is not"#)
        #expect(try Self.refusal(fixture.renamed(to: "2")) == "another condition already has id 2; condition ids must be unique")
        #expect((try? fixture.renamed(to: "1").get()) == NavigationTests.script, "its own id is no conflict")
    }

    @Test func functionEverywhereItIsNamed() throws {
        let renamed = try Self.script(cursorAfter: #""name": "look"#).renamed(to: "find-order").get()
        #expect(!renamed.contains("lookup"))
        #expect(renamed.components(separatedBy: "find-order").count - 1 == 4)
        #expect(renamed.contains(#"<function name=\"find-order\"/> It is {{function.find-order.eta}}"#))
        #expect(renamed.contains(#"https://x.example/{{function.find-order.eta}}"#))
    }

    @Test func functionNameFollowsTheNameRule() throws {
        let fixture = Self.script(cursorAfter: "{{function.look")
        #expect(try Self.refusal(fixture.renamed(to: "find order"))
            == #"a function name is 1 to 64 letters, digits, `_` or `-`; "find order" contains a space"#)
        #expect(try Self.refusal(fixture.renamed(to: String(repeating: "a", count: 65)))?.hasSuffix("this one has 65") == true)
        #expect(try Self.refusal(fixture.renamed(to: "track")) == #"another function is already named "track"; function names must be unique"#)
    }

    @Test func outputAndItsPlaceholders() throws {
        let renamed = try Self.script(cursorAfter: #"{"e"#).renamed(to: "arrival").get()
        #expect(renamed.components(separatedBy: "arrival").count - 1 == 3)
        #expect(try Self.refusal(Self.script(cursorAfter: #"{"e"#).renamed(to: "a}b"))?.hasPrefix("an output name is") == true)
    }

    @Test func undefinedNamesAreNotRenamed() throws {
        let fixture = Self.script(cursorAfter: "name='now")
        #expect(try Self.refusal(fixture.renamed(to: "x")) == #"no function named "nowhere" is declared in this script, so there is nothing to rename"#)
        #expect(Rename.prepare(in: fixture.document, at: fixture.offset)
            == .failure(Rename.Refusal(message: #"no function named "nowhere" is declared in this script, so there is nothing to rename"#)))
        let key = Self.script(cursorAfter: "{{test_profile.p")
        #expect(try Self.refusal(key.renamed(to: "code"))?.hasPrefix("`pin` is not a key of inline test data in this file") == true)
    }

    @Test func prepareGivesTheNameUnderTheCursor() throws {
        let fixture = Self.script(cursorAfter: #"It is {{function.lookup.e"#)
        let target = try #require(Rename.prepare(in: fixture.document, at: fixture.offset)).get()
        #expect(target.name == "eta")
        expectMark(fixture.marked(target.range), #".lookup.[eta]}}", "t"#)
        let role = Self.script(cursorAfter: #""role": "cal"#)
        #expect(Rename.prepare(in: role.document, at: role.offset) == nil)
        #expect(try Self.refusal(role.renamed(to: "x"))?.hasPrefix("there is no condition id") == true)
    }

    // MARK: Test-profile keys

    @Test func keyInEveryPlaceholderFormAndTheDefinition() throws {
        let fixture = CursorFixture(NavigationTests.suite, cursorAfter: #""caller_variables": {"pi"#)
        let renamed = try fixture.renamed(to: "code").get()
        #expect(renamed.contains(#"{"caller_variables": {"code": "1234""#))
        #expect(renamed.contains(#""Say {{test_profile.code}} in"#))
        #expect(renamed.contains(#"<dtmf digits=\"{{test_profile['code']}}\"/>"#))
        // Case c's own profile keeps its `pin`.
        #expect(renamed.contains(#"{"caller_variables": {"pin": "9"}}, "instructions": "Say {{test_profile.pin}}""#))
    }

    @Test func keyMustBeWritableWhereItIsUsed() throws {
        let fixture = CursorFixture(NavigationTests.suite, cursorAfter: #""caller_variables": {"pi"#)
        #expect(try Self.refusal(fixture.renamed(to: "pin code"))
            == #""pin code" cannot stand in `{{test_profile.pin}}`, where a blank is syntax; choose a key without it, or write that placeholder in another form first (`.key`, `['key']` or `["key"]`)"#)
        // The placeholder in `digits="…"` cannot hold the attribute's quote.
        #expect(try Self.refusal(fixture.renamed(to: #"pin"2"#))?.hasPrefix(#""pin\"2" cannot stand in `{{test_profile['pin']}}`, where `"` is syntax"#) == true)
        #expect(try Self.refusal(fixture.renamed(to: "address")) == #"this object already has a key "address""#)
        #expect(try Self.refusal(fixture.renamed(to: "")) == "a test-profile key cannot be empty")
    }

    @Test func keyIsEscapedForTheJSONStringsItLandsIn() throws {
        let text = #"""
        {"version": "1", "scenarios": [{"name": "a", "test_profile": {"caller_variables": {"order": "1"}},
          "instructions": "Read {{test_profile['order']}}"}]}
        """#
        let fixture = CursorFixture(text, cursorAfter: "{{test_profile['ord")
        let renamed = try fixture.renamed(to: #"order "id" \ é"#).get()
        #expect(renamed.contains(#"{"caller_variables": {"order \"id\" \\ é": "1"}}"#))
        #expect(renamed.contains(#""Read {{test_profile['order \"id\" \\ é']}}""#))
        #expect(try Self.refusal(fixture.renamed(to: "it's"))?.hasPrefix(#""it's" cannot stand in `{{test_profile['order']}}`, where `'` is syntax"#) == true)
    }

    // MARK: Scripts inside strings

    @Test func renameInsideInstructionsReplacesTheEscapedSpelling() throws {
        let text = #"""
        {"name": "a", "scenario_type": "conditional_actions", "instructions": "{\"role\": \"r\", \"functions\": [{\"name\": \"lookup\"}], \"conditions\": [{\"id\": 0, \"action\": \"\\\"{{function.look\\u0075p.eta}}\\\" <function name=\\\"lookup\\\"/>\"}]}"}
        """#
        let fixture = CursorFixture(text, cursorAfter: #"{\"name\": \"look"#, fileName: "refund.scenario.json")
        #expect(try fixture.renamed(to: "track_2").get() == text
            .replacingOccurrences(of: #"look\\u0075p"#, with: "track_2")
            .replacingOccurrences(of: "lookup", with: "track_2"))
    }
}
