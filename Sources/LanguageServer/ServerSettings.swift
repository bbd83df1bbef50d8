import JSONSyntax
import ScenarioModel

/// The `cekura` settings, from `initializationOptions` and from
/// `workspace/configuration` (documented in protocol-notes/lsp.md).
public struct ServerSettings: Sendable, Equatable {
    /// Nil when the user set none: `CEKURA_API_URL`, the config file's
    /// `api_url` or the default then apply (`APIConfiguration.resolve`).
    public var apiURL: String?
    public var agentID: Int?
    public var projectID: Int?
    /// How long the server waits after an edit before checking and pushing.
    public var debounceMilliseconds = 50
    public var trace: TraceLevel = .off
    /// User file associations, tried in order before the built-in detection.
    public var files: [FileAssociation] = []
    /// An API key given as an option. Never logged, never sent back: the
    /// `description` and every log leave it out.
    public var apiKey: String?

    public enum TraceLevel: String, Sendable, Equatable {
        case off, messages, verbose
    }

    public init() {}

    /// Applies what a settings object says; fields it does not mention keep
    /// their value. Accepts the `cekura` section itself or an object holding
    /// it. Returns a line per value that was refused, for the log.
    @discardableResult
    public mutating func apply(_ json: JSONValue) -> [String] {
        let section = json["cekura"] ?? json
        guard case .object = section else { return [] }
        var problems: [String] = []
        func refuse(_ key: String, _ expected: String) { problems.append("setting cekura.\(key) must be \(expected); it is ignored") }

        if let value = section["apiUrl"] {
            if let text = value.stringValue, text.hasPrefix("http://") || text.hasPrefix("https://") {
                apiURL = text.hasSuffix("/") ? String(text.dropLast()) : text
            } else if value.isNull {
                apiURL = nil
            } else { refuse("apiUrl", "an http(s) URL") }
        }
        if let value = section["agentId"] { readID(value, into: &agentID, "agentId", refuse) }
        if let value = section["projectId"] { readID(value, into: &projectID, "projectId", refuse) }
        if let value = section["diagnostics"]?["debounceMs"] {
            if let number = value.intValue, (0...10_000).contains(number) {
                debounceMilliseconds = number
            } else { refuse("diagnostics.debounceMs", "a whole number of milliseconds from 0 to 10000") }
        }
        if let value = section["trace"] {
            // VS Code's `cekura.trace.server` shape is accepted too.
            let text = value.stringValue ?? value["server"]?.stringValue
            if let text, let level = TraceLevel(rawValue: text) { trace = level } else { refuse("trace", "\"off\", \"messages\" or \"verbose\"") }
        }
        if let value = section["files"] {
            if let associations = FileAssociation.list(from: value) { files = associations } else {
                refuse("files", #"an object of glob patterns and kinds, like {"scenarios/**/*.json": "evaluator"}"#)
            }
        }
        if let value = section["apiKey"] {
            if let text = value.stringValue, !text.isEmpty { apiKey = text } else if !value.isNull { refuse("apiKey", "a string") }
        }
        return problems
    }

    private func readID(_ value: JSONValue, into field: inout Int?, _ key: String, _ refuse: (String, String) -> Void) {
        if value.isNull {
            field = nil
        } else if let number = value.intValue ?? value.stringValue.flatMap({ Int($0) }), number > 0 {
            field = number
        } else {
            refuse(key, "a positive whole number")
        }
    }

    /// The settings for a log line, with the key shown only as present or not.
    public var description: String {
        let files = self.files.map { "\($0.pattern.jsonQuoted): \($0.kindName.jsonQuoted)" }.joined(separator: ", ")
        return "apiUrl \(apiURL ?? "not set"), agentId \(agentID.map(String.init) ?? "none"), projectId \(projectID.map(String.init) ?? "none"), "
            + "debounceMs \(debounceMilliseconds), trace \(trace.rawValue), files {\(files)}, apiKey \(apiKey == nil ? "not set" : "set")"
    }
}
