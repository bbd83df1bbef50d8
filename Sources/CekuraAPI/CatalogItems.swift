import JSONSyntax

/// The items of the catalogs, each read from one element of the list; an
/// element without an id and a name is skipped.

public struct Personality: Sendable, Equatable {
    public let id: Int
    public let name: String
    /// A language code such as `en` or `de`.
    public let language: String?
    public let accent: String?
    public let provider: String?
    public let voiceModel: String?

    init?(json: JSONValue) {
        guard let id = json["id"]?.lenientInt, let name = json.text("name") else { return nil }
        self.id = id
        self.name = name
        language = json.text("language")
        accent = json.text("accent")
        provider = json.text("provider")
        voiceModel = json.text("voice_model")
    }
}

/// A project's metric, or one of the predefined metrics every project can enable.
public struct Metric: Sendable, Equatable {
    public let id: Int
    public let name: String
    /// What a spec may reference the metric by, instead of its id.
    public let slug: String?
    public let description: String?
    /// `basic`, `custom_prompt`, `custom_code` or `llm_judge`.
    public let type: String?
    /// `binary`, `continuous_qualitative`, `numeric` or `enum`.
    public let evalType: String?
    /// Predefined metrics only: `Speech Quality`, `Conversation Quality`, `Accuracy` or `Customer Experience`.
    public let category: String?

    init?(json: JSONValue) {
        guard let id = json["id"]?.lenientInt, let name = json.text("name") else { return nil }
        self.id = id
        self.name = name
        slug = json.text("slug")
        description = json.text("description")
        type = json.text("type")
        evalType = json.text("eval_type")
        category = json.text("category")
    }
}

public struct TestProfile: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let agentID: Int?
    /// `{main_agent_variables, testing_agent_variables}`, or a legacy flat object.
    public let information: JSONValue?

    init?(json: JSONValue) {
        guard let id = json["id"]?.lenientInt, let name = json.text("name") else { return nil }
        self.id = id
        self.name = name
        agentID = json["agent"]?.lenientInt
        information = json["information"]
    }
}
