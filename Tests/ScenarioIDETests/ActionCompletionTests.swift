import JSONSyntax
@testable import ScenarioIDE
import ScenarioModel
import Testing

/// Completion in a condition's `action`, with the cursor at `$0`.
struct ActionCompletionTests {
    typealias S = ScriptFixtures

    static func fixture(_ action: String, type: String = "standard") -> CursorFixture {
        CursorFixture(S.script(action, type: type), fileName: S.scriptFile)
    }

    // MARK: Tags

    @Test func tagsAfterALessThanSign() throws {
        let fixture = Self.fixture("Wait <$0")
        let labels = fixture.completions.map(\.label)
        #expect(labels.contains("silence") && labels.contains("endcall") && labels.contains("spell"))
        #expect(!labels.contains("interruption"), "only on an action_followup")
        #expect(fixture.accepting("silence") == S.script(#"Wait <silence time=\"\" />"#))
        let item = try #require(fixture.completions.first { $0.label == "silence" })
        // The action is a JSON string: the snippet's quotes are escaped for it, its tab stop kept.
        #expect(item.isSnippet && item.newText == #"silence time=\\"$1\\" />"#)
    }

    @Test func aPartialNameIsFilteredAndReplaced() {
        let fixture = Self.fixture("Wait <sil$0")
        #expect(fixture.completions.map(\.label) == ["silence"])
        #expect(fixture.accepting("silence") == S.script(#"Wait <silence time=\"\" />"#))
    }

    @Test func blockTagsComeWithTheirClosingTag() throws {
        let fixture = Self.fixture("<spe$0")
        #expect(fixture.accepting("spell") == S.script("<spell></spell>"))
        let noise = Self.fixture("<back$0")
        #expect(noise.accepting("background_noise") == S.script(#"<background_noise sound=\"\"></background_noise>"#))
        let item = try #require(noise.completions.first)
        #expect(item.newText == #"background_noise sound=\\"$1\\">$2</background_noise>"#)
    }

    @Test func voiceIsOfferedInBothForms() {
        let labels = Self.fixture("<voi$0").completions.map(\.label)
        #expect(labels == ["voicemail", "voice", "voice (block)"])
        #expect(Self.fixture("<voi$0").accepting("voice (block)") == S.script(#"<voice provider=\"\" id=\"\"></voice>"#))
    }

