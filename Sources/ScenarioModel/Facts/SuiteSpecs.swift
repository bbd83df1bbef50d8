/// The test-suite spec, `cekura.tests.json` (scenario-format.md §3; the
/// published schema `test-suite/v1.json`, strict on every object).
public enum SuiteSpecs {
    public static let caseTypes: [EnumValue] = [
        EnumValue("instruction", "The caller follows plain `instructions` (the default)."),
        EnumValue("conditional_actions", "The caller follows a script of conditions and actions; needs `conditional_actions` and `language`."),
        EnumValue("real_world_fixed", "Accepted by the schema; not described in Cekura's tests-as-code guide."),
        EnumValue("real_world_smart", "Accepted by the schema; not described in Cekura's tests-as-code guide."),
    ]

    static let metricItem = ValueSpec.oneOf([.positiveInteger, .string(StringRule(minLength: 1, pattern: .metricSlug))])
    static let metrics = ValueSpec.array(ArrayRule(items: metricItem, maxItems: 64))
    static let tags = ValueSpec.array(ArrayRule(items: .string(StringRule(maxLength: 64)), maxItems: 32))
    static let personality = ValueSpec.oneOf([.positiveInteger, .object(InlineSpecs.personality)])
    static let testProfile = ValueSpec.oneOf([.positiveInteger, .object(InlineSpecs.testProfile)])

    static let metricsDoc = "Metrics to evaluate, by numeric id or by slug (`^[a-z0-9_]+$`), at most 64. They must exist in the project and be enabled for the agent."
    static let personalityDoc = "The simulated caller: the id of an existing personality, or an inline one (`{\"base\": 3, \"speed\": 1.1}` adjusts personality 3)."
    static let testProfileDoc = "The test data: the id of an existing test profile, or inline `agent_variables` and `caller_variables`."

    public static let defaults = ObjectSpec("`defaults` object", fields: [
        FieldSpec("concurrency_limit", .positiveInteger, doc: "How many calls run at once (suite-level only; the request's `concurrency_limit` overrides it)."),
        FieldSpec("frequency", .positiveInteger, doc: "How many times each case runs."),
        FieldSpec("language", .strings(Languages.suite), doc: "The language of every case that does not set its own."),
        FieldSpec("max_duration", .positiveInteger, doc: "Maximum call length in seconds."),
        FieldSpec("metrics", metrics, doc: metricsDoc + " Combined with each case's own metrics."),
        FieldSpec("personality", personality, doc: personalityDoc),
        FieldSpec("tags", tags, doc: "Labels for the runs, at most 32 of at most 64 characters."),
        FieldSpec("test_profile", testProfile, doc: testProfileDoc),
    ], unknownProperties: .error)

    public static let suiteCase = ObjectSpec("test-suite case", fields: [
        FieldSpec("name", .string(StringRule(minLength: 1, maxLength: 80)), required: true, doc: "The case's name, 1 to 80 characters, shown in Results."),
        FieldSpec("key", .string(StringRule(maxLength: 128)), doc: "A stable id for this case within the spec (defaults to `name`). Keep it constant across commits so results stay comparable."),
        FieldSpec("type", .strings(caseTypes), doc: "`instruction` (default) or `conditional_actions`."),
        FieldSpec("instructions", .string, doc: "What the simulated caller does. Required unless `type` is `conditional_actions`. May use `{{test_profile.<key>}}`."),
        FieldSpec("conditional_actions", .script, doc: "The script: `role`, `conditions`, optional `functions`. Required when `type` is `conditional_actions`."),
        FieldSpec("language", .strings(Languages.suite), doc: "The case's language; required (here or in `defaults`) when `type` is `conditional_actions`."),
        FieldSpec("expected_outcome", .string, doc: "What a successful call looks like, in plain language."),
        FieldSpec("first_message", .string, doc: "The caller's opening line (default `\"Hello\"`)."),
        FieldSpec("frequency", .positiveInteger, doc: "How many times to run this case (default 1)."),
        FieldSpec("max_duration", .positiveInteger, doc: "Maximum call length in seconds (default: the project setting; the evaluator API allows 10 to 3600)."),
        FieldSpec("metrics", metrics, doc: metricsDoc),
        FieldSpec("personality", personality, doc: personalityDoc),
        FieldSpec("tags", tags, doc: "Labels for the run, at most 32 of at most 64 characters."),
        FieldSpec("test_profile", testProfile, doc: testProfileDoc),
        FieldSpec("tools", .array(ArrayRule(items: .strings(Tools.suite), maxItems: 16)), doc: "Tools the simulated caller may use."),
    ], unknownProperties: .error, renamedFields: [
        "scenario_type": "type", "scenario_language": "language",
        "expected_outcome_prompt": "expected_outcome", "tool_ids": "tools",
    ])

    public static let suiteInfo = ObjectSpec("`suite` object", fields: [
        FieldSpec("name", .string(StringRule(maxLength: 255)), doc: "Labels the run; the default run name."),
        FieldSpec("description", .string, doc: "What the suite covers."),
    ], unknownProperties: .error)

    /// What each element of `scenarios` is checked against.
    public static let caseItems = ValueSpec.object(suiteCase)

    public static let root = ObjectSpec("test-suite spec", fields: [
        FieldSpec("$schema", .string, doc: "The schema editors validate against: `https://docs.cekura.ai/schemas/test-suite/v1.json`. No effect on the API."),
        FieldSpec("version", .constant("1"), required: true, doc: "The spec format version: the string `\"1\"`."),
        FieldSpec("suite", .object(suiteInfo), doc: "The suite's `name` and `description`."),
        FieldSpec("defaults", .object(defaults), doc: "Applied to every case unless the case overrides it, field by field; `metrics` combine."),
        FieldSpec("scenarios", .array(ArrayRule(items: caseItems, minItems: 1, maxItems: 200)), required: true, doc: "The test cases, 1 to 200."),
    ], unknownProperties: .error)
}
