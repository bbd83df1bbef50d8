import JSONSyntax

/// One run in full: how it was judged, and what was said.
public struct RunDetail: Sendable, Equatable {
    public struct ExpectedOutcome: Sendable, Equatable {
        /// 100 when the outcome was met.
        public let score: Double?
        public let explanation: [String]
        public let alignments: [Alignment]
    }

    /// One expected outcome and whether the call met it.
    public struct Alignment: Sendable, Equatable {
        public let outcome: String
        public let promptPart: String?
        public let aligned: Bool?
    }

    public struct MetricScore: Sendable, Equatable {
        public let id: Int?
        public let name: String
        public let type: String?
        /// For numeric and binary metrics.
        public let score: Double?
        /// For enum metrics.
        public let value: String?
        public let explanation: [String]
    }

    public struct Turn: Sendable, Equatable {
        /// `Testing Agent`, `Main Agent`, `Function Call`, `Function Call Result`.
        public let role: String
        public let content: String
        public let seconds: Double?
    }

    public let id: Int
    public let resultID: Int?
    public let scenarioID: Int?
    public let scenarioName: String?
    public let status: RunStatus?
    /// False when the call failed to connect or a check failed.
    public let success: Bool?
    public let errorMessage: String?
    public let expectedOutcome: ExpectedOutcome?
    public let metrics: [MetricScore]
    /// The transcript as text (`[00:01] Testing Agent: …`).
    public let transcript: String?
    public let turns: [Turn]
    /// `MM:SS`.
    public let duration: String?

    public init?(json: JSONValue) {
        guard let id = json["id"]?.lenientInt else { return nil }
        self.id = id
        resultID = json["result_id"]?.lenientInt ?? json["result"]?.lenientInt
        scenarioID = json["scenario"]?.lenientInt
        scenarioName = json.text("scenario_name")
        status = json.text("status").map(RunStatus.init)
        success = json["success"]?.boolValue
        errorMessage = json.text("error_message")
        expectedOutcome = json["expected_outcome"].flatMap { outcome in
            guard case .object = outcome else { return nil }
            return ExpectedOutcome(
                score: outcome["score"]?.lenientDouble, explanation: outcome["explanation"]?.strings ?? [],
                alignments: outcome["outcome_alignments"]?.arrayValue?.compactMap { item in
                    item.text("outcome").map { Alignment(outcome: $0, promptPart: item.text("prompt_part"), aligned: item["aligned"]?.boolValue) }
                } ?? [])
        }
        metrics = json["evaluation"]?["metrics"]?.arrayValue?.compactMap { metric in
            guard let name = metric.text("name") else { return nil }
            let value = metric.text("value") ?? metric.text("enum")
            let score = metric["score"].flatMap { $0.boolValue.map { $0 ? 1 : 0 } ?? $0.lenientDouble }
            return MetricScore(id: metric["id"]?.lenientInt, name: name, type: metric.text("type"), score: score, value: value,
                               explanation: metric["explanation"]?.strings ?? [])
        } ?? []
        transcript = json.text("transcript")
        turns = json["transcript_object"]?.arrayValue?.compactMap { turn in
            guard let role = turn.text("role") else { return nil }
            return Turn(role: role, content: turn["content"]?.stringValue ?? "", seconds: turn["timestamp"]?.lenientDouble)
        } ?? []
        duration = json.text("duration")
    }
}
