import CekuraAPI
import Foundation
import JSONSyntax
import LanguageServerProtocol
import ScenarioModel

/// The commands of `workspace/executeCommand` (protocol-notes/lsp.md, "Commands").
enum ServerCommand: String, CaseIterable, Sendable {
    case runText = "cekura.runText"
    case runSavedText = "cekura.runSavedText"
    case checkRemote = "cekura.checkRemote"
    case generateInstructions = "cekura.generateInstructions"
    case improveInstructions = "cekura.improveInstructions"
    case refreshCatalogs = "cekura.refreshCatalogs"

    /// Every command but the catalog refresh acts on the scenario at a position.
    var needsDocument: Bool { self != .refreshCatalogs }
}

extension LanguageServer {
    /// Starts a command as a Swift task off the state queue; it answers when
    /// done. `$/cancelRequest`, `window/workDoneProgress/cancel` and `shutdown`
    /// cancel the task, which stops its polling.
    func executeCommand(id: RequestID, params: JSONValue) {
        guard let name = params["command"]?.stringValue else {
            return respond(id, .failure(.invalidParams("expected a command name")))
        }
        guard let command = ServerCommand(rawValue: name) else {
            return respond(id, .failure(.invalidParams("unknown command \(name.jsonQuoted); the server has \(ServerCommand.allCases.map(\.rawValue).joined(separator: ", "))")))
        }
        let argument = params["arguments"]?[0] ?? .null
        var place: (OpenDocument, Int)?
        if command.needsDocument {
            guard let uri = argument["uri"]?.stringValue, let position = LinePosition(json: argument["position"]) else {
                return respond(id, .failure(.invalidParams(#"\#(name) takes the arguments [{"uri": <document>, "position": <position>}]"#)))
            }
            guard let snapshot = documents[uri] else { return respond(id, .failure(.invalidParams("\(uri) is not open"))) }
            place = (snapshot, snapshot.document.lineIndex.offset(of: position, in: client.positionEncoding))
        }
        let run = CommandRun(server: self, command: command, requestID: id, argument: argument, place: place,
                             workDoneToken: params["workDoneToken"])
        runningRequests[id] = run.token
        let task = Task { [self] in
            let result = await run.perform()
            await run.endProgress(result)
            stateQueue.async { [self] in
                guard runningRequests.removeValue(forKey: id) != nil else { return }
                respond(id, run.token.isCancelled ? .failure(.requestCancelled) : result)
                // What a command offers after it answers (ending the calls of a cancelled run).
                if let followUp = run.followUp, lifecycle == .running { Task { await followUp() } }
            }
        }
        run.token.whenCancelled { task.cancel() }
    }

    /// `window/workDoneProgress/cancel`: the user cancelled a command from its progress.
    func cancelProgress(_ params: JSONValue) {
        guard let token = params["token"] else { return }
        api.progressTokens[token.serialized]?.cancel()
    }
}

/// One `workspace/executeCommand` while it runs: what it acts on (a snapshot
/// of the document, the settings of the moment, an API client) and the ways
/// it talks to the client. The work runs in a Swift task; anything that reads
/// or changes the server's state hops to the state queue (`onState`).
final class CommandRun: @unchecked Sendable {
    let server: LanguageServer
    let command: ServerCommand
    let requestID: RequestID
    let argument: JSONValue
    /// The document and byte offset the command acts on.
    let place: (snapshot: OpenDocument, offset: Int)?
    let token = CancellationToken()
    let api: CekuraClient
    let client: ClientCapabilities
    let agentSetting: Int?
    let projectSetting: Int?
    let dashboardURL: String
    let reportDirectory: URL
    let hasKey: Bool
    /// The kind the user's file associations give the document.
    let decided: FileKindDecision?
    private let workDoneToken: JSONValue?

    private let lock = NSLock()
    private var progressToken: JSONValue?
    private var followUpAction: (@Sendable () async -> Void)?

    /// Made on the state queue.
    init(server: LanguageServer, command: ServerCommand, requestID: RequestID, argument: JSONValue, place: (OpenDocument, Int)?,
         workDoneToken: JSONValue?) {
        self.server = server
        self.command = command
        self.requestID = requestID
        self.argument = argument
        self.place = place.map { (snapshot: $0.0, offset: $0.1) }
        self.workDoneToken = workDoneToken.flatMap { $0.isNull ? nil : $0 }
        api = server.makeAPIClient()
        client = server.client
        agentSetting = server.agentSetting
        projectSetting = server.projectSetting
        dashboardURL = server.dashboardURL
        reportDirectory = server.cacheDirectory.appendingPathComponent("reports")
        hasKey = server.credentials != nil
        decided = place.flatMap { server.association(for: $0.0) }
    }

    func perform() async -> Result<JSONValue, ResponseError> {
        switch command {
        case .runText: await runText()
        case .runSavedText: await runSavedText()
        case .checkRemote: await checkRemote()
        case .generateInstructions: await writeInstructions(improving: false)
        case .improveInstructions: await writeInstructions(improving: true)
        case .refreshCatalogs: await refreshCatalogs()
        }
    }

    /// Work to start once the command has answered.
    var followUp: (@Sendable () async -> Void)? {
        get { lock.withLock { followUpAction } }
        set { lock.withLock { followUpAction = newValue } }
    }

    // MARK: State

    /// Runs `body` on the state queue and returns what it returns.
    func onState<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            server.stateQueue.async { continuation.resume(returning: body()) }
        }
    }

    /// Sends a request to the client and waits for its answer.
    func ask(_ method: String, _ params: JSONValue) async -> Result<JSONValue, ResponseError> {
        await withCheckedContinuation { continuation in
            server.stateQueue.async { [server] in
                server.request(method, params) { continuation.resume(returning: $0) }
            }
        }
    }

    // MARK: Talking to the user

    /// `window/showMessage`: 1 error, 2 warning, 3 info.
    func show(_ type: Int, _ message: String) {
        server.notify("window/showMessage", ["type": .integer(type), "message": .string(message)])
    }

    /// Opens a file in the editor when the client can; whether it did.
    func showDocument(_ file: URL) async -> Bool {
        guard client.showsDocuments else { return false }
        let answer = await ask("window/showDocument", ["uri": .string(file.absoluteString), "takeFocus": true, "external": false])
        return (try? answer.get())?["success"]?.boolValue ?? false
    }

    // MARK: Progress

    /// Begins a progress report: on the client's token, else on one the
    /// server creates when the client takes them; else there is none.
    func beginProgress(_ title: String) async {
        var token = workDoneToken
        if token == nil, client.showsWorkDoneProgress {
            let created: JSONValue = .string("cekura-\(UUID().uuidString.lowercased())")
            // No report may go out before the client accepted the token.
            if case .success = await ask("window/workDoneProgress/create", ["token": created]) { token = created }
        }
        guard let token else { return }
        let key = token.serialized, cancellation = self.token
        await onState { [server] in server.api.progressTokens[key] = cancellation }
        lock.withLock { progressToken = token }
        send(token, ["kind": "begin", "title": .string(title), "cancellable": true])
    }

    /// A step of the progress: a short message, and how far, from 0 to 100.
    func report(_ message: String, percentage: Int? = nil) {
        guard let token = lock.withLock({ progressToken }) else { return }
        var value: [(key: String, value: JSONValue)] = [("kind", "report"), ("message", .string(message))]
        if let percentage { value.append(("percentage", .integer(min(100, max(0, percentage))))) }
        send(token, .object(value))
    }

    /// Ends the progress, if one began, with the outcome in a few words.
    func endProgress(_ result: Result<JSONValue, ResponseError>) async {
        guard let token = lock.withLock({ () -> JSONValue? in defer { progressToken = nil }; return progressToken }) else { return }
        let message: String
        switch result {
        case .success(let value): message = value["summary"]?.stringValue ?? "done"
        case .failure(let error): message = error.code == ResponseError.requestCancelledCode || self.token.isCancelled ? "cancelled" : "failed"
        }
        send(token, ["kind": "end", "message": .string(message)])
        let key = token.serialized
        await onState { [server] in server.api.progressTokens[key] = nil }
    }

    private func send(_ token: JSONValue, _ value: JSONValue) {
        server.notify("$/progress", ["token": token, "value": value])
    }
}
