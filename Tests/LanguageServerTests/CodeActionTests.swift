import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Quick fixes, `source.fixAll` and formatting through the protocol, with
/// the positions after astral and CJK text.
struct CodeActionTests {
    static let literals: JSONValue = ["codeActionLiteralSupport": ["codeActionKind": ["valueSet": ["quickfix", "source"]]]]
    /// Neovim 0.11 with what it says of code actions and workspace edits.
    static let neovim: JSONValue = [
        "general": ["positionEncodings": ["utf-8", "utf-16"]],
        "textDocument": ["diagnostic": ["dynamicRegistration": false], "codeAction": literals],
        "workspace": ["workspaceEdit": ["documentChanges": true]],
    ]
    /// A UTF-16 client with literals and plain `changes`.
    static let vscode: JSONValue = ["textDocument": ["codeAction": literals]]

    static func range(_ prefix: String, length: Int, _ encoding: String) -> JSONValue {
        let start = Samples.column(prefix, encoding)
        return ["start": ["line": 0, "character": .integer(start)], "end": ["line": 0, "character": .integer(start + length)]]
    }

    @Test(arguments: [("utf-8", neovim), ("utf-16", vscode)])
    func quickFixForTheDiagnosticUnderTheCursor(encoding: String, capabilities: JSONValue) throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: capabilities)
        harness.open(Samples.suiteURI, Samples.badSuite)
        let response = try harness.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(Samples.suiteURI)], "range": Self.range(Samples.prefix, length: 0, encoding),
            "context": ["diagnostics": []],
        ])
        let actions = try #require(response["result"]?.arrayValue)
        let fix = try #require(actions.first { $0["kind"] == "quickfix" })
        #expect(fix["title"] == #"Write "1""#)
        #expect(fix["diagnostics"]?[0]?["code"] == "suite-version-invalid")
        #expect(fix["isPreferred"] == true)
        let edit = try #require(fix["edit"])
        let edits = encoding == "utf-8" ? edit["documentChanges"]?[0]?["edits"] : edit["changes"]?[Samples.suiteURI]
        if encoding == "utf-8" { #expect(edit["documentChanges"]?[0]?["textDocument"]?["version"] == 1) }
        #expect(try LSPEdits.apply(edits, to: Samples.badSuite, encoding: encoding == "utf-8" ? .utf8 : .utf16) == Samples.goodSuite)
    }

    @Test func fixAllOnlyWhenAskedForSourceActions() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.vscode)
        let text = #"{"version": 1, "scenarios": [{"name": "漢字", "instructions": "i",}]}"#
        harness.open(Samples.suiteURI, text)
        let everywhere: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]]
        let quickOnly = try harness.request("textDocument/codeAction", ["textDocument": ["uri": .string(Samples.suiteURI)], "range": everywhere,
                                                                          "context": ["diagnostics": [], "only": ["quickfix"]]])
        #expect(quickOnly["result"]?.arrayValue?.contains { $0["kind"] == "source.fixAll" } == false)
        let source = try harness.request("textDocument/codeAction", ["textDocument": ["uri": .string(Samples.suiteURI)], "range": everywhere,
                                                                       "context": ["diagnostics": [], "only": ["source"]]])
        let actions = try #require(source["result"]?.arrayValue)
        #expect(actions.count == 1)
        let edits = actions[0]["edit"]?["changes"]?[Samples.suiteURI]
        #expect(try LSPEdits.apply(edits, to: text, encoding: .utf16) == #"{"version": "1", "scenarios": [{"name": "漢字", "instructions": "i"}]}"#)
    }

    /// They take `Command`s only: the API commands, without the fixes, which need edits.
    @Test func clientsWithoutLiteralsGetOnlyCommands() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode)
        harness.open(Samples.suiteURI, Samples.badSuite)
        let response = try harness.request("textDocument/codeAction", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                                        "range": Self.range(Samples.prefix, length: 1, "utf-16"), "context": ["diagnostics": []]])
        let commands = try #require(response["result"]?.arrayValue)
        #expect(commands.map { $0["command"] } == ["cekura.runText", "cekura.checkRemote"])
        #expect(commands.allSatisfy { $0["edit"] == nil && $0["arguments"]?[0]?["uri"] == .string(Samples.suiteURI) })
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func formattingEditsOnlyTheBlanks(encoding: String) throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: encoding == "utf-8" ? Clients.neovim : Clients.vscode)
        let text = #"{"suite": {"name": "🚀 漢字"},"version":"1", "scenarios": []}"#
        harness.open(Samples.suiteURI, text)
        let response = try harness.request("textDocument/formatting", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                                       "options": ["tabSize": 4, "insertSpaces": true]])
        let edits = try #require(response["result"])
        #expect(edits.arrayValue?.allSatisfy { $0["newText"]?.stringValue?.allSatisfy(\.isWhitespace) == true } == true)
        #expect(try LSPEdits.apply(edits, to: text, encoding: encoding == "utf-8" ? .utf8 : .utf16)
            == "{\n    \"suite\": {\n        \"name\": \"🚀 漢字\"\n    },\n    \"version\": \"1\",\n    \"scenarios\": []\n}\n")
    }

    @Test func rangeFormattingStaysInTheRange() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode)
        let prefix = #"{"suite": {"name": "🚀"},"version":"1", "scenarios": "#
        let text = prefix + #"[{"name":"a","instructions":"i"}]}"#
        harness.open(Samples.suiteURI, text)
        let response = try harness.request("textDocument/rangeFormatting", [
            "textDocument": ["uri": .string(Samples.suiteURI)], "options": ["tabSize": 2, "insertSpaces": true],
            "range": Self.range(prefix, length: #"[{"name":"a","instructions":"i"}]"#.utf16.count, "utf-16"),
        ])
        let formatted = try LSPEdits.apply(response["result"], to: text, encoding: .utf16)
        #expect(formatted.hasPrefix(prefix), "before the range nothing moves")
        #expect(formatted.contains(#""name": "a""#))
    }

    @Test func brokenAndForeignDocumentsAreNotFormatted() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode)
        harness.open(Samples.suiteURI, #"{"version": "1",, "scenarios": []}"#)
        harness.open(Samples.otherURI, #"{"name":"web"}"#)
        for uri in [Samples.suiteURI, Samples.otherURI] {
            let response = try harness.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)], "options": ["tabSize": 2, "insertSpaces": true]])
            #expect(response["result"] == .null)
        }
    }
}
