import JSONSyntax

/// What a test-suite spec would run and cost, from a dry run.
public struct SpecPlan: Sendable, Equatable {
    public struct Scenario: Sendable, Equatable {
        public let key: String?
        public let name: String?
        /// `instruction` or `conditional_actions`.
        public let type: String?
        public let frequency: Int?
        public let metricIDs: [Int]
        public let tags: [String]
        /// `existing`, `override`, `inline` or `project_default`.
        public let personalityMode: String?
        public let personalityID: Int?
        public let personalityName: String?
        /// `inline` for test data written in the spec; nil without test data.
        public let testProfileMode: String?
    }

    public let agentID: Int?
    public let projectID: Int?
    public let channel: String?
    public let suiteName: String?
    public let scenarioCount: Int?
    public let totalRuns: Int?
    public let estimatedCost: Double?
    public let scenarios: [Scenario]

    /// Reads the `plan` object of a dry-run answer.
    init(plan: JSONValue) {
        agentID = plan["agent_id"]?.lenientInt
        projectID = plan["project_id"]?.lenientInt
        channel = plan.text("channel")
        suiteName = plan.text("suite_name")
        scenarioCount = plan["scenario_count"]?.lenientInt
        totalRuns = plan["total_runs"]?.lenientInt
        estimatedCost = plan["estimated_cost"]?.lenientDouble
        scenarios = plan["scenarios"]?.arrayValue?.map { item in
            let personality = item["personality"]
            return Scenario(
                key: item.text("key"), name: item.text("name"), type: item.text("type"), frequency: item["frequency"]?.lenientInt,
                metricIDs: item["metric_ids"]?.arrayValue?.compactMap(\.lenientInt) ?? [], tags: item["tags"]?.strings ?? [],
                personalityMode: personality?.text("mode"), personalityID: personality?["id"]?.lenientInt,
                personalityName: personality?.text("name"), testProfileMode: item["test_profile"]?.text("mode"))
        } ?? []
    }
}
