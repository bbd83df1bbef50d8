import Foundation
import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Messages the server sent, in order.
final class RecordingSink: MessageSink, @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [JSONValue] = []

    func send(_ message: JSONValue) {
        // Every message must read back, after framing, as what was meant.
        var framer = MessageFramer()
        framer.append(Message.frame(message))
        guard case .message(let body)? = framer.next(), JSONValue(parsing: body) == message else {
            Issue.record("the server sent a message that does not read back: \(message.serialized)")
            return
        }
        lock.withLock { messages.append(message) }
    }

    var all: [JSONValue] { lock.withLock { messages } }
}

/// A server driven in-process through its message handler, as an editor
/// would drive it over stdio: framed bytes in, messages out.
final class ServerHarness: @unchecked Sendable {
    let sink = RecordingSink()
    let server: LanguageServer
    private let lock = NSLock()
    private var nextID = 1

    /// `environment` stands in for the process's (no API key unless a test gives one).
    init(environment: [String: String] = ["HOME": "/nonexistent"], apiSetup: APISetup = APISetup()) {
        let box = StatusBox()
        let lines = LinesBox()
        server = LanguageServer(version: "test", sink: sink, environment: environment, apiSetup: apiSetup,
                                standardError: { lines.append($0) }, onExit: { box.set($0) })
        statusBox = box
        linesBox = lines
    }

    private let statusBox: StatusBox
    private let linesBox: LinesBox
    var exitStatus: Int32? { statusBox.value }
    var standardError: String { linesBox.text }

    /// Sends raw bytes as they would arrive on standard input.
    func sendBytes(_ bytes: [UInt8]) {
        var framer = MessageFramer()
        framer.append(bytes)
        while let event = framer.next() { server.receive(event) }
    }

    func send(_ message: JSONValue) { sendBytes(Message.frame(message)) }

    func notify(_ method: String, _ params: JSONValue = [:]) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and returns its id without waiting.
    @discardableResult
    func sendRequest(_ method: String, _ params: JSONValue = [:]) -> Int {
        let id = lock.withLock { () -> Int in
            defer { nextID += 1 }
            return nextID
        }
        send(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
        return id
    }

    /// Sends a request and returns the whole response message.
    func request(_ method: String, _ params: JSONValue = [:]) throws -> JSONValue {
        let id = sendRequest(method, params)
        return try response(to: id)
    }

    func response(to id: Int) throws -> JSONValue {
        try waitFor { $0["id"] == .integer(id) && $0["method"] == nil }
    }

    /// Waits (up to five seconds) for a message the predicate accepts.
    func waitFor(_ accepts: (JSONValue) -> Bool) throws -> JSONValue {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            server.waitUntilIdle()
            if let found = sink.all.first(where: accepts) { return found }
            Thread.sleep(forTimeInterval: 0.005)
        }
        throw HarnessTimeout(messages: sink.all)
    }

    /// Waits without holding a thread, for tests whose server work runs as
    /// Swift tasks (the API commands) that need the cooperative pool.
    func waitFor(seconds: Double = 5, _ accepts: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            server.waitUntilIdle()
            if let found = sink.all.first(where: accepts) { return found }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw HarnessTimeout(messages: sink.all)
    }

    /// The last `publishDiagnostics` for a document, once one for `version` has come.
    func publishedDiagnostics(_ uri: String, version: Int? = nil) throws -> JSONValue {
        _ = try waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
            && (version == nil || $0["params"]?["version"] == .integer(version!)) }
        return sink.all.last { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri) }!["params"]!
    }

    /// `initialize` and `initialized`; returns the `initialize` result.
    @discardableResult
    func initialize(capabilities: JSONValue = [:], options: JSONValue? = nil) throws -> JSONValue {
        var params: [(key: String, value: JSONValue)] = [("capabilities", capabilities), ("processId", nil)]
        if let options { params.append(("initializationOptions", options)) }
        let response = try request("initialize", .object(params))
        notify("initialized")
        return try #require(response["result"])
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "json", "version": .integer(version), "text": .string(text)]])
    }

    func change(_ uri: String, version: Int, _ changes: [JSONValue]) {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": .array(changes)])
    }

    func messages(_ method: String) -> [JSONValue] { sink.all.filter { $0["method"] == .string(method) } }
}

struct HarnessTimeout: Error, CustomStringConvertible {
    let messages: [JSONValue]
    var description: String { "no such message within 5 s; the server sent:\n" + messages.map(\.serialized).joined(separator: "\n") }
}

final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32?
    var value: Int32? { lock.withLock { status } }
    func set(_ value: Int32) { lock.withLock { status = value } }
}

final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var text: String { lock.withLock { lines.joined() } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}

/// Capability sets as the clients send them (the parts the server reads).
enum Clients {
    /// Neovim 0.11: offers UTF-8, pulls diagnostics.
    static let neovim: JSONValue = [
        "general": ["positionEncodings": ["utf-8", "utf-16", "utf-32"]],
        "textDocument": ["diagnostic": ["dynamicRegistration": false], "publishDiagnostics": ["relatedInformation": true],
                         "hover": ["contentFormat": ["markdown", "plaintext"]]],
        "workspace": ["configuration": true, "diagnostics": ["refreshSupport": true]],
    ]
    /// VS Code 1.65: UTF-16 only, pushed diagnostics with versions.
    static let vscode: JSONValue = [
        "textDocument": ["publishDiagnostics": ["relatedInformation": true, "versionSupport": true]],
        "workspace": ["configuration": true],
    ]
    /// A minimal client: nothing offered.
    static let bare: JSONValue = [:]
}
