import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Completion and hover in scripts through the protocol: tags and values in
/// actions after emoji and CJK text, inside an evaluator's `instructions`, and
/// documentation resolved later for long lists.
struct ScriptEditingTests {
    static let uri = "file:///work/project/flow.cekura.json"
    static let evaluatorURI = "file:///work/project/refund.scenario.json"

    /// A script on one line whose second action is `action` (JSON source).
    static func script(_ action: String) -> String {
        #"{"role": "caller 🚀", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true}, {"id": 1, "condition": "The agent asks", "action": "\#(action)", "type": "standard", "fixed_message": true}]}"#
    }

    static func capabilities(_ encoding: String, snippets: Bool = true) -> JSONValue {
        ["general": ["positionEncodings": [.string(encoding)]],
         "textDocument": ["completion": ["completionItem": ["snippetSupport": .bool(snippets), "documentationFormat": ["markdown"]]],
                          "hover": ["contentFormat": ["markdown"]]]]
    }

    static func position(_ prefix: String, _ encoding: String) -> JSONValue {
        ["line": 0, "character": .integer(Samples.column(prefix, encoding))]
    }

    static func at(_ uri: String, _ prefix: String, _ encoding: String) -> JSONValue {
        ["textDocument": ["uri": .string(uri)], "position": position(prefix, encoding)]
    }

    /// A server with `text` open (a script), and the completion items right
    /// after the first `typed` in it.
    static func complete(_ text: String, after typed: String, encoding: String,
                         snippets: Bool = true) throws -> (harness: ServerHarness, items: [JSONValue]) {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities(encoding, snippets: snippets))
        harness.open(Self.uri, text)
        let prefix = String(text[..<text.range(of: typed)!.upperBound])
        let response = try harness.request("textDocument/completion", Self.at(Self.uri, prefix, encoding))
        return (harness, try #require(response["result"]?["items"]?.arrayValue))
    }

    @Test func announcesTagAndPlaceholderTriggersAndResolve() throws {
        let harness = ServerHarness()
        let result = try harness.initialize()
        let provider = try #require(result["capabilities"]?["completionProvider"])
        #expect(provider["triggerCharacters"]?.arrayValue?.contains("<") == true)
        #expect(provider["triggerCharacters"]?.arrayValue?.contains("{") == true)
        #expect(provider["resolveProvider"] == true)
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func tagCompletionAfterEmojiAndCJK(encoding: String) throws {
        let text = Self.script("🚀 漢字 <sil")
        let items = try Self.complete(text, after: "<sil", encoding: encoding).items
        let item = try #require(items.first)
        #expect(items.count == 1 && item["label"] == "silence")
        #expect(item["kind"] == 14)
        #expect(item["insertTextFormat"] == 2)
        #expect(item["textEdit"]?["newText"] == #"silence time=\\"$1\\" />"#)
        let prefix = String(text[..<text.range(of: "<sil")!.upperBound])
        #expect(item["textEdit"]?["range"]?["start"] == Self.position(String(prefix.dropLast(3)), encoding))
        #expect(item["textEdit"]?["range"]?["end"] == Self.position(prefix, encoding))
    }

    @Test func plainTextForClientsWithoutSnippets() throws {
        let items = try Self.complete(Self.script("<noise "), after: "<noise ", encoding: "utf-16", snippets: false).items
        let item = try #require(items.first { $0["label"] == "sound" })
        #expect(item["insertTextFormat"] == 1)
        #expect(item["textEdit"]?["newText"] == #"sound=\"\""#)
    }

    @Test func aLongListIsDocumentedOnResolve() throws {
        let text = Self.script(#"<background_noise sound=\"\">Hi</background_noise>"#)
        let (harness, items) = try Self.complete(text, after: #"sound=\""#, encoding: "utf-8")
        #expect(items.count == 30)
        let office = try #require(items.first { $0["label"] == "office-ambience" })
        #expect(office["documentation"] == nil)
        #expect(office["data"]?["index"] == 0)
        let resolved = try harness.request("completionItem/resolve", office)
        let documentation = try #require(resolved["result"]?["documentation"])
        #expect(documentation["kind"] == "markdown")
        #expect(documentation["value"]?.stringValue?.contains("**`sound`** of `<background_noise>`") == true)
        #expect(resolved["result"]?["textEdit"] == office["textEdit"], "the rest of the item comes back as it was")

        // After an edit the item is no longer the server's to explain: it comes back unchanged.
        harness.change(Self.uri, version: 2, [["text": .string(text + " ")]])
        let stale = try harness.request("completionItem/resolve", office)
        #expect(stale["result"] == office)
    }

    @Test func shortListsCarryTheirDocumentation() throws {
        let items = try Self.complete(Self.script(#"<noise sound=\"\" />"#), after: #"sound=\""#, encoding: "utf-8").items
        #expect(items.count == 4)
        #expect(items.allSatisfy { $0["documentation"] != nil && $0["data"] == nil })
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func hoverOnATagInsideInstructionsAfterEmoji(encoding: String) throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities(encoding))
        let inner = Self.script(#"漢字 🚀 <silence time=\"1s\" /> ok"#)
        let escaped = inner.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: #"""#, with: #"\""#)
        let text = #"{"name": "Café ☕", "scenario_type": "conditional_actions", "instructions": "\#(escaped)"}"#
        harness.open(Self.evaluatorURI, text)
        let tagStart = String(text[..<text.range(of: "<silence")!.lowerBound])
        let hover = try harness.request("textDocument/hover", Self.at(Self.evaluatorURI, tagStart + "<si", encoding))
        #expect(hover["result"]?["contents"]?["value"]?.stringValue?.contains("**`<silence>`**") == true)
        let tagEnd = String(text[..<text.range(of: "/> ok")!.lowerBound]) + "/>"
        #expect(hover["result"]?["range"]?["start"] == Self.position(tagStart, encoding))
        #expect(hover["result"]?["range"]?["end"] == Self.position(tagEnd, encoding))
    }

    @Test func followupIdsAreReferences() throws {
        let text = Self.script("x").replacingOccurrences(of: #""type": "standard", "fixed_message": true}]}"#,
                                                        with: #""type": "action_followup", "fixed_message": true}]}"#)
            .replacingOccurrences(of: #""condition": "The agent asks""#, with: #""condition": "?""#)
        let items = try Self.complete(text, after: #""condition": "?"#, encoding: "utf-16").items
        let item = try #require(items.first)
        #expect(items.count == 1 && item["label"] == "0" && item["kind"] == 18)
        #expect(item["filterText"] == #""0""#)
        #expect(item["textEdit"]?["newText"] == "0")
    }
}
