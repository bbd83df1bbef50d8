import JSONSyntax
import ScenarioModel
@testable import ScenarioIDE
import Testing

/// Completion and hover at every offset of scripts full of tags and
/// placeholders, whole and cut off anywhere (a document being typed): they
/// answer with ranges inside the document, never past it.
struct ScriptEditingRobustnessTests {
    static let action = #"🚀 <speed ratio=\"1.1\" />Hi {{test_profile.address.city}} <voice provider=\"cartesia\" id=\"x\"><spell>{{function.parcel.eta}}</spell> [sigh] <silence time='1s'/></voice> <dtmf digits=\"{{test_profile.account_id}}\" /><endcall />"#
    static let documents = [
        (CursorFixture(ScriptFixtures.suite(Self.action + "$0")).text, "cekura.tests.json"),
        (ScriptFixtures.evaluator(ScriptFixtures.script(Self.action)), ScriptFixtures.evaluatorFile),
    ]

    @Test(arguments: 0..<2)
    func everyOffsetOfEveryPrefix(document: Int) {
        let (text, fileName) = Self.documents[document]
        let bytes = Array(text.utf8)
        for length in stride(from: 0, through: bytes.count, by: 3) {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            let count = prefix.utf8.count
            let scenario = ScenarioDocument(tree: SyntaxTree(prefix), fileName: fileName)
            // The whole document at every offset; a cut one where typing goes on, at its end.
            for offset in length == bytes.count ? Array(0...count) : [count] {
                for item in Completion.items(in: scenario, at: offset) {
                    // LSP asks for an edit range that holds the position asked about.
                    #expect(item.range.start <= offset && offset <= item.range.end && item.range.end <= count,
                            "\(item.label) at \(offset): \(item.range) [\(String(decoding: Array(prefix.utf8)[max(0, offset - 8)..<min(count, offset + 8)], as: UTF8.self))]")
                }
                if let hover = Hover.info(in: scenario, at: offset) {
                    #expect(hover.range.start <= offset && offset <= hover.range.end && hover.range.end <= count, "hover at \(offset): \(hover.range) \(hover.markdown.prefix(40)) [\(String(decoding: Array(prefix.utf8)[max(0, offset - 8)..<min(count, offset + 8)], as: UTF8.self))]")
                }
            }
        }
    }
}
