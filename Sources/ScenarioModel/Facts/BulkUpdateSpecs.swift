/// A bulk-update payload for `POST /test_framework/v1/scenarios/adv_update/`
/// (scenario-format.md §4).
public enum BulkUpdateSpecs {
    /// Fields that change something; a payload with none of them does nothing.
    public static let changeFields: Set<String> = [
        "metric_ids_to_add", "metric_ids_to_remove", "tool_ids_to_add", "tool_ids_to_remove", "personality",
        "test_profile", "append_instruction", "first_message", "phone_number", "inbound_phone_number",
        "folder_path", "max_duration",
    ]

    static let ids = ValueSpec.array(ArrayRule(items: .integer))

    public static let payload = ObjectSpec("bulk-update payload", fields: [
        FieldSpec("scenarios", .array(ArrayRule(items: .anyValue)), required: true, doc: "The ids of the evaluators to change, e.g. `[101, 102]`."),
        FieldSpec("agent", .integer, doc: "The agent; one of `agent` or `project` is needed. Also moves each evaluator to this agent."),
        FieldSpec("project", .integer, doc: "The project, instead of `agent`."),
        FieldSpec("metric_ids_to_add", ids, doc: "Metric ids to attach to every evaluator."),
        FieldSpec("metric_ids_to_remove", ids, doc: "Metric ids to detach from every evaluator."),
        FieldSpec("tool_ids_to_add", .array(ArrayRule(items: .anyValue)), doc: "Tool ids to add (integers in the API schema)."),
        FieldSpec("tool_ids_to_remove", .array(ArrayRule(items: .anyValue)), doc: "Tool ids to remove (integers in the API schema)."),
        FieldSpec("personality", .integer, doc: "A personality id for every evaluator."),
        FieldSpec("test_profile", .integer, doc: "A test-profile id for every evaluator."),
        FieldSpec("append_instruction", .string, doc: "Text appended to every evaluator's instructions, again on every call."),
        FieldSpec("first_message", .string, doc: "A new opening line for every evaluator."),
        FieldSpec("phone_number", .integer, doc: "A phone-number id for every evaluator."),
        FieldSpec("inbound_phone_number", .integer, doc: "Deprecated: use `phone_number`."),
        FieldSpec("folder_path", .string, doc: "Moves every evaluator to this folder, which must exist."),
        FieldSpec("max_duration", .integer(min: 10, max: 3600), doc: "Maximum call length, 10 to 3600 seconds."),
    ], unknownProperties: .warning)
}
