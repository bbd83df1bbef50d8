import JSONSyntax

/// A started instruction generation or improvement.
public struct InstructionJob: Sendable, Equatable {
    public let progressID: String
    public let projectID: Int?

    public init(progressID: String, projectID: Int? = nil) {
        self.progressID = progressID
        self.projectID = projectID
    }

    /// `progress_id` as a string or a number; nil without one.
    init?(json: JSONValue) {
        guard let id = json.text("progress_id") ?? json["progress_id"]?.lenientInt.map(String.init) else { return nil }
        self.init(progressID: id, projectID: json["project_id"]?.lenientInt)
    }
}

/// Where an instruction job stands. The answer's shape is undocumented, so
/// it is read by guesses, in order, and kept whole in `raw` for the user to
/// see when no guess finds the text.
public struct InstructionProgress: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case working
        case completed
        case failed(reason: String?)
    }

    public let state: State
    /// 0–100, when the answer gives a number for it.
    public let percent: Double?
    /// The generated text, when one of the known places holds it.
    public let instructions: String?
    public let raw: JSONValue

    public init(json: JSONValue) {
        raw = json
        instructions = Self.textFields.lazy.compactMap { path in
            var value: JSONValue? = json
            for key in path { value = value?[key] }
            return value?.stringValue
        }.first { !$0.isEmpty }
        percent = (json["progress"] ?? json["percent"] ?? json["percentage"])?.lenientDouble
        let status = json.text("status")?.lowercased()
        switch status {
        case "completed", "complete", "done", "success", "succeeded", "finished":
            state = .completed
        case "failed", "failure", "error", "errored":
            state = .failed(reason: json.text("error") ?? json.text("message") ?? json.text("detail"))
        case nil where instructions != nil:
            state = .completed
        default:
            state = .working
        }
    }

    /// The places the text may be, most likely first (protocol-notes/cekura-api.md).
    private static let textFields: [[String]] = [
        ["instructions"], ["result", "instructions"], ["improved_instructions"], ["generated_instructions"], ["result"],
    ]
}
