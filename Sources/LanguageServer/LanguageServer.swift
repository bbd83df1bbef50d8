import Dispatch
import CekuraAPI
import Foundation
import JSONSyntax
import LanguageServerProtocol

/// The language server: it reads messages in order, owns the open documents
/// and the settings, and answers. protocol-notes/architecture.md describes the
/// design:
/// - one serial state queue owns every piece of mutable state; messages are
///   handled on it one at a time, in the order they arrived, and each handler
///   does only quick work there (apply an edit, take a snapshot, answer);
/// - checks run on a concurrent worker queue over immutable snapshots, so
///   reads of a document run in parallel and a slow request never holds up an
///   edit; their results come back to the state queue, which drops or refuses
///   what a newer version made stale;
/// - `$/cancelRequest` reaches the state queue like any message and sets the
///   request's token, which the work checks before it starts and before it answers.
public final class LanguageServer: @unchecked Sendable {
    let sink: MessageSink
    let log: ServerLog
    let stateQueue = DispatchQueue(label: "cekura-lsp.state")
    let workers = DispatchQueue(label: "cekura-lsp.workers", attributes: .concurrent)
    private let onExit: @Sendable (Int32) -> Void
    let version: String
    /// The process environment, where the API key may come from.
    let environment: [String: String]
    let apiSetup: APISetup

    // State, touched only on `stateQueue`.
    var lifecycle: Lifecycle = .uninitialized
    var client = ClientCapabilities()
    var settings = ServerSettings()
    /// The API URL and key, the catalogs and what the commands found.
    var api = APIState()
    /// Bumped when settings, the API's catalogs or the commands' findings
    /// change, so that cached and pulled results made before are told apart.
    var settingsGeneration = 0
    var documents: [String: OpenDocument] = [:]
    var checks = CheckCache()
    var pendingPushes: [String: DispatchWorkItem] = [:]
    var runningRequests: [RequestID: CancellationToken] = [:]
    private var nextOutgoingID = 1
    private var awaitingResponses: [RequestID: @Sendable (Result<JSONValue, ResponseError>) -> Void] = [:]

    enum Lifecycle {
        case uninitialized, running, shutDown, exited
    }

    /// `version` is announced in `serverInfo`; `onExit` ends the process with
    /// the status `exit` calls for.
    public init(version: String, sink: MessageSink, environment: [String: String] = ProcessInfo.processInfo.environment,
                apiSetup: APISetup = APISetup(),
                standardError: @escaping @Sendable (String) -> Void, onExit: @escaping @Sendable (Int32) -> Void) {
        self.version = version
        self.environment = environment
        self.apiSetup = apiSetup
        self.sink = sink
        self.log = ServerLog(sink: sink, standardError: standardError)
        self.onExit = onExit
    }

    // MARK: Input

    /// Takes one framing event from the reader; handled on the state queue in order.
    public func receive(_ event: MessageFramer.Event) {
        stateQueue.async { [self] in
            switch event {
            case .message(let body):
                handle(body: body)
            case .malformedHeader(let problem):
                log.log(.error, "dropped a message with a malformed header: \(problem)", toClient: lifecycle == .running)
            case .oversized(let length):
                log.log(.error, "dropped a message of \(length) bytes, over the limit", toClient: lifecycle == .running)
                sink.send(Message.errorWithoutID(.invalidRequest("the message is \(length) bytes long, over the limit")))
            }
        }
    }

    /// The client closed our standard input: end as `exit` would.
    public func inputEnded() {
        stateQueue.async { [self] in
            guard lifecycle != .exited else { return }
            log.log(lifecycle == .shutDown ? .info : .warning, "standard input closed")
            finish(status: lifecycle == .shutDown ? 0 : 1)
        }
    }

    private func handle(body: [UInt8]) {
        switch Message.decode(body) {
        case .failure(let failure):
            log.log(.error, "refused a message: \(failure.error.message)")
            guard failure.answerable else { return }
            if let id = failure.id {
                sink.send(Message.response(id: id, result: .failure(failure.error)).json)
            } else {
                sink.send(Message.errorWithoutID(failure.error))
            }
        case .success(.request(let id, let method, let params)):
            log.trace("received request", "\(method) (\(id))", details: params)
            handleRequest(id: id, method: method, params: params)
        case .success(.notification(let method, let params)):
            log.trace("received notification", method, details: params)
            handleNotification(method: method, params: params)
        case .success(.response(let id, let result)):
            log.trace("received response", "(\(id))", details: try? result.get())
            if let handler = awaitingResponses.removeValue(forKey: id) { handler(result) }
        }
    }

    // MARK: Requests

