/// The conditional-actions script (scenario-format.md §5): the script object,
/// its conditions and its functions. The script rules (ScenarioCheck) check
/// what a shape cannot say; the shapes are declared here so every file kind
/// that holds a script validates, completes and documents it the same way.
public enum ScriptSpecs {
    public static let conditionTypes: [EnumValue] = [
        EnumValue("standard", "Fires when the main agent does what `condition` describes (or says what a `contains \"…\"` expression names)."),
        EnumValue("action_followup", "Fires on the caller's next turn after the condition whose id `condition` holds has run."),
    ]

    /// Values a condition's `type` had in outdated examples (Cekura's skills
    /// repository); the API refuses them.
    public static let staleConditionTypes: Set<String> = ["say", "do"]

    public static let functionTypes: [EnumValue] = [
        EnumValue("rest_api", "Calls a REST endpoint; the only function type."),
    ]

    public static let functionMethods: [EnumValue] = [
        EnumValue("GET", "The default."),
        EnumValue("POST", "Sends `body`, if any."),
    ]

    /// The word that marks the opening condition.
    public static let firstMessage = "FIRST_MESSAGE"

    public static let condition = ObjectSpec("condition", fields: [
        FieldSpec("id", .integer, required: true,
                  doc: "A whole number, unique in the script; the first condition is `0`. Number them 0, 1, 2, … in order."),
        FieldSpec("condition", .oneOf([.string, .integer]), required: true,
                  doc: "When the action fires: `\"FIRST_MESSAGE\"` on the first condition; a description of what the *main agent* does (\"The agent asks for your email\"); a `contains \"…\"` expression (`contains \"refund\" OR contains \"money back\"`); or, for an `action_followup`, the id of the condition it follows."),
        FieldSpec("action", .string, required: true,
                  doc: "What the caller does: with `fixed_message: true` the text is spoken verbatim (tags such as `<endcall />` allowed); with `false` it is an instruction the caller paraphrases."),
        FieldSpec("type", .strings(conditionTypes), required: true,
                  doc: "`standard`, or `action_followup` to fire on the caller's next turn after another condition. Required: there is no default."),
        FieldSpec("fixed_message", .boolean, required: true,
                  doc: "`true`: speak `action` word for word (needed for tags and `{{function…}}` placeholders, and on the first condition); `false`: paraphrase it. Required: there is no default."),
    ], unknownProperties: .warning, renamedFields: ["fixed": "fixed_message"])

    public static let functionConfig = ObjectSpec("function `config` object", fields: [
        FieldSpec("method", .strings(functionMethods), doc: "`GET` (default) or `POST`."),
        FieldSpec("url", .string, required: true,
                  doc: "An `http://` or `https://` URL the internet can reach (internal and loopback addresses are refused at call time). May use `{{test_profile.…}}` and outputs of functions declared earlier, `{{function.<name>.<output>}}`."),
        FieldSpec("headers", .freeObject, doc: "Request headers; each value a string or a number."),
        FieldSpec("query_params", .freeObject, doc: "Query parameters; each value a string or a number."),
        FieldSpec("body", .oneOf([.freeObject, .array(ArrayRule(items: .anyValue)), .string]),
                  doc: "The request body, sent with `POST` only: an object or array is sent as JSON, a string as it is."),
        FieldSpec("timeout_seconds", .number(min: 1, max: 30), doc: "How long to wait for the answer, 1 to 30 seconds (default 10)."),
        FieldSpec("response_mapping", .freeObject,
                  doc: "The function's outputs: each name maps to a JSONPath into the response (`\"$.data.status\"`), or to `{\"path\": \"…\", \"default\": …}` with the value used when the call fails. Supported paths: `$`, `.key`, `[0]`, `[-1]`, `[\"key\"]`."),
    ], unknownProperties: .warning, renamedFields: [
        "timeout": "timeout_seconds", "query": "query_params", "params": "query_params", "mapping": "response_mapping",
    ])

    public static let function = ObjectSpec("function", fields: [
        FieldSpec("name", .string, required: true,
                  doc: "Letters, digits, `_` and `-`, at most 64; unique in the script. Actions run it with `<function name=\"…\"/>` and read its outputs with `{{function.<name>.<output>}}`."),
        FieldSpec("type", .strings(functionTypes), required: true, doc: "`rest_api`, the only type."),
        FieldSpec("auto_run", .boolean,
                  doc: "`true` (default): runs once in the background when the call starts. `false`: runs only when a `<function name=\"…\"/>` tag fires."),
        FieldSpec("config", .object(functionConfig), required: true, doc: "The request: `url` (required), `method`, `headers`, `query_params`, `body`, `timeout_seconds`, `response_mapping`."),
    ], unknownProperties: .warning)

    public static let conditionalActions = ObjectSpec("conditional-actions script", fields: [
        FieldSpec("role", .string, required: true, doc: "Who the simulated caller pretends to be; keep it short."),
        FieldSpec("conditions", .array(ArrayRule(items: .object(condition))), required: true, doc: "The conditions in order; the first is `{\"id\": 0, \"condition\": \"FIRST_MESSAGE\", \"fixed_message\": true}`."),
        FieldSpec("functions", .array(ArrayRule(items: .object(function))), doc: "Custom REST functions, used by `<function name=\"…\"/>` tags and `{{function.<name>.<output>}}` placeholders."),
    ], unknownProperties: .warning)
}
