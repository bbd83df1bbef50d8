import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Cancellation and staleness: work held on the worker queue while the
/// client cancels or edits underneath it.
struct SchedulingTests {
    static func pull(_ harness: ServerHarness) -> Int {
        harness.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(Samples.suiteURI)]])
    }

    @Test func cancelledRequestAnswersRequestCancelled() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.neovim)
        harness.open(Samples.suiteURI, Samples.badSuite)
        harness.server.workers.suspend()
        let id = Self.pull(harness)
        harness.notify("$/cancelRequest", ["id": .integer(id)])
        harness.server.stateQueue.sync {}
        harness.server.workers.resume()
        let response = try harness.response(to: id)
        #expect(response["error"]?["code"] == .integer(ResponseError.requestCancelledCode))
    }

    @Test func requestWhoseDocumentChangedAnswersContentModified() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.neovim)
        harness.open(Samples.suiteURI, Samples.badSuite)
        harness.server.workers.suspend()
        let id = Self.pull(harness)
        harness.change(Samples.suiteURI, version: 2, [["text": .string(Samples.goodSuite)]])
        harness.server.stateQueue.sync {}
        harness.server.workers.resume()
        let response = try harness.response(to: id)
        #expect(response["error"]?["code"] == .integer(ResponseError.contentModifiedCode))
        // Asked again, it answers for the new version.
        let again = try harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(Samples.suiteURI)]])
        #expect(again["result"]?["items"] == [])
    }

    @Test func editsAreAppliedWhileAReadIsHeld() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.neovim)
        harness.open(Samples.suiteURI, Samples.badSuite)
        harness.server.workers.suspend()
        _ = Self.pull(harness)
        for version in 2...5 { harness.change(Samples.suiteURI, version: version, [["text": .string(Samples.goodSuite)]]) }
        // The state queue is free: the edits landed though the worker is held.
        let version = harness.server.stateQueue.sync { harness.server.documents[Samples.suiteURI]?.version }
        #expect(version == 5)
        harness.server.workers.resume()
    }

    @Test func stalePushIsNeverPublishedOverANewerVersion() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode, options: ["diagnostics": ["debounceMs": 0]])
        harness.server.workers.suspend()
        harness.open(Samples.suiteURI, Samples.badSuite)
        // Let the debounced push start its check on the held worker queue.
        Thread.sleep(forTimeInterval: 0.05)
        harness.server.stateQueue.sync {}
        harness.change(Samples.suiteURI, version: 2, [["text": .string(Samples.goodSuite)]])
        harness.server.stateQueue.sync {}
        harness.server.workers.resume()
        let published = try harness.publishedDiagnostics(Samples.suiteURI, version: 2)
        #expect(published["diagnostics"] == [])
        let versions = harness.messages("textDocument/publishDiagnostics").compactMap { $0["params"]?["version"]?.intValue }
        #expect(!versions.contains(1), "version 1 finished after version 2 arrived and must not be published")
    }
}

import Foundation