    private func handleRequest(id: RequestID, method: String, params: JSONValue) {
        switch lifecycle {
        case .uninitialized where method != "initialize":
            return respond(id, .failure(.serverNotInitialized))
        case .shutDown, .exited:
            return respond(id, .failure(.invalidRequest("the server is shutting down; only `exit` is accepted")))
        default:
            break
        }
        switch method {
        case "initialize":
            respond(id, initialize(params))
        case "shutdown":
            lifecycle = .shutDown
            for token in runningRequests.values { token.cancel() }
            for item in pendingPushes.values { item.cancel() }
            pendingPushes.removeAll()
            respond(id, .success(.null))
        case "textDocument/diagnostic":
            pullDiagnostics(id: id, params: params)
        case "textDocument/documentSymbol":
            documentSymbols(id: id, params: params)
        case "workspace/symbol":
            workspaceSymbols(id: id, params: params)
        case "textDocument/foldingRange":
            foldingRanges(id: id, params: params)
        case "textDocument/selectionRange":
            selectionRanges(id: id, params: params)
        case "textDocument/inlayHint":
            inlayHints(id: id, params: params)
        case "textDocument/semanticTokens/full", "textDocument/semanticTokens/range":
            semanticTokens(id: id, params: params)
        case "textDocument/completion":
            completion(id: id, params: params)
        case "completionItem/resolve":
            resolveCompletion(id: id, params: params)
        case "textDocument/hover":
            hover(id: id, params: params)
        case "textDocument/codeAction":
            codeActions(id: id, params: params)
        case "textDocument/formatting":
            formatting(id: id, params: params, range: false)
        case "textDocument/rangeFormatting":
            formatting(id: id, params: params, range: true)
        case "textDocument/definition":
            definition(id: id, params: params)
        case "textDocument/references":
            references(id: id, params: params)
        case "textDocument/documentHighlight":
            documentHighlight(id: id, params: params)
        case "textDocument/prepareRename":
            prepareRename(id: id, params: params)
        case "textDocument/rename":
            rename(id: id, params: params)
        case "workspace/executeCommand":
            executeCommand(id: id, params: params)
        case "textDocument/codeLens":
            codeLenses(id: id, params: params)
        default:
            respond(id, .failure(.methodNotFound(method)))
        }
    }

    func respond(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
        log.trace("sending response", "(\(id))", details: try? result.get())
        sink.send(Message.response(id: id, result: result).json)
    }

    /// Runs `work` on a worker queue over a snapshot taken now, then answers on
    /// the state queue: -32800 if the request was cancelled meanwhile, -32801 if
    /// `isStale` says a newer version made the result wrong.
    func respondLater(_ id: RequestID, work: @escaping @Sendable () -> Result<JSONValue, ResponseError>,
                      isStale: @escaping @Sendable () -> Bool = { false }) {
        let token = CancellationToken()
        runningRequests[id] = token
        workers.async { [self] in
            let result = token.isCancelled ? .failure(.requestCancelled) : work()
            stateQueue.async { [self] in
                guard runningRequests.removeValue(forKey: id) != nil else { return }
                if token.isCancelled { return respond(id, .failure(.requestCancelled)) }
                if case .success = result, isStale() { return respond(id, .failure(.contentModified)) }
                respond(id, result)
            }
        }
    }

    // MARK: Notifications

    private func handleNotification(method: String, params: JSONValue) {
        if method == "exit" { return finish(status: lifecycle == .shutDown ? 0 : 1) }
        // Before `initialize` notifications are dropped; after `shutdown` too.
        guard lifecycle == .running else { return }
        switch method {
        case "initialized":
            pullSettings()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": break  // the server already has the text
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeConfiguration": didChangeConfiguration(params)
        case "$/cancelRequest":
            if let id = params["id"].flatMap(RequestID.init) { runningRequests[id]?.cancel() }
        case "window/workDoneProgress/cancel":
            cancelProgress(params)
        case "$/setTrace":
            if let value = params["value"]?.stringValue, let level = ServerSettings.TraceLevel(rawValue: value) {
                settings.trace = level
                log.trace = level
            }
        default:
            break  // unknown notifications, `$/` ones included, are ignored
        }
    }

    private func finish(status: Int32) {
        lifecycle = .exited
        for token in runningRequests.values { token.cancel() }
        onExit(status)
    }

    // MARK: Requests to the client

    /// Sends a request to the client; `handler` gets the answer on the state queue.
    func request(_ method: String, _ params: JSONValue, handler: @escaping @Sendable (Result<JSONValue, ResponseError>) -> Void) {
        let id = RequestID.string("cekura-\(nextOutgoingID)")
        nextOutgoingID += 1
        awaitingResponses[id] = handler
        log.trace("sending request", "\(method) (\(id))", details: params)
        sink.send(Message.request(id: id, method: method, params: params).json)
    }

    func notify(_ method: String, _ params: JSONValue) {
        log.trace("sending notification", method, details: params)
        sink.send(Message.notification(method: method, params: params).json)
    }

    // MARK: Testing support

    /// Returns once every message received so far has been handled and the
    /// work it started has answered (pending debounced pushes excluded).
    func waitUntilIdle() {
        for _ in 0..<3 {
            stateQueue.sync {}
            workers.sync(flags: .barrier) {}
        }
        stateQueue.sync {}
    }
}
