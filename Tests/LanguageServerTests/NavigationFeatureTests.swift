import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Definition, references, highlights and rename through the protocol, at
/// positions after emoji and CJK in UTF-8 and UTF-16.
struct NavigationFeatureTests {
    /// A suite whose script declares `lookup` after astral and CJK text, and
    /// uses it after more of it on the same line.
    static let declaration = #"{"version": "1", "scenarios": [{"name": "🚀 漢字", "type": "conditional_actions", "conditional_actions": {"role": "r", "functions": [{"name": ""#
    static let tag = declaration + #"lookup"}], "conditions": [{"id": 0, "action": "🚀 漢字 <function name=\""#
    static let placeholder = tag + #"lookup\"/> {{function."#
    static let text = placeholder + #"lookup.x}}"}]}}]}"#

    static let scriptURI = "file:///work/project/cekura.tests.json"

    static func position(_ prefix: String, _ encoding: String) -> JSONValue {
        ["line": 0, "character": .integer(Samples.column(prefix, encoding))]
    }

    static func range(from prefix: String, length: Int, _ encoding: String) -> JSONValue {
        ["start": position(prefix, encoding), "end": position(prefix + String(repeating: "x", count: length), encoding)]
    }

    static func params(at prefix: String, _ encoding: String, _ more: [(key: String, value: JSONValue)] = []) -> JSONValue {
        .object([("textDocument", ["uri": .string(scriptURI)]), ("position", position(prefix, encoding))] + more)
    }

    /// A harness with the script open, for a client offering `encoding`.
    static func harness(_ encoding: String, _ capabilities: JSONValue = [:]) throws -> ServerHarness {
        let harness = ServerHarness()
        var offered = capabilities.objectValue ?? []
        offered.append(("general", ["positionEncodings": [.string(encoding)]]))
        let result = try harness.initialize(capabilities: .object(offered))
        #expect(result["capabilities"]?["positionEncoding"] == .string(encoding))
        harness.open(scriptURI, text)
        return harness
    }

