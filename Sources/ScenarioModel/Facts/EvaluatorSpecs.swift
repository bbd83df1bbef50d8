/// An evaluator (scenario) body for `POST`/`PATCH /test_framework/v1/scenarios/`
/// (scenario-format.md §2). The API publishes no `additionalProperties: false`
/// and most likely drops unknown keys, so they are warnings here.
public enum EvaluatorSpecs {
    public static let scenarioTypes: [EnumValue] = [
        EnumValue("instruction", "The caller follows plain `instructions` (the default)."),
        EnumValue("conditional_actions", "The caller follows the script in `conditional_actions` (or a JSON string in `instructions`)."),
    ]

    /// Fields a saved scenario (a `GET` response) carries that create and patch ignore.
    public static let readOnlyFields: Set<String> = [
        "id", "agent_name", "personality_name", "metric_names", "outbound_phone_number_data",
        "inbound_phone_number_data", "test_profile_data", "condition_audio", "simulation_description",
        "information_fields", "suite_type", "is_predefined", "created_at", "updated_at", "created_by", "last_updated_by",
    ]

    public static let body = ObjectSpec("evaluator body", fields: [
        FieldSpec("name", .string(StringRule(minLength: 1, maxLength: 80)), required: true, doc: "The scenario's name, 1 to 80 characters."),
        FieldSpec("personality", .integer, required: true, doc: "The id of the simulated caller's personality; it also sets the caller's language."),
        FieldSpec("agent", .nullable(.integer), doc: "The agent the scenario tests. One of `agent`, `project` or `assistant_id` is needed."),
        FieldSpec("project", .nullable(.integer), doc: "The project the scenario belongs to, instead of `agent`."),
        FieldSpec("assistant_id", .string, doc: "The provider's assistant id (`\"asst_…\"`), instead of `agent`."),
        FieldSpec("scenario_type", .strings(scenarioTypes), doc: "`instruction` (default) or `conditional_actions`."),
        FieldSpec("instructions", .string, doc: "What the simulated caller does; with `scenario_type: \"conditional_actions\"` it may hold the script as a JSON string."),
        FieldSpec("conditional_actions", .script, doc: "The script; needs `scenario_type: \"conditional_actions\"`."),
        FieldSpec("expected_outcome_prompt", .string, doc: "One statement per line, graded one by one when the project's Expected Outcome metric is attached."),
        FieldSpec("metrics", .array(ArrayRule(items: .integer)), doc: "Metric ids to evaluate."),
        FieldSpec("tags", .array(ArrayRule(items: .string)), doc: "Labels for the scenario."),
        FieldSpec("tool_ids", .array(ArrayRule(items: .string)), doc: "Tools of the simulated caller: `TOOL_END_CALL`, `TOOL_END_CALL_ONLY_ON_TRANSFER`, `TOOL_DTMF`."),
        FieldSpec("test_profile", .integer, doc: "The id of the test profile with the caller's data."),
        FieldSpec("phone_number", .integer, doc: "The id of a phone number (not the number itself)."),
        FieldSpec("inbound_phone_number", .integer, doc: "Deprecated: use `phone_number`."),
        FieldSpec("folder_path", .nullable(.string), doc: "Dot-separated folder, e.g. `\"Sales.Inbound\"`; every level must already exist."),
        FieldSpec("generated_mock_tool_entries", .nullable(.array(ArrayRule(items: .anyValue))), doc: "Expected mock-tool calls: `{tool_id, tool_name, new_entry: {input, output}}`."),
        FieldSpec("first_message", .string, doc: "The caller's opening line (default `\"Hello\"`)."),
        FieldSpec("max_duration", .nullable(.integer(min: 10, max: 3600)), doc: "Maximum call length, 10 to 3600 seconds; null uses the project's setting."),
        FieldSpec("scenario_language", .strings(Languages.evaluator), doc: "The language of the scenario; must match the personality's."),
        FieldSpec("dynamic_variable_values", .anyValue, doc: "Removed from the API: must be absent or null. Values belong in the test profile's `main_agent_variables`."),
    ], unknownProperties: .warning, renamedFields: [
        "type": "scenario_type", "language": "scenario_language",
        "expected_outcome": "expected_outcome_prompt", "tools": "tool_ids",
    ])

    /// Scenario types a `GET` returns that create and patch refuse (scenario-format.md §9 #26).
    public static let responseOnlyScenarioTypes: [EnumValue] = [
        EnumValue("real_world_smart", "A real-world scenario, adapted to the call (saved scenarios only; create and patch refuse it)."),
        EnumValue("real_world_fixed", "A real-world scenario, replayed as recorded (saved scenarios only; create and patch refuse it)."),
    ]

    /// Where a `GET` response types a field differently from the body: it shows
    /// the phone number itself, leaves unset ids null, and knows more scenario types.
    static let responseValues: [String: ValueSpec] = [
        "phone_number": .string,
        "test_profile": .nullable(.integer),
        "inbound_phone_number": .nullable(.integer),
        "scenario_type": .strings(scenarioTypes + responseOnlyScenarioTypes),
    ]

    /// A saved scenario (a `GET` response kept in the repository): the body's
    /// fields with the response's types, none of them required.
    public static let savedResponse = ObjectSpec("saved scenario", fields: body.fields.map {
        FieldSpec($0.name, responseValues[$0.name] ?? $0.value, doc: $0.doc)
    }, unknownProperties: body.unknownProperties, renamedFields: body.renamedFields)
}
