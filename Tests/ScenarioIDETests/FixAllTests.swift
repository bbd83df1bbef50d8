import JSONSyntax
@testable import ScenarioIDE
import Testing

/// `source.fixAll`: every safe fix, again after each round, and nothing unsafe.
struct FixAllTests {
    func fixedText(_ text: String, fileName: String = "cekura.tests.json") throws -> String? {
        let tree = SyntaxTree(text)
        guard let edits = FixAll.edits(tree, fileName: fileName, decided: nil) else { return nil }
        return String(decoding: try tree.bytes.applying(edits), as: UTF8.self)
    }

    @Test func syntaxAndRuleFixesTogether() throws {
        let text = #"{"version": 1, "scenarios": [{"name": "a", "instructions": "i",}]}"#
        #expect(try fixedText(text) == #"{"version": "1", "scenarios": [{"name": "a", "instructions": "i"}]}"#)
    }

    @Test func syntaxFixesAndScriptFixesInOneFile() throws {
        let text = #"{"version": 1 "scenarios": [{"name": "a", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [{"id": 0, "condition": "first_message", "action": "", "type": "standard", "fixed_message": true}]}}]}"#
        let fixed = try #require(try fixedText(text))
        #expect(fixed.contains(#""version": "1", "scenarios""#))
        #expect(fixed.contains(#""condition": "FIRST_MESSAGE""#))
    }

    @Test func removalsAndGuessesAreLeftToTheUser() throws {
        // An unknown field would be removed by its quick fix: not without asking.
        let text = #"{"version": "1", "scenarios": [{"name": "a", "instructions": "i", "colour": "blue"}]}"#
        #expect(try fixedText(text) == nil)
    }

    @Test func multiByteTextAroundTheChangeStaysWhole() {
        let edit = FixAll.changedStretch(from: Array("a é b".utf8), to: Array("a è b".utf8))
        #expect(edit.newText == "è")
        #expect(edit.range == TextRange(2, 4))
    }

    @Test func otherFilesAreLeftAlone() throws {
        #expect(try fixedText(#"{"a": 1,}"#, fileName: "package.json") == nil)
    }
}
