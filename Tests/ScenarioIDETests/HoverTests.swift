import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Hover on field names and enum values.
struct HoverTests {
    @Test func fieldNameShowsItsDocTypeAndRange() throws {
        let fixture = CursorFixture(#"{"vers$0ion": "1", "scenarios": []}"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("**`version`**"))
        #expect(hover.markdown.contains("required"))
        #expect(fixture.covered(hover.range) == #""version""#)
    }

    @Test func enumValueShowsItsMeaning() throws {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "conditional_actions": {"conditions": [{"type": "action_fol$0lowup"}]}}]}"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("a value of `type`"))
        #expect(fixture.covered(hover.range) == #""action_followup""#)
    }

    @Test func fieldWithAllowedValuesListsThem() throws {
        let fixture = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "ty$0pe": "instruction"}]}"#)
        let hover = try #require(fixture.hover)
        #expect(hover.markdown.contains("`\"conditional_actions\"`"))
    }

    @Test func unknownKeysAndOtherFilesHaveNoHover() {
        #expect(CursorFixture(#"{"version": "1", "scenarios": [{"nmae$0": "a"}]}"#).hover == nil)
        #expect(CursorFixture(#"{"na$0me": "web"}"#, fileName: "package.json").hover == nil)
    }
}
