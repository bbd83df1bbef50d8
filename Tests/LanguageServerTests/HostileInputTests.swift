import Foundation
import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import ScenarioFixtures
import Testing

/// Input an editor may send on a bad day: huge or deep documents, very long
/// lines and strings, bytes that are not UTF-8, edits that make no sense.
/// Each ends in a clear error or a right answer, and the server goes on serving.
struct HostileInputTests {
    static let capabilities: JSONValue = ["general": ["positionEncodings": ["utf-16"]]]

    func position(_ line: Int, _ character: Int) -> JSONValue { ["line": .integer(line), "character": .integer(character)] }

    @Test func twentyMegabyteSuiteIsChecked() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities, options: ["cekura": ["diagnostics": ["debounceMs": 0]]])
        var generator = SuiteGenerator()
        let text = generator.suite(cases: 4100)
        try #require(text.utf8.count > 20_000_000)
        harness.open(Samples.suiteURI, text)
        let published = try harness.publishedDiagnostics(Samples.suiteURI, version: 1)
        #expect(published["diagnostics"]?.arrayValue != nil)
        let hover = try harness.request("textDocument/hover", ["textDocument": ["uri": .string(Samples.suiteURI)], "position": position(0, 3)])
        #expect(hover["error"] == nil)
    }

    @Test func hundredThousandLevelsOfNestingAreRefusedNotFollowed() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities, options: ["cekura": ["diagnostics": ["debounceMs": 0]]])
        let depth = 100_000
        let text = #"{"version": "1", "scenarios": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        harness.open(Samples.suiteURI, text)
        let diagnostics = try #require(try harness.publishedDiagnostics(Samples.suiteURI, version: 1)["diagnostics"]?.arrayValue)
        #expect(diagnostics.contains { $0["code"] == "nesting-too-deep" })
        // Every feature that walks the tree answers at the deepest point.
        let deep = position(0, 30 + depth / 2)
        for method in ["textDocument/hover", "textDocument/completion"] {
            let response = try harness.request(method, ["textDocument": ["uri": .string(Samples.suiteURI)], "position": deep])
            #expect(response["error"] == nil, "\(method)")
        }
        let formatting = try harness.request("textDocument/formatting", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                                         "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(formatting["result"] == .null, "a document the parser refused is not formatted")
    }

    @Test func fiveMegabyteStringOnAOneLineDocument() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities, options: ["cekura": ["diagnostics": ["debounceMs": 0]]])
        // One line of 5 MB of CJK text (UTF-16 columns differ from bytes), then an error.
        let long = String(repeating: "漢字 🚀 ", count: 400_000)
        let prefix = #"{"scenarios": [{"name": "a", "instructions": "\#(long)"}], "version": "#
        let text = prefix + "1}"
        harness.open(Samples.suiteURI, text)
        let diagnostics = try #require(try harness.publishedDiagnostics(Samples.suiteURI, version: 1)["diagnostics"]?.arrayValue)
        let version = try #require(diagnostics.first { $0["code"] == "suite-version-invalid" })
        #expect(version["range"]?["start"] == position(0, prefix.utf16.count))
    }

    @Test func invalidUTF8FromTheEditorIsAnErrorAndTheServerGoesOn() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities)
        let body = Array(#"{"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///x"#.utf8)
            + [0xFF, 0xC3] + Array(#".json"}, "position": {"line": 0, "character": 0}}}"#.utf8)
        harness.sendBytes(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        let answer = try harness.waitFor { $0["id"] == 5 || ($0["id"] == .null && $0["error"] != nil) }
        #expect(answer["error"] != nil)
        #expect(try harness.request("shutdown")["result"] == .null)
    }

    @Test func changePastTheEndIsClampedAndAVersionGoingBackIsApplied() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities, options: ["cekura": ["diagnostics": ["debounceMs": 0]]])
        harness.open(Samples.suiteURI, Samples.goodSuite, version: 5)
        harness.change(Samples.suiteURI, version: 6, [["range": ["start": position(40, 0), "end": position(99, 9)], "text": " "]])
        harness.change(Samples.suiteURI, version: 3, [["range": ["start": position(0, 0), "end": position(0, 0)], "text": " "]])
        let published = try harness.publishedDiagnostics(Samples.suiteURI, version: 3)
        #expect(published["diagnostics"] == [])
        #expect(harness.standardError.contains("version"))
    }

    @Test func documentClosedWhileARequestRunsIsAnswered() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.capabilities)
        harness.open(Samples.suiteURI, Samples.goodSuite)
        harness.server.workers.suspend()
        let id = harness.sendRequest("textDocument/hover", ["textDocument": ["uri": .string(Samples.suiteURI)], "position": position(0, 3)])
        harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(Samples.suiteURI)]])
        harness.server.stateQueue.sync {}
        harness.server.workers.resume()
        let response = try harness.response(to: id)
        #expect(response["error"]?["code"] == .integer(ResponseError.contentModifiedCode) || response["result"] != nil)
    }
}
