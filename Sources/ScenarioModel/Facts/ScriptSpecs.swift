/// The conditional-actions script (scenario-format.md §5). The script's own
/// rules come with the next layer of the model; its shape is declared here so
/// every file kind that holds a script validates it the same way.
public enum ScriptSpecs {
    public static let conditionalActions = ObjectSpec("conditional-actions script", fields: [
        FieldSpec("role", .string, required: true, doc: "Who the simulated caller pretends to be; keep it short."),
        FieldSpec("conditions", .array(ArrayRule(items: .anyValue)), required: true, doc: "The conditions in order; the first is `{\"id\": 0, \"condition\": \"FIRST_MESSAGE\", \"fixed_message\": true}`."),
        FieldSpec("functions", .array(ArrayRule(items: .anyValue)), doc: "Custom REST functions, used by `<function name=\"…\"/>` tags and `{{function.<name>.<output>}}` placeholders."),
    ], unknownProperties: .warning)
}
