import CekuraAPI
import Foundation
import JSONSyntax
@testable import LanguageServer
import StandInSupport
import Testing

/// A server with an API key and the stand-in API behind it, driven by a
/// client that answers the server's requests as an editor does (progress
/// tokens, documents shown, edits applied), quickly polled.
final class CommandSession: @unchecked Sendable {
    /// Recognizable, so that any output that holds it is caught.
    static let key = "ck_live_SECRET_9f8e7d6c5b4a"

    let standIn: StandIn
    let harness: ServerHarness
    /// The server's cache folder (catalogs, reports).
    let cache: URL
    private let lock = NSLock()
    private var replies: [String: JSONValue] = [
        "window/workDoneProgress/create": .null, "window/showDocument": ["success": true], "workspace/applyEdit": ["applied": true],
    ]
    private var answered: Set<String> = []
    private var responder: Task<Void, Never>?

    /// `agentID` nil leaves the agent unset; `key` nil gives the server no key.
    static func start(capabilities: JSONValue, agentID: Int? = 12, key: String? = CommandSession.key) async throws -> CommandSession {
        let standIn = try await StandIn.start()
        try await standIn.control(["api_key": .string(key ?? "unused"), "polls_to_finish": 3])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cekura-commands-\(UUID().uuidString)")
        var environment = ["HOME": "/nonexistent"]
        if let key { environment["CEKURA_API_KEY"] = key }
        let fast = Duration.milliseconds(20)
        let setup = APISetup(polling: PollingPolicy(firstInterval: fast, laterInterval: fast, instructionInterval: fast),
                             retry: RetryPolicy(firstBackoff: .milliseconds(10), requestTimeout: .seconds(3)), cacheDirectory: cache)
        let session = CommandSession(standIn: standIn, harness: ServerHarness(environment: environment, apiSetup: setup), cache: cache)
        var options: [(key: String, value: JSONValue)] = [("apiUrl", .string(standIn.baseURL)), ("diagnostics", ["debounceMs": 0])]
        if let agentID { options.append(("agentId", .integer(agentID))) }
        try session.harness.initialize(capabilities: capabilities, options: ["cekura": .object(options)])
        session.responder = Task { [session] in
            while !Task.isCancelled {
                session.answerRequests()
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        return session
    }

    private init(standIn: StandIn, harness: ServerHarness, cache: URL) {
        self.standIn = standIn
        self.harness = harness
        self.cache = cache
    }

    /// What the client answers to a request of the server from now on; nil leaves it unanswered.
    func reply(_ method: String, with result: JSONValue?) {
        lock.withLock { replies[method] = result }
    }

    private func answerRequests() {
        for message in harness.sink.all {
            guard let id = message["id"], let method = message["method"]?.stringValue else { continue }
            let result: JSONValue? = lock.withLock {
                guard !answered.contains(id.serialized), let result = replies[method] else { return nil }
                answered.insert(id.serialized)
                return result
            }
            if let result { harness.send(["jsonrpc": "2.0", "id": id, "result": result]) }
        }
    }

    /// Sends `workspace/executeCommand` and returns the request id.
    func execute(_ command: String, _ argument: JSONValue) -> Int {
        harness.sendRequest("workspace/executeCommand", ["command": .string(command), "arguments": [argument]])
    }

    func response(to id: Int, seconds: Double = 10) async throws -> JSONValue {
        try await harness.waitFor(seconds: seconds) { $0["id"] == .integer(id) && $0["method"] == nil }
    }

    /// `{"uri", "position"}` at the end of `prefix` on line 0.
    static func argument(_ uri: String, _ prefix: String, _ encoding: String) -> JSONValue {
        ["uri": .string(uri), "position": ["line": 0, "character": .integer(Samples.column(prefix, encoding))]]
    }

    func messages(_ method: String) -> [JSONValue] { harness.messages(method) }

    /// Everything the server wrote: messages, standard error, files in its cache.
    func everythingWritten() -> String {
        let files = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.compactMap { item -> String? in
            guard let url = item as? URL else { return nil }
            return (try? String(contentsOf: url, encoding: .utf8)).map { url.lastPathComponent + "\n" + $0 }
        } ?? []
        return (harness.sink.all.map(\.serialized) + [harness.standardError] + files).joined(separator: "\n")
    }

    func stop() async {
        responder?.cancel()
        await standIn.stop()
        try? FileManager.default.removeItem(at: cache)
    }
}

/// Capability sets of the clients the commands are tested with.
enum CommandClients {
    /// Neovim 0.11: UTF-8, pulled diagnostics, progress, documents shown, edits applied.
    static let neovim: JSONValue = [
        "general": ["positionEncodings": ["utf-8", "utf-16"]],
        "textDocument": ["diagnostic": ["dynamicRegistration": false], "codeAction": ["codeActionLiteralSupport": ["codeActionKind": ["valueSet": [""]]]],
                         "codeLens": [:]],
        "window": ["workDoneProgress": true, "showDocument": ["support": true]],
        "workspace": ["applyEdit": true],
    ]
    /// VS Code: UTF-16, pushed diagnostics, versioned edits.
    static let vscode: JSONValue = [
        "textDocument": ["publishDiagnostics": ["relatedInformation": true, "versionSupport": true]],
        "window": ["workDoneProgress": true, "showDocument": ["support": true]],
        "workspace": ["applyEdit": true, "workspaceEdit": ["documentChanges": true]],
    ]
    /// Emacs 29: no documents shown.
    static let emacs: JSONValue = ["window": ["workDoneProgress": true], "workspace": ["applyEdit": true]]
}
