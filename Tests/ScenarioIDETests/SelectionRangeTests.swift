import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Expanding the selection from the tag language out to the root.
struct SelectionRangeTests {
    static func chain(_ marked: String, fileName: String = "cekura.tests.json") -> [String] {
        let fixture = CursorFixture(marked, fileName: fileName)
        return SelectionRanges.chain(in: fixture.document, at: fixture.offset).map(fixture.covered)
    }

    static func script(_ action: String) -> String {
        #"{"version": "1", "scenarios": [{"conditional_actions": {"conditions": [{"id": 0, "action": "\#(action)"}]}}]}"#
    }

    @Test func attributeValueThenAttributeTagStringAndOutward() {
        let chain = Self.chain(Self.script(#"Hold <silence time=\"1$0s\" /> ok"#))
        #expect(Array(chain.prefix(7)) == [
            "1s", #"time=\"1s\""#, #"<silence time=\"1s\" />"#, #"Hold <silence time=\"1s\" /> ok"#,
            #""Hold <silence time=\"1s\" /> ok""#, #""action": "Hold <silence time=\"1s\" /> ok""#,
            #"{"id": 0, "action": "Hold <silence time=\"1s\" /> ok"}"#,
        ])
        #expect(chain.count == 15)
        #expect(chain.last == Self.script(#"Hold <silence time=\"1s\" /> ok"#))
    }

    @Test func placeholderKeyThenPlaceholder() {
        let chain = Self.chain(Self.script("Hi {{test_profile.na$0me}}!"))
        #expect(Array(chain.prefix(4)) == ["name", "test_profile.name", "{{test_profile.name}}", "Hi {{test_profile.name}}!"])
        let function = Self.chain(Self.script("It is {{function.parcel.e$0ta}}"))
        #expect(Array(function.prefix(3)) == ["eta", "function.parcel.eta", "{{function.parcel.eta}}"])
    }

    @Test func closingTagNameThenTheWholeBlock() {
        let chain = Self.chain(Self.script("Say <spell>abc</sp$0ell> ok"))
        #expect(Array(chain.prefix(4)) == ["spell", "</spell>", "<spell>abc</spell>", "Say <spell>abc</spell> ok"])
        let opening = Self.chain(Self.script("Say <sp$0ell>abc</spell> ok"))
        #expect(Array(opening.prefix(3)) == ["spell", "<spell>", "<spell>abc</spell>"])
        let marker = Self.chain(Self.script("Oh [la$0ughter] fine"))
        #expect(Array(marker.prefix(2)) == ["[laughter]", "Oh [laughter] fine"])
    }

    @Test func plainTextOfAnActionStartsAtTheString() {
        #expect(Self.chain(Self.script("Hel$0lo <endcall />")).first == "Hello <endcall />")
    }

    @Test func scriptInInstructionsGoesThroughBothStrings() {
        let instructions = #"{\"role\": \"r\", \"conditions\": [{\"id\": 0, \"action\": \"Hi <endc$0all />\"}]}"#
        let chain = Self.chain(#"{"name": "R", "scenario_type": "conditional_actions", "instructions": "\#(instructions)"}"#,
                               fileName: "r.evaluator.json")
        let script = instructions.replacingOccurrences(of: "$0", with: "")
        #expect(chain == [
            "endcall", "<endcall />", "Hi <endcall />", #"\"Hi <endcall />\""#, #"\"action\": \"Hi <endcall />\""#,
            #"{\"id\": 0, \"action\": \"Hi <endcall />\"}"#, #"[{\"id\": 0, \"action\": \"Hi <endcall />\"}]"#,
            #"\"conditions\": [{\"id\": 0, \"action\": \"Hi <endcall />\"}]"#, script, "\"\(script)\"",
            "\"instructions\": \"\(script)\"", #"{"name": "R", "scenario_type": "conditional_actions", "instructions": "\#(script)"}"#,
        ])
    }

    @Test func keysAndNumbers() {
        #expect(Self.chain(#"{"ver$0sion": "1", "scenarios": []}"#) == ["version", #""version""#, #""version": "1""#, #"{"version": "1", "scenarios": []}"#])
        #expect(Self.chain(#"{"version": "1", "scenarios": [4$02]}"#) == ["42", "[42]", #""scenarios": [42]"#, #"{"version": "1", "scenarios": [42]}"#])
    }

    @Test func halfTypedAndOtherFiles() {
        let halfTyped = Self.chain(#"{"version": "1", "scenarios": [{"conditional_actions": {"conditions": [{"action": "<silence ti$0"#)
        #expect(Array(halfTyped.prefix(3)) == ["ti", "<silence ti", #""<silence ti"#])
        #expect(Self.chain(#"{"na$0me": "web"}"#, fileName: "package.json").isEmpty)
    }
}
