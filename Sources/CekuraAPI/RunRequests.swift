import JSONSyntax

/// A test-suite spec to run or to price (`run_scenarios_json`).
public struct SpecRun: Sendable, Equatable {
    public var spec: JSONValue
    public var agentID: Int
    /// `voice` (the API's default), `text`, `elevenlabs`, …
    public var channel: String?
    /// The result's label; the API takes the suite's name without one.
    public var name: String?
    /// Multiplies each case's own frequency.
    public var frequency: Int?
    public var concurrencyLimit: Int?
    /// Nil mocks every tool of the agent; empty mocks none.
    public var mockToolNames: [String]?

    public init(spec: JSONValue, agentID: Int, channel: String? = nil, name: String? = nil, frequency: Int? = nil,
                concurrencyLimit: Int? = nil, mockToolNames: [String]? = nil) {
        self.spec = spec
        self.agentID = agentID
        self.channel = channel
        self.name = name
        self.frequency = frequency
        self.concurrencyLimit = concurrencyLimit
        self.mockToolNames = mockToolNames
    }

    var body: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("agent_id", .integer(agentID)), ("spec", spec)]
        if let channel { members.append(("channel", .string(channel))) }
        if let name { members.append(("name", .string(name))) }
        if let frequency { members.append(("frequency", .integer(frequency))) }
        if let concurrencyLimit { members.append(("concurrency_limit", .integer(concurrencyLimit))) }
        if let mockToolNames { members.append(("mock_tool_names", .array(mockToolNames.map(JSONValue.string)))) }
        return .object(members)
    }
}

/// Saved scenarios to run over chat or the agent's websocket (`run_scenarios_text`).
public struct TextRun: Sendable, Equatable {
    public enum Selection: Sendable, Equatable {
        case scenarios([Int])
        case tags([String])
    }

    public var agentID: Int
    public var selection: Selection
    public var frequency: Int?
    public var name: String?
    /// Runs every scenario with each of these personalities instead of its own.
    public var personalityIDs: [Int]?
    public var testProfileIDs: [Int]?

    public init(agentID: Int, selection: Selection, frequency: Int? = nil, name: String? = nil, personalityIDs: [Int]? = nil,
                testProfileIDs: [Int]? = nil) {
        self.agentID = agentID
        self.selection = selection
        self.frequency = frequency
        self.name = name
        self.personalityIDs = personalityIDs
        self.testProfileIDs = testProfileIDs
    }

    var body: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("agent_id", .integer(agentID))]
        switch selection {
        case .scenarios(let ids): members.append(("scenarios", .array(ids.map(JSONValue.integer))))
        case .tags(let tags): members.append(("tags", .array(tags.map(JSONValue.string))))
        }
        if let frequency { members.append(("frequency", .integer(frequency))) }
        if let name { members.append(("name", .string(name))) }
        if let personalityIDs { members.append(("personality_ids", .array(personalityIDs.map(JSONValue.integer)))) }
        if let testProfileIDs { members.append(("test_profile_ids", .array(testProfileIDs.map(JSONValue.integer)))) }
        return .object(members)
    }
}
