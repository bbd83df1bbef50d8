import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Completion and hover through the protocol, at positions after emoji and CJK.
struct EditingFeatureTests {
    /// A case being typed after a name with astral and CJK characters.
    static let prefix = #"{"version": "1", "scenarios": [{"name": "🚀 漢字", "ty"#
    static let text = prefix + #"pe": "instruction", "instructions": "i"}]}"#

    static func position(_ prefix: String, _ encoding: String) -> JSONValue {
        ["line": 0, "character": .integer(Samples.column(prefix, encoding))]
    }

    @Test(arguments: [("utf-8", Clients.neovim), ("utf-16", Clients.vscode)])
    func hoverOnAFieldAfterAstralText(encoding: String, capabilities: JSONValue) throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: capabilities)
        #expect(result["capabilities"]?["hoverProvider"] == true)
        harness.open(Samples.suiteURI, Self.text)
        let hover = try harness.request("textDocument/hover", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                               "position": Self.position(Self.prefix, encoding)])
        // Neovim's set takes Markdown; the VS Code set here names no format, so it gets a bare string.
        let contents = try #require(hover["result"]?["contents"])
        #expect(contents["kind"] == (encoding == "utf-8" ? "markdown" : nil))
        let value = try #require(contents["value"]?.stringValue ?? contents.stringValue)
        #expect(value.contains("**`type`**"))
        let keyStart = Self.prefix.dropLast(3)  // before `"ty`
        #expect(hover["result"]?["range"]?["start"] == Self.position(String(keyStart), encoding))
    }

    @Test func completionOfEnumValuesReplacesTheString() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode)
        harness.open(Samples.suiteURI, Self.text)
        let valuePrefix = #"{"version": "1", "scenarios": [{"name": "🚀 漢字", "type": "inst"#
        let response = try harness.request("textDocument/completion", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                                        "position": Self.position(valuePrefix, "utf-16")])
        let items = try #require(response["result"]?["items"]?.arrayValue)
        let item = try #require(items.first { $0["label"] == "conditional_actions" })
        #expect(item["textEdit"]?["newText"] == #""conditional_actions""#)
        let valueStart = String(valuePrefix.dropLast(5))
        #expect(item["textEdit"]?["range"]?["start"] == Self.position(valueStart, "utf-16"))
    }

    @Test(arguments: [true, false])
    func keyCompletionIsASnippetOnlyForClientsThatTakeThem(snippets: Bool) throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: ["textDocument": ["completion": ["completionItem": ["snippetSupport": .bool(snippets)]]]])
        let text = #"{"version": "1", "scenarios": [{"name": "a", }]}"#
        harness.open(Samples.suiteURI, text)
        let response = try harness.request("textDocument/completion", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                                        "position": Self.position(#"{"version": "1", "scenarios": [{"name": "a", "#, "utf-16")])
        let item = try #require(response["result"]?["items"]?.arrayValue?.first { $0["label"] == "instructions" })
        #expect(item["insertTextFormat"] == (snippets ? 2 : 1))
        #expect(item["textEdit"]?["newText"] == (snippets ? #""instructions": "$1""# : #""instructions": """#))
    }

    @Test func unknownDocumentIsAnInvalidParamsError() throws {
        let harness = ServerHarness()
        try harness.initialize()
        let response = try harness.request("textDocument/hover", ["textDocument": ["uri": "file:///nowhere.json"], "position": ["line": 0, "character": 0]])
        #expect(response["error"]?["code"] == .integer(ResponseError.invalidParamsCode))
    }
}
