import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Hover in scripts: tags, attributes, markers, placeholders, followup ids,
/// and language codes.
struct ScriptHoverTests {
    typealias S = ScriptFixtures

    static func fixture(_ action: String) -> CursorFixture { CursorFixture(S.script(action), fileName: S.scriptFile) }

    @Test func aTagShowsItsSyntaxPlacementAndExample() throws {
        let fixture = Self.fixture(#"Wait <sil$0ence time=\"1s\" /> ok"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("**`<silence>`**"))
        #expect(hover.markdown.contains(#"<silence time="…" />"#))
        #expect(hover.markdown.contains("Where: anywhere in an action"))
        #expect(hover.markdown.contains(#"Example: `<silence time="1.5s" />`"#))
        #expect(fixture.covered(hover.range) == #"<silence time=\"1s\" />"#)
    }

    @Test func placementRulesOfATag() throws {
        let hover = try #require(Self.fixture(#"<interr$0uption time=\"2s\" />"#).hover)
        #expect(hover.markdown.contains("at the very start of the action"))
        #expect(hover.markdown.contains("only on an `action_followup` condition"))
    }

    @Test func aClosingTag() throws {
        let fixture = Self.fixture("<spell>AB</sp$0ell>")
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("**`<spell>`** — a block tag"))
        #expect(fixture.covered(hover.range) == "</spell>")
    }

    @Test func anAttributeShowsItsRange() throws {
        let fixture = Self.fixture(#"<speed ra$0tio=\"1.1\" />Quick"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("**`ratio`** of `<speed>`, required: a number from 0.8 to 1.2"))
        #expect(fixture.covered(hover.range) == #"ratio=\"1.1\""#)
    }

    @Test func aValueFromAListShowsWhatItMeans() throws {
        let fixture = Self.fixture(#"<voice provider=\"carte$0sia\" id=\"x\" />"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.hasPrefix("`cartesia` — Cartesia; voice ids are UUIDs"))
        #expect(fixture.covered(hover.range) == "cartesia")
    }

    @Test func anEmotionMarker() throws {
        let fixture = Self.fixture("Ha [laugh$0ter] ok")
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("an emotion marker"))
        #expect(fixture.covered(hover.range) == "[laughter]")
        #expect(Self.fixture("see [no$0te] ok").hover == nil, "other words in brackets are text")
    }

    @Test func aFunctionOutput() throws {
        let fixture = Self.fixture("It is due {{function.parcel.e$0ta}}.")
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("`GET https://api.example.com/parcels`"))
        #expect(hover.markdown.contains("Output `eta`: `$.delivery.eta`, default `\"soon\"`"))
        #expect(fixture.covered(hover.range) == "{{function.parcel.eta}}")
        let undeclared = try #require(Self.fixture("{{function.nope.x$0}}").hover)
        #expect(undeclared.markdown.contains("declares no function `nope`"))
    }

    @Test func aTestProfileKeyShowsItsValue() throws {
        let fixture = CursorFixture(S.suite(#"<dtmf digits=\"{{test_profile.account$0_id}}\" />"#))
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("= `A-1`"))
        #expect(hover.markdown.contains("From `caller_variables` of this case's `test_profile`"))
        #expect(fixture.covered(hover.range) == "{{test_profile.account_id}}")
        let agent = try #require(CursorFixture(S.suite("{{test_profile.pl$0an}}")).hover)
        #expect(agent.markdown.contains("`agent_variables`"))
        let missing = try #require(CursorFixture(S.suite("{{test_profile.nop$0e}}")).hover)
        #expect(missing.markdown.contains("not in this case's `test_profile`"))
        let noData = try #require(Self.fixture("{{test_profile.x$0}}").hover)
        #expect(noData.markdown.contains("does not hold the profile's values"))
    }

    @Test func halfTypedTagsAndPlaceholders() throws {
        let tag = Self.fixture(#"Wait <sil$0ence time=\"1s"#)
        #expect(try #require(tag.hover).markdown.contains("**`<silence>`**"))
        let open = CursorFixture(S.suite("Your id is {{test_profile.account$0_id and then"))
        let hover = try #require(open.hover)
        #expect(hover.markdown.contains("= `A-1`"))
        #expect(open.covered(hover.range) == "{{test_profile.account_id")
        #expect(CursorFixture(S.suite("Your id is {{test_profile.account_id and th$0en")).hover == nil)
    }

    @Test func aFollowupsIdShowsTheConditionItFollows() throws {
        let text = #"{"role": "r", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true}, {"id": 1, "condition": 0$0, "action": "Are you there?", "type": "action_followup", "fixed_message": true}]}"#
        let fixture = CursorFixture(text, fileName: S.scriptFile)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("Follows condition `0`"))
        #expect(hover.markdown.contains("When: `FIRST_MESSAGE`"))
        #expect(hover.markdown.contains("Says: `Hi`"))
        #expect(fixture.covered(hover.range) == "0")
        let missing = try #require(CursorFixture(text.replacingOccurrences(of: "0$0", with: "7$0"), fileName: S.scriptFile).hover)
        #expect(missing.markdown == "No condition has the id `7`.")
    }

    @Test func aLanguageCodeShowsItsName() throws {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "language": "d$0e"}]}"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown == #"**German** — the language code `"de"`"#)
        #expect(fixture.covered(hover.range) == #""de""#)
        // Kazakh is an evaluator language the suite schema refuses: still named.
        let refused = try #require(CursorFixture(#"{"version": "1", "defaults": {"language": "k$0k"}, "scenarios": []}"#).hover)
        #expect(refused.markdown == #"**Kazakh** — the language code `"kk"`; `language` does not take this code here"#)
        let evaluator = CursorFixture(#"{"name": "a", "scenario_language": "k$0k"}"#, fileName: S.evaluatorFile)
        #expect(try #require(evaluator.hover).markdown == #"**Kazakh** — the language code `"kk"`"#)
    }

    @Test func rangesMapBackThroughTwoLevelsOfEscapesAfterEmoji() throws {
        let fixture = CursorFixture(S.evaluator(S.script(#"🚀 漢字 <noise sound=\"be$0ep\" />"#)), fileName: S.evaluatorFile)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("A beep."))
        #expect(fixture.covered(hover.range) == "beep")
        let tag = CursorFixture(S.evaluator(S.script(#"🚀 漢字 <no$0ise sound=\"beep\" />"#)), fileName: S.evaluatorFile)
        #expect(tag.covered(try #require(tag.hover).range) == #"<noise sound=\\\"beep\\\" />"#)
    }
}
