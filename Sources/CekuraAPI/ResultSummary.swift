import JSONSyntax

/// The status of a result or a run, kept as the API spells it so that a
/// status added later is carried, not lost; it counts as still going.
public struct RunStatus: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let completed = RunStatus("completed")
    public static let failed = RunStatus("failed")
    public static let timeout = RunStatus("timeout")
    public static let cancelled = RunStatus("cancelled")
    public static let evaluating = RunStatus("evaluating")

    /// The statuses after which nothing changes (the official SDK's wait loop
    /// misses `timeout`).
    public var isTerminal: Bool { [Self.completed, .failed, .timeout, .cancelled].contains(self) }

    /// Waiting for a line or a machine, before any run started.
    public var isQueued: Bool { ["pending", "in_queue", "scaling_up"].contains(rawValue) }

    public var description: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// How far a result has come, as a progress report shows it.
public enum RunProgress: Sendable, Equatable, CustomStringConvertible {
    case queued
    case running(finished: Int, total: Int)
    case evaluating(total: Int)
    case finished(RunStatus)

    public var description: String {
        switch self {
        case .queued: "queued"
        case .running(let finished, let total): "running, \(finished) of \(total) runs finished"
        case .evaluating(let total): "evaluating \(total) runs"
        case .finished(let status): status.description
        }
    }
}

/// One run of a result, as the result lists it.
public struct RunSummary: Sendable, Equatable {
    public let id: Int
    public let scenarioID: Int?
    public let scenarioName: String?
    public let status: RunStatus?
    /// Nil until the run is evaluated.
    public let success: Bool?

    init?(json: JSONValue) {
        guard let id = json["id"]?.lenientInt else { return nil }
        self.id = id
        scenarioID = json["scenario"]?.lenientInt
        scenarioName = json.text("scenario_name")
        status = json.text("status").map(RunStatus.init)
        success = json["success"]?.boolValue
    }
}

/// A result: the runs one request started, and how they went. Read from the
/// answer to a run start and from each poll.
public struct ResultSummary: Sendable, Equatable {
    public let id: Int
    public let name: String?
    public let agentID: Int?
    public let status: RunStatus
    public let totalRuns: Int
    public let finishedRuns: Int
    public let successfulRuns: Int?
    public let runs: [RunSummary]

    /// Nil when the answer has no result id (`id`, or `result_id` as the
    /// official GitHub action also accepts).
    public init?(json: JSONValue) {
        guard let id = json["id"]?.lenientInt ?? json["result_id"]?.lenientInt else { return nil }
        self.id = id
        name = json.text("name")
        agentID = json["agent"]?.lenientInt
        status = RunStatus(json.text("status") ?? "pending")
        // The detail keys runs by id; the start answer and the list use an array.
        let runValues = json["runs"]?.arrayValue ?? json["runs"]?.objectValue?.map(\.value) ?? []
        runs = runValues.compactMap(RunSummary.init(json:))
        totalRuns = json["total_runs_count"]?.lenientInt ?? runs.count
        finishedRuns = json["completed_runs_count"]?.lenientInt ?? runs.filter { $0.status?.isTerminal == true }.count
        successfulRuns = json["success_runs_count"]?.lenientInt
    }

    /// The official pass rule: completed, with runs, every one a success
    /// (`success_rate` is not used: its unit is documented two ways).
    public var passed: Bool {
        status == .completed && totalRuns > 0 && successfulRuns == totalRuns
    }

    public var progress: RunProgress {
        if status.isTerminal { return .finished(status) }
        if status.isQueued { return .queued }
        if status == .evaluating { return .evaluating(total: totalRuns) }
        return .running(finished: finishedRuns, total: totalRuns)
    }
}
