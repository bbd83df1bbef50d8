import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Tokens of the tag language inside actions.
struct ActionTokenTests {
    static func tokens(_ text: String, fileName: String = "flow.cekura.json", within range: TextRange? = nil) -> [String] {
        let fixture = CursorFixture(text, fileName: fileName)
        return ActionTokens.tokens(in: fixture.document, within: range).map { "\(fixture.covered($0.range)) \($0.kind)" }
    }

    static func script(_ actions: String...) -> String {
        let conditions = actions.enumerated().map { #"{"id": \#($0.offset), "action": "\#($0.element)"}"# }
        return #"{"role": "r", "conditions": [\#(conditions.joined(separator: ", "))]}"#
    }

    @Test func tagsAttributesPlaceholdersAndMarkers() {
        #expect(Self.tokens(Self.script(#"Hi <silence time=\"1s\"/> {{test_profile.name}} [sigh] ok"#)) == [
            "<silence tag", "time attributeName", #"\"1s\" attributeValue"#, "/> tag",
            "{{test_profile. placeholder", "name placeholderKey", "}} placeholder", "[sigh] marker",
        ])
    }

    @Test func blocksFunctionsAndBracketKeys() {
        #expect(Self.tokens(Self.script("<spell>{{function.lookup.code}}</spell> {{test_profile['full name']}}")) == [
            "<spell tag", "> tag", "{{function. placeholder", "lookup placeholderFunction", ". placeholder", "code placeholderKey",
            "}} placeholder", "</spell> closingTag", "{{test_profile[' placeholder", "full name placeholderKey", "']}} placeholder",
        ])
    }

    @Test func placeholderInsideAnAttributeValueSplitsIt() {
        #expect(Self.tokens(Self.script(#"<dtmf digits='#{{test_profile.pin}}#'/>"#)) == [
            "<dtmf tag", "digits attributeName", "'# attributeValue", "{{test_profile. placeholder", "pin placeholderKey",
            "}} placeholder", "#' attributeValue", "/> tag",
        ])
    }

    @Test func unfinishedTagsAndPlainActions() {
        #expect(Self.tokens(Self.script("Just words", #"Wait <silence time=\"1"#)) == ["<silence tag", "time attributeName", #"\"1 attributeValue"#])
        #expect(Self.tokens(Self.script("{{ test_profile.x }} and {{firstName}}")) == ["{{ test_profile.x }} placeholder", "{{firstName}} placeholder"])
    }

    @Test func actionsInsideInstructionsMapThroughBothStrings() {
        let text = #"{"name": "R", "scenario_type": "conditional_actions", "instructions": "{\"role\": \"r\", \"conditions\": [{\"id\": 0, \"action\": \"漢字 <silence time=\\\"1s\\\"/>\"}]}"}"#
        #expect(Self.tokens(text, fileName: "r.evaluator.json") == [
            "<silence tag", "time attributeName", #"\\\"1s\\\" attributeValue"#, "/> tag",
        ])
    }

    @Test func onlyTokensInTheRange() {
        let text = Self.script("<endcall />", "[laughter] <endcall />")
        let second = text.utf8.count - #"[laughter] <endcall />"}]}"#.utf8.count
        #expect(Self.tokens(text, within: TextRange(second, second + 3)) == ["[laughter] marker"])
    }

    @Test func suiteCasesAndOtherFiles() {
        let suite = #"{"version": "1", "scenarios": [{"name": "a", "conditional_actions": {"conditions": [{"id": 0, "action": "Bye <endcall />"}]}}]}"#
        #expect(Self.tokens(suite, fileName: "cekura.tests.json") == ["<endcall tag", "/> tag"])
        let other = Self.script("<endcall />").replacingOccurrences(of: #"{"role""#, with: #"{"$schema": "https://example.com/s.json", "role""#)
        #expect(Self.tokens(other).isEmpty)
    }
}
