import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// The LSP lifecycle: what happens before `initialize`, after `shutdown`, and
/// how `exit` ends the server.
struct LifecycleTests {
    @Test func requestsBeforeInitializeAreRefusedAndNotificationsDropped() throws {
        let harness = ServerHarness()
        harness.open(Samples.suiteURI, Samples.badSuite)
        let response = try harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(Samples.suiteURI)]])
        #expect(response["error"]?["code"] == .integer(ResponseError.serverNotInitializedCode))
        try harness.initialize()
        // The didOpen before initialize was dropped: the document is not open.
        harness.server.waitUntilIdle()
        #expect(harness.server.stateQueue.sync { harness.server.documents.isEmpty })
    }

    @Test func initializeAnswersCapabilitiesAndServerInfo() throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: Clients.vscode)
        #expect(result["serverInfo"]?["name"] == "cekura-lsp")
        #expect(result["capabilities"]?["textDocumentSync"]?["change"] == 2)
        #expect(result["capabilities"]?["textDocumentSync"]?["openClose"] == true)
        #expect(result["capabilities"]?["diagnosticProvider"] == nil, "VS Code 1.65 does not pull")
        let second = try harness.request("initialize", ["capabilities": [:]])
        #expect(second["error"]?["code"] == .integer(ResponseError.invalidRequestCode))
    }

    @Test func shutdownThenExitEndsWithZero() throws {
        let harness = ServerHarness()
        try harness.initialize()
        #expect(try harness.request("shutdown")["result"] == .null)
        let after = try harness.request("textDocument/diagnostic", ["textDocument": ["uri": "file:///x.json"]])
        #expect(after["error"]?["code"] == .integer(ResponseError.invalidRequestCode))
        harness.notify("exit")
        harness.server.waitUntilIdle()
        #expect(harness.exitStatus == 0)
    }

    @Test func exitWithoutShutdownEndsWithOne() throws {
        let harness = ServerHarness()
        try harness.initialize()
        harness.notify("exit")
        harness.server.waitUntilIdle()
        #expect(harness.exitStatus == 1)
    }

    @Test func endOfInputEndsTheServer() throws {
        let harness = ServerHarness()
        try harness.initialize()
        harness.server.inputEnded()
        harness.server.waitUntilIdle()
        #expect(harness.exitStatus == 1)
        #expect(harness.standardError.contains("standard input closed"))
    }

    @Test func unknownRequestsGetMethodNotFoundAndUnknownNotificationsAreIgnored() throws {
        let harness = ServerHarness()
        try harness.initialize()
        harness.notify("$/unknownThing", ["x": 1])
        harness.notify("custom/notification")
        let response = try harness.request("custom/request")
        #expect(response["error"]?["code"] == .integer(ResponseError.methodNotFoundCode))
        let dollar = try harness.request("$/customRequest")
        #expect(dollar["error"]?["code"] == .integer(ResponseError.methodNotFoundCode))
        // Nothing but the two answers (and the configuration pull) went out.
        #expect(harness.sink.all.filter { $0["id"] != nil && $0["method"] == nil }.count == 3)
    }
}
