import JSONSyntax
import ScenarioModel

/// Bulk-update payloads (scenario-format.md §4).
enum BulkUpdateRules {
    static func check(_ payload: BulkUpdateView) -> [Diagnostic] {
        var validator = SpecValidator(describeUnknownMember: describeUnknownMember)
        validator.validateObject(payload.node, BulkUpdateSpecs.payload)
        var diagnostics = validator.diagnostics.map { EvaluatorRules.explainingPhoneNumber($0, payload.value("phone_number")) }
        diagnostics += checkScenarios(payload.value("scenarios"))
        if !payload.has("agent"), !payload.has("project") {
            diagnostics.append(Diagnostic(.bulkTargetMissing, .error,
                "a bulk update needs `agent` or `project`", payload.node.anchorRange))
        }
        for key in ["tool_ids_to_add", "tool_ids_to_remove"] {
            guard let list = payload.value(key), list.kind == .array else { continue }
            for element in list.elements where element.kind == .string {
                diagnostics.append(Diagnostic(.bulkToolIDType, .warning,
                    "the API schema types `\(key)` as integers; whether it accepts tool names such as \(element.text) is not documented",
                    element.range))
            }
        }
        diagnostics += checkAddRemoveConflicts(payload, "metric_ids")
        diagnostics += checkAddRemoveConflicts(payload, "tool_ids")
        diagnostics += EvaluatorRules.checkFolderPath(payload.value("folder_path"))
        if let append = payload.member("append_instruction")?.key {
            diagnostics.append(Diagnostic(.bulkAppendNotIdempotent, .hint,
                "`append_instruction` appends again every time this payload is sent", append.range))
        }
        if payload.node.members.allSatisfy({ !BulkUpdateSpecs.changeFields.contains($0.keyName) }) {
            diagnostics.append(Diagnostic(.bulkNoChange, .warning,
                "this payload changes nothing: it names evaluators but no field to change", payload.node.anchorRange))
        }
        if let member = payload.member("inbound_phone_number"), let key = member.key {
            // With `phone_number` already there, renaming would make a duplicate key.
            let rename = payload.has("phone_number") ? nil : MemberEdits.rename(member, to: "phone_number")
            diagnostics.append(Diagnostic(.deprecatedProperty, .warning,
                "`inbound_phone_number` is deprecated; `phone_number` serves inbound and outbound calls", key.range,
                fixes: rename.map { [Fix(title: "Rename to `phone_number`", edits: [$0])] } ?? []))
        }
        return diagnostics
    }

    private static func checkScenarios(_ scenarios: SyntaxNode?) -> [Diagnostic] {
        guard let scenarios, scenarios.kind == .array else { return [] }
        var diagnostics: [Diagnostic] = []
        if scenarios.elements.isEmpty {
            diagnostics.append(Diagnostic(.tooFewItems, .error, "`scenarios` needs at least one evaluator id", scenarios.range))
        }
        for element in scenarios.elements {
            switch element.kind {
            case .number where element.intValue != nil:
                continue
            case .object:
                let id = element[key: "id"]?.intValue
                diagnostics.append(Diagnostic(.bulkScenariosNotIDs, .error,
                    "bulk update takes evaluator ids (`[101, 102]`); objects like this appear in the CLI's pages, but the API schema takes ids, and per-evaluator fields such as `tags` are not part of a bulk update",
                    element.range, fixes: id.map { [Fix(title: "Replace with the id \($0)", edits: [TextEdit(range: element.range, newText: String($0))])] } ?? []))
            default:
                diagnostics.append(Diagnostic(.typeMismatch, .error,
                    "\(element.fieldLabel) must be an evaluator id (a whole number); found \(element.valueDescription)", element.range))
            }
        }
        return diagnostics
    }

    private static func checkAddRemoveConflicts(_ payload: BulkUpdateView, _ stem: String) -> [Diagnostic] {
        guard let added = payload.value("\(stem)_to_add"), let removed = payload.value("\(stem)_to_remove") else { return [] }
        let addedTexts = Set(added.elements.map(\.text))
        return removed.elements.filter { addedTexts.contains($0.text) }.map { element in
            Diagnostic(.bulkAddRemoveConflict, .warning,
                "`\(stem)_to_add` and `\(stem)_to_remove` both list \(element.text); the result depends on the order the API applies them",
                element.range, related: added.elements.filter { $0.text == element.text }.map {
                    RelatedLocation(range: $0.range, message: "added here")
                })
        }
    }

    private static func describeUnknownMember(_ spec: ObjectSpec, _ member: SyntaxNode) -> [Diagnostic]? {
        guard spec.name == BulkUpdateSpecs.payload.name, member.keyName == "tags" else { return nil }
        return [Diagnostic(.unknownProperty, .warning,
            "bulk update does not set tags; use the endpoint that adds tags to scenarios", member.key?.range ?? member.range)]
    }
}
