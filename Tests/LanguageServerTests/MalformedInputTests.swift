import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Bad bytes on standard input: each gets the JSON-RPC error it can be
/// answered with, is logged, and the server keeps serving.
struct MalformedInputTests {
    @Test func bodyThatIsNotJSONGetsParseErrorWithNullID() throws {
        let harness = ServerHarness()
        try harness.initialize()
        let body = Array(#"{"jsonrpc": "2.0", "id": 9, "method": "#.utf8)
        harness.sendBytes(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        let error = try harness.waitFor { $0["error"]?["code"] == .integer(ResponseError.parseErrorCode) }
        #expect(error["id"] == .null)
        #expect(harness.standardError.contains("refused a message"))
        #expect(try harness.request("shutdown")["result"] == .null, "the server keeps serving")
    }

    @Test func bodyThatIsNotJSONRPCGetsInvalidRequestWithItsID() throws {
        let harness = ServerHarness()
        try harness.initialize()
        harness.send(["id": 4, "method": "shutdown"])
        let error = try harness.waitFor { $0["id"] == 4 }
        #expect(error["error"]?["code"] == .integer(ResponseError.invalidRequestCode))
    }

    @Test func malformedHeaderIsLoggedAndSkipped() throws {
        let harness = ServerHarness()
        try harness.initialize()
        let next = Message.frame(["jsonrpc": "2.0", "id": 77, "method": "shutdown"])
        harness.sendBytes(Array("Content-Lenght: 12\r\n\r\n".utf8) + next)
        #expect(try harness.response(to: 77)["result"] == .null)
        #expect(harness.standardError.contains("malformed header"))
    }

    @Test func oversizedMessageIsRefused() throws {
        let harness = ServerHarness()
        try harness.initialize()
        harness.server.receive(.oversized(length: 1 << 30))
        let error = try harness.waitFor { $0["error"]?["code"] == .integer(ResponseError.invalidRequestCode) }
        #expect(error["id"] == .null)
    }

    @Test func paramsOfTheWrongShapeDoNotStopTheServer() throws {
        let harness = ServerHarness()
        try harness.initialize()
        harness.notify("textDocument/didOpen", ["textDocument": 3])
        harness.notify("textDocument/didChange", ["textDocument": ["uri": "file:///nowhere.json"], "contentChanges": []])
        harness.notify("textDocument/didClose", [:])
        let pulled = try harness.request("textDocument/diagnostic", [:])
        #expect(pulled["error"]?["code"] == .integer(ResponseError.invalidParamsCode))
        #expect(try harness.request("shutdown")["result"] == .null)
    }
}
