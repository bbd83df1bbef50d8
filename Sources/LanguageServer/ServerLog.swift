import Foundation
import JSONSyntax
import LanguageServerProtocol

/// The server's log: every line goes to standard error (never standard
/// output, which carries the protocol); what a user may need to see also goes
/// to the client as `window/logMessage`; with `$/setTrace` on, each message
/// in and out is traced as `$/logTrace`. Nothing logged holds the API key.
final class ServerLog: @unchecked Sendable {
    /// LSP's `MessageType`.
    enum Level: Int {
        case error = 1, warning = 2, info = 3, log = 4

        var name: String {
            switch self {
            case .error: "error"
            case .warning: "warning"
            case .info: "info"
            case .log: "log"
            }
        }
    }

    private let sink: MessageSink
    private let standardError: @Sendable (String) -> Void
    private let lock = NSLock()
    private var traceLevel: ServerSettings.TraceLevel = .off

    init(sink: MessageSink, standardError: @escaping @Sendable (String) -> Void) {
        self.sink = sink
        self.standardError = standardError
    }

    var trace: ServerSettings.TraceLevel {
        get { lock.withLock { traceLevel } }
        set { lock.withLock { traceLevel = newValue } }
    }

    /// A line for standard error; with `toClient`, also a `window/logMessage`.
    func log(_ level: Level, _ message: String, toClient: Bool = false) {
        standardError("cekura-lsp [\(level.name)] \(message)\n")
        if toClient {
            sink.send(Message.notification(method: "window/logMessage", params: ["type": .integer(level.rawValue), "message": .string(message)]).json)
        }
    }

    /// `$/logTrace` for a message in or out, when tracing is on: its method
    /// (or id) with `messages`, and its params, secrets masked, with `verbose`.
    func trace(_ direction: String, _ summary: String, details: JSONValue?) {
        let level = trace
        guard level != .off else { return }
        var params: [(key: String, value: JSONValue)] = [("message", .string("\(direction) \(summary)"))]
        if level == .verbose, let details { params.append(("verbose", .string(Self.redactingSecrets(details).serialized))) }
        sink.send(Message.notification(method: "$/logTrace", params: .object(params)).json)
    }

    /// Keys whose values are credentials, at any depth.
    private static let secretKeys: Set<String> = ["apikey", "api_key", "x-cekura-api-key", "authorization", "token"]

    static func redactingSecrets(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { member in
                secretKeys.contains(member.key.lowercased()) ? (member.key, .string("«redacted»")) : (member.key, redactingSecrets(member.value))
            })
        case .array(let elements):
            return .array(elements.map(redactingSecrets))
        default:
            return value
        }
    }
}

