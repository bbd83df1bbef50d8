import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Diagnostics as clients see them: pushed with versions to clients that do
/// not pull, pulled by those that do, at the right columns in the negotiated
/// encoding, cleared on close, never stale.
struct DiagnosticsTests {
    static let fast: JSONValue = ["diagnostics": ["debounceMs": 0]]

    @Test(arguments: [("utf-8", Clients.neovim), ("utf-16", Clients.vscode), ("utf-16", Clients.bare)])
    func positionEncodingIsNegotiated(expected: String, capabilities: JSONValue) throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: capabilities)
        #expect(result["capabilities"]?["positionEncoding"] == .string(expected))
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func pushedDiagnosticSitsAfterEmojiAndCJK(encoding: String) throws {
        let harness = ServerHarness()
        let capabilities: JSONValue = encoding == "utf-8" ? ["general": ["positionEncodings": ["utf-8"]]] : Clients.vscode
        try harness.initialize(capabilities: capabilities, options: Self.fast)
        harness.open(Samples.suiteURI, Samples.badSuite, version: 3)
        let published = try harness.publishedDiagnostics(Samples.suiteURI, version: 3)
        let diagnostic = try #require(published["diagnostics"]?[0])
        #expect(diagnostic["code"] == "suite-version-invalid")
        #expect(diagnostic["source"] == "cekura")
        #expect(diagnostic["severity"] == 1)
        let start = Samples.column(Samples.prefix, encoding)
        #expect(diagnostic["range"] == ["start": ["line": 0, "character": .integer(start)], "end": ["line": 0, "character": .integer(start + 1)]])
    }

    @Test func incrementalEditAfterAstralCharactersFixesTheFile() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: Self.fast)
        harness.open(Samples.suiteURI, Samples.badSuite)
        _ = try harness.publishedDiagnostics(Samples.suiteURI, version: 1)
        // Replace `1` by `"1"`, addressed in UTF-16 after 🚀 (two code units).
        let start = Samples.column(Samples.prefix, "utf-16")
        harness.change(Samples.suiteURI, version: 2, [
            ["range": ["start": ["line": 0, "character": .integer(start)], "end": ["line": 0, "character": .integer(start + 1)]], "text": "\"1\""],
        ])
        let published = try harness.publishedDiagnostics(Samples.suiteURI, version: 2)
        #expect(published["diagnostics"] == [])
        let text = harness.server.stateQueue.sync { harness.server.documents[Samples.suiteURI]?.document.text }
        #expect(text == Samples.goodSuite)
    }

    /// The server reuses what the previous check found in the cases an edit
    /// did not touch: after typing in the first case, the findings of the
    /// second (moved by the edit, one with a fix) are what a fresh open of the
    /// same text gets.
    @Test func findingsOfUntouchedCasesMoveWithTheEdit() throws {
        let before = #"{"version": "1", "defaults": {"language": "en"}, "scenarios": [{"name": "n", "instructions": "i"}, "#
            + #"{"name": "m", "agent_id": "a", "instructions": "say {{test_profile.x}} and {{ oops }}", "type": "conditional_actions"}]}"#
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: Self.fast)
        harness.open(Samples.suiteURI, before)
        let first = try harness.publishedDiagnostics(Samples.suiteURI, version: 1)
        #expect((first["diagnostics"]?.arrayValue?.count ?? 0) >= 3)
        let name = try #require(before.firstRange(of: #""n""#)).upperBound
        let column = before.utf16.distance(from: before.startIndex, to: name) - 1
        harness.change(Samples.suiteURI, version: 2, [
            ["range": ["start": ["line": 0, "character": .integer(column)], "end": ["line": 0, "character": .integer(column)]], "text": "ame"],
        ])
        let edited = try harness.publishedDiagnostics(Samples.suiteURI, version: 2)

        let fresh = ServerHarness()
        try fresh.initialize(capabilities: Clients.vscode, options: Self.fast)
        var after = before
        after.insert(contentsOf: "ame", at: before.index(before: name))
        fresh.open(Samples.suiteURI, after)
        #expect(edited["diagnostics"] == (try fresh.publishedDiagnostics(Samples.suiteURI, version: 1))["diagnostics"])
        #expect(edited["diagnostics"] != first["diagnostics"])
    }

    @Test func closingClearsPushedDiagnostics() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: Self.fast)
        harness.open(Samples.suiteURI, Samples.badSuite)
        _ = try harness.publishedDiagnostics(Samples.suiteURI, version: 1)
        harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(Samples.suiteURI)]])
        harness.server.waitUntilIdle()
        let last = try #require(harness.messages("textDocument/publishDiagnostics").last)
        #expect(last["params"]?["diagnostics"] == [])
        #expect(last["params"]?["version"] == nil)
    }

    @Test func filesOfUnknownKindGetNoDiagnostics() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: Self.fast)
        harness.open(Samples.otherURI, #"{"name": "web", "version": 1, // comment"# + "\n}")
        harness.open(Samples.suiteURI, Samples.badSuite)
        _ = try harness.publishedDiagnostics(Samples.suiteURI, version: 1)
        for message in harness.messages("textDocument/publishDiagnostics") where message["params"]?["uri"] == .string(Samples.otherURI) {
            #expect(message["params"]?["diagnostics"] == [])
        }
    }

    @Test func rapidEditsPublishOnlyTheLatestVersion() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: ["diagnostics": ["debounceMs": 30]])
        harness.open(Samples.suiteURI, Samples.badSuite)
        for version in 2...20 {
            harness.change(Samples.suiteURI, version: version, [["text": .string(version.isMultiple(of: 2) ? Samples.goodSuite : Samples.badSuite)]])
        }
        let published = try harness.publishedDiagnostics(Samples.suiteURI, version: 20)
        #expect(published["diagnostics"] == [])
        // Debounced: the burst of edits gave one publication, for the last version.
        let versions = harness.messages("textDocument/publishDiagnostics").compactMap { $0["params"]?["version"]?.intValue }
        #expect(versions == [20])
    }

    @Test func pullingClientGetsFullThenUnchangedAndNoPush() throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: Clients.neovim, options: Self.fast)
        #expect(result["capabilities"]?["diagnosticProvider"]?["interFileDependencies"] == false)
        harness.open(Samples.suiteURI, Samples.badSuite)
        let first = try harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(Samples.suiteURI)]])
        #expect(first["result"]?["kind"] == "full")
        #expect(first["result"]?["items"]?[0]?["code"] == "suite-version-invalid")
        let start = Samples.column(Samples.prefix, "utf-8")
        #expect(first["result"]?["items"]?[0]?["range"]?["start"]?["character"] == .integer(start))
        let resultID = try #require(first["result"]?["resultId"])
        let second = try harness.request("textDocument/diagnostic",
                                         ["textDocument": ["uri": .string(Samples.suiteURI)], "previousResultId": resultID])
        #expect(second["result"] == ["kind": "unchanged", "resultId": resultID])
        #expect(harness.messages("textDocument/publishDiagnostics").isEmpty)
    }

    @Test func relatedInformationPointsIntoTheSameFile() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: Self.fast)
        let uri = "file:///work/project/loop.cekura.json"
        let script = #"{"role": "r", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}, {"id": 1, "condition": 2, "action": "a <endcall />", "type": "action_followup", "fixed_message": true}, {"id": 2, "condition": 1, "action": "b", "type": "action_followup", "fixed_message": true}]}"#
        harness.open(uri, script)
        let published = try harness.publishedDiagnostics(uri, version: 1)
        let loop = try #require(published["diagnostics"]?.arrayValue?.first { $0["relatedInformation"] != nil })
        #expect(loop["relatedInformation"]?[0]?["location"]?["uri"] == .string(uri))
    }
}