    @Test func capabilitiesFollowTheClient() throws {
        let bare = try ServerHarness().initialize()["capabilities"]
        #expect(bare?["definitionProvider"] == true)
        #expect(bare?["referencesProvider"] == true)
        #expect(bare?["documentHighlightProvider"] == true)
        #expect(bare?["renameProvider"] == true)
        let preparing = try ServerHarness().initialize(capabilities: ["textDocument": ["rename": ["prepareSupport": true]]])["capabilities"]
        #expect(preparing?["renameProvider"] == ["prepareProvider": true])
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func definitionOfATagAfterAstralAndCJKText(encoding: String) throws {
        let harness = try Self.harness(encoding)
        let response = try harness.request("textDocument/definition", Self.params(at: Self.tag + "loo", encoding))
        #expect(response["result"] == [["uri": .string(Self.scriptURI), "range": Self.range(from: Self.declaration, length: 6, encoding)]])
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func definitionAsALinkForClientsThatTakeLinks(encoding: String) throws {
        let harness = try Self.harness(encoding, ["textDocument": ["definition": ["linkSupport": true]]])
        let response = try harness.request("textDocument/definition", Self.params(at: Self.placeholder + "lo", encoding))
        let link = try #require(response["result"]?[0])
        #expect(link["originSelectionRange"] == Self.range(from: Self.placeholder, length: 6, encoding))
        #expect(link["targetSelectionRange"] == Self.range(from: Self.declaration, length: 6, encoding))
        // The whole function object: from its brace to the end of `"lookup"}`.
        let functionStart = String(Self.declaration.dropLast(#"{"name": ""#.count))
        #expect(link["targetRange"]?["start"] == Self.position(functionStart, encoding))
        #expect(link["targetRange"]?["end"] == Self.position(Self.declaration + #"lookup"}"#, encoding))
        #expect(link["targetUri"] == .string(Self.scriptURI))
    }

    @Test(arguments: [true, false])
    func referencesWithAndWithoutTheDeclaration(includeDeclaration: Bool) throws {
        let harness = try Self.harness("utf-16")
        let response = try harness.request("textDocument/references",
                                           Self.params(at: Self.declaration + "l", "utf-16", [("context", ["includeDeclaration": .bool(includeDeclaration)])]))
        let uses: [JSONValue] = [Self.tag, Self.placeholder].map { ["uri": .string(Self.scriptURI), "range": Self.range(from: $0, length: 6, "utf-16")] }
        let declaration: JSONValue = ["uri": .string(Self.scriptURI), "range": Self.range(from: Self.declaration, length: 6, "utf-16")]
        #expect(response["result"] == .array(includeDeclaration ? [declaration] + uses : uses))
    }

    @Test func highlightsWriteTheDefinitionAndReadTheUses() throws {
        let harness = try Self.harness("utf-8")
        let response = try harness.request("textDocument/documentHighlight", Self.params(at: Self.tag + "lookup", "utf-8"))
        #expect(response["result"] == [
            ["range": Self.range(from: Self.declaration, length: 6, "utf-8"), "kind": 3],
            ["range": Self.range(from: Self.tag, length: 6, "utf-8"), "kind": 2],
            ["range": Self.range(from: Self.placeholder, length: 6, "utf-8"), "kind": 2],
        ])
        let nothing = try harness.request("textDocument/documentHighlight", Self.params(at: "{\"vers", "utf-8"))
        #expect(nothing["result"] == [])
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func prepareRenameGivesTheNameOrNothing(encoding: String) throws {
        let harness = try Self.harness(encoding)
        let response = try harness.request("textDocument/prepareRename", Self.params(at: Self.placeholder + "look", encoding))
        #expect(response["result"] == ["range": Self.range(from: Self.placeholder, length: 6, encoding), "placeholder": "lookup"])
        let offName = try harness.request("textDocument/prepareRename", Self.params(at: "{\"vers", encoding))
        #expect(offName["result"] == .null)
        #expect(offName["error"] == nil)
    }

    @Test(arguments: [true, false])
    func renameIsAVersionedEditWhenTheClientTakesOne(documentChanges: Bool) throws {
        let harness = try Self.harness("utf-16", ["workspace": ["workspaceEdit": ["documentChanges": .bool(documentChanges)]]])
        harness.change(Self.scriptURI, version: 4, [["text": .string(Self.text)]])
        let response = try harness.request("textDocument/rename", Self.params(at: Self.tag + "l", "utf-16", [("newName", "find")]))
        let edits: JSONValue = .array([Self.declaration, Self.tag, Self.placeholder].map {
            ["range": Self.range(from: $0, length: 6, "utf-16"), "newText": "find"]
        })
        if documentChanges {
            #expect(response["result"] == ["documentChanges": [["textDocument": ["uri": .string(Self.scriptURI), "version": 4], "edits": edits]]])
        } else {
            #expect(response["result"] == ["changes": .object([(key: Self.scriptURI, value: edits)])])
        }
    }

    @Test func refusedRenamesAreErrorsWithTheReason() throws {
        let harness = try Self.harness("utf-8", ["textDocument": ["rename": ["prepareSupport": true]]])
        let invalid = try harness.request("textDocument/rename", Self.params(at: Self.tag + "l", "utf-8", [("newName", "find it")]))
        #expect(invalid["error"]?["code"] == .integer(ResponseError.requestFailedCode))
        #expect(invalid["error"]?["message"] == #"a function name is 1 to 64 letters, digits, `_` or `-`; "find it" contains a space"#)
        let missing = try harness.request("textDocument/rename", Self.params(at: Self.tag + "l", "utf-8"))
        #expect(missing["error"]?["code"] == .integer(ResponseError.invalidParamsCode))
    }

    @Test func undefinedNamesCannotBePreparedForRename() throws {
        let harness = try Self.harness("utf-8")
        let prefix = #"{"version": "1", "scenarios": [{"name": "🚀", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [{"id": 0, "action": "<function name=\""#
        harness.change(Self.scriptURI, version: 2, [["text": .string(prefix + #"ghost\"/>"}]}}]}"#)]])
        let response = try harness.request("textDocument/prepareRename", Self.params(at: prefix + "gh", "utf-8"))
        #expect(response["error"]?["code"] == .integer(ResponseError.requestFailedCode))
        #expect(response["error"]?["message"]?.stringValue?.hasPrefix(#"no function named "ghost""#) == true)
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func scriptInInstructionsAnswersInTheDocumentsPositions(encoding: String) throws {
        let harness = try Self.harness(encoding)
        let uri = "file:///work/project/refund.scenario.json"
        let declaration = #"{"name": "🚀 漢字", "scenario_type": "conditional_actions", "instructions": "{\"role\": \"r\", \"conditions\": [{\"id\": "#
        let followup = declaration + #"4, \"action\": \"🚀\"}, {\"id\": 5, \"condition\": "#
        harness.open(uri, followup + #"4, \"type\": \"action_followup\"}]}"}"#)
        let response = try harness.request("textDocument/rename", [
            "textDocument": ["uri": .string(uri)], "position": Self.position(followup, encoding), "newName": "1",
        ])
        let edits = try #require(response["result"]?["changes"]?[uri]?.arrayValue)
        #expect(edits == [declaration, followup].map { ["range": Self.range(from: $0, length: 1, encoding), "newText": "1"] })
    }
}