    @Test func aFinishedTagIsOnlyRenamed() {
        // The cursor in a misspelt name: the letters before it choose, the whole name is replaced.
        let fixture = Self.fixture(#"Wait <sil$0ense time=\"1s\" /> ok"#)
        #expect(fixture.accepting("silence") == S.script(#"Wait <silence time=\"1s\" /> ok"#))
    }

    @Test func tagsFollowTheCondition() {
        #expect(Self.fixture("<inter$0", type: "action_followup").completions.map(\.label) == ["interruption"])
        let first = CursorFixture(S.script("x").replacingOccurrences(of: #""action": "Hi""#, with: #""action": "<fun$0""#),
                                  fileName: S.scriptFile)
        #expect(first.completions.isEmpty, "no <function> on the first condition")
        #expect(Self.fixture("<fun$0").completions.map(\.label) == ["function"])
    }

    // MARK: Closing tags

    @Test func closingTagsOfTheBlocksStillOpen() {
        let nested = #"<voice provider=\"cartesia\" id=\"x\"><ignore_interruptions>Hi "#
        let fixture = Self.fixture(nested + "<$0")
        let labels = fixture.completions.map(\.label)
        #expect(labels.suffix(2) == ["</ignore_interruptions>", "</voice>"], "innermost first")
        #expect(fixture.accepting("</ignore_interruptions>") == S.script(nested + "</ignore_interruptions>"))
        #expect(Self.fixture(nested + "</$0").completions.map(\.label) == ["</ignore_interruptions>", "</voice>"])
        #expect(Self.fixture(nested + "</ig$0").accepting("</ignore_interruptions>") == S.script(nested + "</ignore_interruptions>"))
        #expect(Self.fixture(nested + "</ig$0>").accepting("</ignore_interruptions>") == S.script(nested + "</ignore_interruptions>"))
    }

    @Test func closedBlocksAreNotOffered() {
        let labels = Self.fixture("<spell>AB</spell> <$0").completions.map(\.label)
        #expect(!labels.contains("</spell>"))
        #expect(labels.contains("spell"))
    }

    // MARK: Attributes

    @Test func attributesNotYetWritten() throws {
        let fixture = Self.fixture(#"<voice provider=\"cartesia\" $0/>"#)
        #expect(fixture.completions.map(\.label) == ["id", "model", "text"])
        #expect(fixture.accepting("id") == S.script(#"<voice provider=\"cartesia\" id=\"\"/>"#))
        let item = try #require(fixture.completions.first)
        #expect(item.newText == #"id=\\"$1\\""#, "the cursor lands between the quotes")
    }

    @Test func attributeRightAfterAValueGetsASpace() {
        let fixture = Self.fixture(#"<noise sound=\"beep\"$0 />"#)
        #expect(fixture.accepting("volume") == S.script(#"<noise sound=\"beep\" volume=\"\" />"#))
    }

    @Test func attributeOfATagThatBreaksOff() {
        let fixture = Self.fixture("Hold on <noise $0")
        #expect(fixture.completions.map(\.label) == ["sound", "volume", "time"])
    }

    @Test func aPartialAttributeNameIsReplaced() {
        let fixture = Self.fixture(#"<noise so$0 />"#)
        #expect(fixture.accepting("sound") == S.script(#"<noise sound=\"\" />"#))
        let renamed = Self.fixture(#"<noise sond$0=\"beep\" />"#)
        #expect(renamed.accepting("sound") == S.script(#"<noise sound=\"beep\" />"#))
    }

    // MARK: Values

    @Test func soundNames() {
        let background = Self.fixture(#"<background_noise sound=\"cof$0\">Hi</background_noise>"#)
        #expect(background.completions.count == TagFacts.backgroundSounds.count)
        #expect(background.accepting("coffee-shop") == S.script(#"<background_noise sound=\"coffee-shop\">Hi</background_noise>"#))
        #expect(Self.fixture(#"<noise sound=\"$0\" />"#).completions.map(\.label) == ["office", "beep", "cough1", "cough2"])
    }

    @Test func providerAndItsModels() throws {
        let provider = Self.fixture(#"<voice provider=\"$0\" id=\"x\" />"#)
        #expect(provider.completions.map(\.label) == ["cartesia", "11labs"])
        #expect(try #require(provider.completions.first).documentation?.contains("UUID") == true)
        let model = Self.fixture(#"<voice provider=\"11labs\" id=\"x\" model=\"$0\" />"#)
        #expect(model.completions.map(\.label) == TagFacts.voiceModels["11labs"])
    }

    @Test func timesAndRatiosFromTheFacts() {
        #expect(Self.fixture(#"<silence time=\"$0\" />"#).accepting("1.5s") == S.script(#"<silence time=\"1.5s\" />"#))
        let ratios = Self.fixture(#"<speed ratio=\"$0\" />"#).completions.compactMap { Double($0.label) }
        #expect(!ratios.isEmpty && ratios.allSatisfy { (0.8...1.2).contains($0) })
    }

    @Test func functionNamesFromTheScript() {
        #expect(Self.fixture(#"<function name=\"$0\" />"#).completions.map(\.label) == ["parcel"])
    }

    @Test func aValueWithoutItsClosingQuoteIsClosed() {
        #expect(Self.fixture(#"<silence time=\"$0"#).accepting("2s") == S.script(#"<silence time=\"2s\""#))
        #expect(Self.fixture(#"<noise sound='$0"#).accepting("beep") == S.script(#"<noise sound='beep'"#))
    }

    @Test func keypadDigitsOfferTheCallersKeys() {
        let fixture = CursorFixture(S.suite(#"<dtmf digits=\"$0\" />"#))
        let labels = fixture.completions.map(\.label)
        #expect(labels.contains("{{test_profile.account_id}}"))
        #expect(!labels.contains("{{test_profile.plan}}"), "agent-side keys send no tones")
    }

    // MARK: Placeholders

    @Test func placeholdersAfterTwoBraces() {
        let fixture = CursorFixture(S.suite("Hi {{$0"))
        let labels = fixture.completions.map(\.label)
        #expect(labels == ["test_profile.account_id", "test_profile.address", "test_profile.plan", "function.parcel.eta", "function.parcel.hub"])
        #expect(fixture.accepting("test_profile.account_id") == S.suite("Hi {{test_profile.account_id}}"))
        #expect(fixture.accepting("test_profile.address") == S.suite("Hi {{test_profile.address."))
        #expect(fixture.accepting("function.parcel.eta") == S.suite("Hi {{function.parcel.eta}}"))
    }

    @Test func placeholderKeysStepByStep() {
        #expect(CursorFixture(S.suite("{{test_profile.acc$0}} ok")).accepting("account_id") == S.suite("{{test_profile.account_id}} ok"))
        #expect(CursorFixture(S.suite("{{test_profile.address.$0")).accepting("city") == S.suite("{{test_profile.address.city}}"))
        let functions = CursorFixture(S.suite("{{function.$0"))
        #expect(functions.accepting("parcel") == S.suite("{{function.parcel."))
        let outputs = CursorFixture(S.suite("{{function.parcel.$0}}"))
        #expect(outputs.completions.map(\.label) == ["eta", "hub"])
        #expect(outputs.accepting("hub") == S.suite("{{function.parcel.hub}}"))
    }

    @Test func theDefaultsTestProfileWhenTheCaseHasNone() {
        let fixture = CursorFixture(S.suite("{{test_profile.$0", profile: "",
                                            defaults: #"{"test_profile": {"caller_variables": {"pin": "1234"}}}"#))
        #expect(fixture.completions.map(\.label) == ["pin"])
    }

    @Test func withoutTestDataTheNamespaceIsOffered() {
        let labels = Self.fixture("{{$0").completions.map(\.label)
        #expect(labels == ["test_profile.", "function.parcel.eta", "function.parcel.hub"])
    }

    @Test func noFunctionPlaceholdersWhereTheyAreNotFilledIn() {
        let notFixed = S.script("{{$0").replacingOccurrences(of: #""type": "standard", "fixed_message": true}]"#,
                                                                  with: #""type": "standard", "fixed_message": false}]"#)
        #expect(CursorFixture(notFixed, fileName: S.scriptFile).completions.map(\.label) == ["test_profile."])
    }

    @Test func placeholdersInACasesInstructions() {
        let text = #"{"version": "1", "scenarios": [{"name": "a", "instructions": "Call about {{test_profile.$0", "test_profile": {"caller_variables": {"order": "7"}}}]}"#
        #expect(CursorFixture(text).accepting("order")?.contains(#""Call about {{test_profile.order}}""#) == true)
    }

    @Test func aFunctionsURLTakesTheOutputsOfFunctionsDeclaredBefore() {
        let later = #"{"name": "later", "type": "rest_api", "config": {"url": "https://x.example/{{function.$0"}}"#
        let text = S.script("x").replacingOccurrences(of: "}}}]", with: "}}}, \(later)]")
        #expect(CursorFixture(text, fileName: S.scriptFile).completions.map(\.label) == ["parcel"])
        let own = S.script("x").replacingOccurrences(of: "https://api.example.com/parcels", with: "https://a.example/{{function.$0")
        #expect(CursorFixture(own, fileName: S.scriptFile).completions.isEmpty)
    }

    // MARK: Markers

    @Test func emotionMarkers() {
        #expect(Self.fixture("Ha [lau$0").accepting("[laughter]") == S.script("Ha [laughter]"))
        #expect(Self.fixture("Ha [$0]").completions.map(\.label) == ["[laughter]", "[sigh]"])
    }

    // MARK: Everywhere a script stands

    @Test func halfTypedActionAtTheEndOfTheFile() {
        let text = #"{"role": "r", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "type": "standard", "action": "Hi <sil$0"#
        #expect(CursorFixture(text, fileName: S.scriptFile).accepting("silence") == text.replacingOccurrences(of: "$0", with: "")
            .replacingOccurrences(of: "<sil", with: #"<silence time=\"\" />"#))
    }

    @Test func anActionWithoutItsClosingQuoteBeforeMoreConditions() {
        let text = "{\"role\": \"r\", \"conditions\": [\n{\"id\": 0, \"condition\": \"FIRST_MESSAGE\", \"action\": \"Hi <end$0\n"
            + #"{"id": 1, "condition": "x", "action": "y", "type": "standard", "fixed_message": true}]}"#
        #expect(CursorFixture(text, fileName: S.scriptFile).completions.map(\.label) == ["endcall"])
    }

    @Test func afterEmojiAndCJK() {
        #expect(Self.fixture("🚀 漢字 <sil$0").accepting("silence") == S.script(#"🚀 漢字 <silence time=\"\" />"#))
    }

    @Test func inASuiteCase() {
        #expect(CursorFixture(S.suite("<endc$0")).accepting("endcall") == S.suite("<endcall />"))
    }

    @Test func inAnEvaluatorsConditionalActions() throws {
        let text = #"{"name": "a", "scenario_type": "conditional_actions", "conditional_actions": "#
            + S.script(#"<noise sound=\"$0\" />"#) + "}"
        let fixture = CursorFixture(text, fileName: S.evaluatorFile)
        #expect(fixture.completions.map(\.label) == ["office", "beep", "cough1", "cough2"])
        #expect(try #require(fixture.hover).markdown.contains("**`sound`** of `<noise>`"))
    }

    @Test func insideAnEvaluatorsInstructionsTheTextIsEscapedTwice() throws {
        let fixture = CursorFixture(S.evaluator(S.script(#"Wait <sil$0"#)), fileName: S.evaluatorFile)
        #expect(fixture.accepting("silence") == S.evaluator(S.script(#"Wait <silence time=\"\" />"#)))
        let item = try #require(fixture.completions.first)
        #expect(item.newText == #"silence time=\\\\\\"$1\\\\\\" />"#, "a backslash, an escaped backslash and an escaped quote, as snippet text")
        let value = CursorFixture(S.evaluator(S.script(#"<noise sound=\"co$0\" />"#)), fileName: S.evaluatorFile)
        #expect(value.accepting("cough1") == S.evaluator(S.script(#"<noise sound=\"cough1\" />"#)))
    }
}
