import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol

/// The input as standard input of an initialized server with a scenario file
/// open: framed, dispatched, and every piece of work it starts finished.
enum ServerFuzzing {
    final class DiscardingSink: MessageSink, @unchecked Sendable {
        func send(_ message: JSONValue) {}
    }

    static let opening: [UInt8] = {
        let initialize: JSONValue = ["jsonrpc": "2.0", "id": 1, "method": "initialize",
                                     "params": ["capabilities": ["general": ["positionEncodings": ["utf-8"]]],
                                                "initializationOptions": ["cekura": ["diagnostics": ["debounceMs": 0]]]]]
        let open: JSONValue = ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": "file:///f/cekura.tests.json", "languageId": "json", "version": 1,
            "text": #"{"version": "1", "scenarios": [{"name": "a", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi <silence time=\"1s\"/>", "type": "standard", "fixed_message": true}]}}]}"#,
        ]]]
        return Message.frame(initialize) + Message.frame(["jsonrpc": "2.0", "method": "initialized", "params": [:]]) + Message.frame(open)
    }()

    static func run(_ bytes: [UInt8]) -> [String] {
        // A new server per input: an `exit` in one input must not end the next.
        let server = LanguageServer(version: "fuzz", sink: DiscardingSink(), environment: [:], standardError: { _ in }, onExit: { _ in })
        var framer = MessageFramer(maximumLength: 1 << 20)
        framer.append(opening)
        framer.append(bytes)
        while let event = framer.next() { server.receive(event) }
        server.waitUntilIdle()
        return []
    }
}
