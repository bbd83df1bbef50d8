import JSONSyntax
import ScenarioModel

/// Evaluator bodies (scenario-format.md §2). A saved scenario (a `GET`
/// response) is checked as what it is: read-only fields and response types
/// are expected there, and nothing is required.
enum EvaluatorRules {
    static func check(_ evaluator: EvaluatorView) -> [Diagnostic] {
        let saved = evaluator.isSavedResponse
        var validator = SpecValidator { spec, member in describeUnknownMember(spec, member, savedResponse: saved) }
        validator.validateObject(evaluator.node, EvaluatorSpecs.body)
        var diagnostics = validator.diagnostics
        if saved {
            // A response carries `phone_number` as a string and leaves out what it never returns.
            diagnostics.removeAll { $0.code == RuleCode.requiredProperty.rawValue
                || ($0.code == RuleCode.typeMismatch.rawValue && evaluator.value("phone_number")?.range == $0.range) }
        } else if !evaluator.has("agent"), !evaluator.has("project"), !evaluator.has("assistant_id") {
            diagnostics.append(Diagnostic(.evaluatorTargetMissing, .warning,
                "an evaluator needs `agent`, `project` or `assistant_id`; the API rejects the upload without one unless the command supplies it",
                evaluator.node.anchorRange))
        }
        diagnostics += checkScriptAgreement(evaluator)
        diagnostics += checkFields(evaluator)
        diagnostics += checkToolIDs(evaluator.value("tool_ids"))
        return diagnostics
    }

    private static func checkScriptAgreement(_ evaluator: EvaluatorView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let type = evaluator.scenarioType
        let instructions = evaluator.member("instructions")
        if let script = evaluator.member("conditional_actions"), let scriptKey = script.key {
            if let instructionsKey = instructions?.key {
                diagnostics.append(Diagnostic(.instructionsAndScript, .error,
                    "an evaluator takes `instructions` or `conditional_actions`, not both", instructionsKey.range,
                    related: [RelatedLocation(range: scriptKey.range, message: "the script")]))
            }
            if type != "conditional_actions" {
                let edit = evaluator.value("scenario_type").map { TextEdit(range: $0.range, newText: "\"conditional_actions\"") }
                    ?? MemberEdits.insert(key: "scenario_type", value: "\"conditional_actions\"", into: evaluator.node)
                diagnostics.append(Diagnostic(.scriptNeedsScenarioType, .error,
                    "`conditional_actions` needs `scenario_type: \"conditional_actions\"` in the same body; the `scenario_type` is \"\(type)\"",
                    scriptKey.range, fixes: [Fix(title: "Set `scenario_type` to \"conditional_actions\"", edits: [edit])]))
            }
        } else if type == "conditional_actions" {
            if instructions == nil {
                diagnostics.append(Diagnostic(.scriptMissing, .error,
                    "a `conditional_actions` scenario needs its script in `conditional_actions`",
                    evaluator.member("scenario_type")?.value?.range ?? evaluator.node.anchorRange))
            }
        } else if !evaluator.isSavedResponse, (evaluator.string("instructions") ?? "").allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.instructionsMissing, .warning,
                "an `instruction` scenario without instructions gives the simulated caller nothing to do",
                instructions?.value?.range ?? evaluator.node.anchorRange))
        }
        if evaluator.has("conditional_actions"), let firstMessage = evaluator.member("first_message")?.key {
            diagnostics.append(Diagnostic(.firstMessageWithScript, .hint,
                "the script's `FIRST_MESSAGE` condition opens the call; how `first_message` combines with it is not documented",
                firstMessage.range))
        }
        return diagnostics
    }

    private static func checkFields(_ evaluator: EvaluatorView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let values = evaluator.value("dynamic_variable_values"), values.kind != .null, let member = evaluator.member("dynamic_variable_values") {
            diagnostics.append(Diagnostic(.dynamicVariableValuesRemoved, .error,
                "`dynamic_variable_values` was removed from the API and must be absent or null; put the values in the test profile's `main_agent_variables`",
                values.range, fixes: [Fix(title: "Remove `dynamic_variable_values`", edits: [MemberEdits.remove(member)])]))
        }
        if let folder = evaluator.value("folder_path"), let path = folder.stringValue,
           path.split(separator: ".", omittingEmptySubsequences: false).contains(where: { $0.isEmpty }) {
            diagnostics.append(Diagnostic(.folderPathInvalid, .error,
                "`folder_path` is folder names joined by single dots, like \"Sales.Inbound\"; found \"\(path)\"", folder.range))
        }
        if let member = evaluator.member("inbound_phone_number"), let key = member.key {
            var fixes: [Fix] = []
            if !evaluator.has("phone_number"), let edit = MemberEdits.rename(member, to: "phone_number") {
                fixes.append(Fix(title: "Rename to `phone_number`", edits: [edit]))
            }
            diagnostics.append(Diagnostic(.deprecatedProperty, .warning,
                "`inbound_phone_number` is deprecated; `phone_number` serves inbound and outbound calls", key.range, fixes: fixes))
        }
        return diagnostics
    }

    /// REST tool ids (§2.3): three known spellings, the CLI's lowercase ids
    /// mapped back, and the pairs that contradict each other.
    static func checkToolIDs(_ tools: SyntaxNode?) -> [Diagnostic] {
        guard let tools, tools.kind == .array else { return [] }
        var diagnostics: [Diagnostic] = []
        let known = Set(Tools.evaluatorIDs.map(\.value))
        var names: Set<String> = []
        for element in tools.elements {
            guard let id = element.stringValue else { continue }
            if let spelling = Tools.cliSpellings[id] {
                names.insert(spelling ?? id)
                let fixes = spelling.map { [Fix(title: "Write \"\($0)\"", edits: [TextEdit(range: element.range, newText: $0.jsonQuoted)])] } ?? []
                let advice = spelling.map { "; the API's spelling is \"\($0)\"" } ?? "; the API's spelling for it is not documented"
                diagnostics.append(Diagnostic(.toolIDCLISpelling, .warning,
                    "\"\(id)\" is how Cekura's CLI names this tool\(advice)", element.range, fixes: fixes))
            } else if known.contains(id) {
                names.insert(id)
            } else {
                let suggestion = closestMatch(to: id, among: known)
                diagnostics.append(Diagnostic(.toolIDUnknown, .warning,
                    "\"\(id)\" is not a tool id the API documents (\(known.sorted().joined(separator: ", ")))\(suggestion.map { "; did you mean \"\($0)\"?" } ?? "")",
                    element.range, fixes: suggestion.map { [Fix(title: "Write \"\($0)\"", edits: [TextEdit(range: element.range, newText: $0.jsonQuoted)])] } ?? []))
            }
        }
        if names.contains("TOOL_DTMF"), names.contains("receive_dtmf") {
            diagnostics.append(Diagnostic(.toolIDsConflict, .error,
                "sending DTMF and receiving DTMF together: Cekura's CLI refuses this pair", tools.range))
        }
        if names.contains("TOOL_END_CALL"), names.contains("TOOL_END_CALL_ONLY_ON_TRANSFER") {
            diagnostics.append(Diagnostic(.endCallToolsOverlap, .warning,
                "use `TOOL_END_CALL_ONLY_ON_TRANSFER` instead of `TOOL_END_CALL` when the expected outcome is a transfer, not both",
                tools.range))
        } else if !names.contains("TOOL_END_CALL"), !names.contains("TOOL_END_CALL_ONLY_ON_TRANSFER") {
            diagnostics.append(Diagnostic(.endCallToolMissing, .hint,
                "without an end-call tool the simulated caller cannot hang up, and calls run until `max_duration`", tools.range))
        }
        return diagnostics
    }

    private static func describeUnknownMember(_ spec: ObjectSpec, _ member: SyntaxNode, savedResponse: Bool) -> [Diagnostic]? {
        guard spec.name == EvaluatorSpecs.body.name, EvaluatorSpecs.readOnlyFields.contains(member.keyName) else { return nil }
        if savedResponse { return [] }
        return [Diagnostic(.readOnlyField, .hint,
            "`\(member.keyName)` is read-only: the API sets it and ignores it on create and update",
            member.key?.range ?? member.range,
            fixes: [Fix(title: "Remove `\(member.keyName)`", edits: [MemberEdits.remove(member)])])]
    }
}
