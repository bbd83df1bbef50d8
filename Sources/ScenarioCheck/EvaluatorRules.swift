import JSONSyntax
import ScenarioModel

/// Evaluator bodies (scenario-format.md §2). A saved scenario (a `GET`
/// response) is checked as what it is: read-only fields and response types
/// are expected there, and nothing is required.
enum EvaluatorRules {
    static func check(_ evaluator: EvaluatorView) -> [Diagnostic] {
        let saved = evaluator.isSavedResponse
        var validator = SpecValidator { spec, member in describeUnknownMember(spec, member, savedResponse: saved) }
        // A response carries `phone_number` as a string, null ids and more scenario types, and leaves out what it never returns.
        validator.validateObject(evaluator.node, evaluator.spec)
        var diagnostics = validator.diagnostics
        if !saved {
            diagnostics = diagnostics.map { explainingPhoneNumber($0, evaluator.value("phone_number")) }
        }
        // A null target is no target: "Either agent or project must be provided".
        if !saved, ["agent", "project", "assistant_id"].allSatisfy({ (evaluator.value($0)?.kind ?? .null) == .null }) {
            diagnostics.append(Diagnostic(.evaluatorTargetMissing, .warning,
                "an evaluator needs `agent`, `project` or `assistant_id`; the API rejects the upload without one unless the command supplies it",
                evaluator.node.anchorRange))
        }
        diagnostics += checkScriptAgreement(evaluator)
        diagnostics += checkScriptLanguage(evaluator)
        diagnostics += checkFields(evaluator)
        diagnostics += checkToolIDs(evaluator.value("tool_ids"))
        return diagnostics
    }

    /// A script is spoken in a language: the personality's, or `scenario_language`
    /// (rulebook E12; matters for a patch, where the personality may be absent).
    private static func checkScriptLanguage(_ evaluator: EvaluatorView) -> [Diagnostic] {
        guard evaluator.scenarioType == "conditional_actions", !evaluator.isSavedResponse,
              evaluator.value("personality").map({ $0.kind == .null }) ?? true,
              !evaluator.has("scenario_language"),
              let type = evaluator.value("scenario_type") else { return [] }
        return [Diagnostic(.scriptLanguageRequired, .error,
            "a `conditional_actions` scenario needs a language: set `scenario_language`, or a `personality`, whose language then applies",
            type.range, fixes: [Fix(title: "Add `scenario_language`",
                                    edits: [MemberEdits.insert(key: "scenario_language", value: "\"en\"", into: evaluator.node)])])]
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
                let found = evaluator.has("scenario_type") ? "here it is \"\(type)\"" : "without it the type is \"instruction\""
                diagnostics.append(Diagnostic(.scriptNeedsScenarioType, .error,
                    "`conditional_actions` needs `scenario_type: \"conditional_actions\"` in the same body; \(found)",
                    scriptKey.range, fixes: [Fix(title: "Set `scenario_type` to \"conditional_actions\"", edits: [edit])]))
            }
        } else if type == "conditional_actions" {
            // Blank `instructions` hold no script either.
            if (evaluator.string("instructions") ?? "").allSatisfy(\.isWhitespace) {
                diagnostics.append(Diagnostic(.scriptMissing, .error,
                    "a `conditional_actions` scenario needs its script: a `conditional_actions` object, or the script as a JSON string in `instructions`",
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
        diagnostics += checkFolderPath(evaluator.value("folder_path"))
        // A response shows `inbound_phone_number: null` on every scenario; only a value is worth a warning there.
        if let member = evaluator.member("inbound_phone_number"), let key = member.key,
           !evaluator.isSavedResponse || member.value?.kind != .null {
            var fixes: [Fix] = []
            if !evaluator.has("phone_number"), let edit = MemberEdits.rename(member, to: "phone_number") {
                fixes.append(Fix(title: "Rename to `phone_number`", edits: [edit]))
            }
            diagnostics.append(Diagnostic(.deprecatedProperty, .warning,
                "`inbound_phone_number` is deprecated; `phone_number` serves inbound and outbound calls", key.range, fixes: fixes))
        }
        return diagnostics
    }

    /// Folder names joined by single dots (scenario-format.md E15); shared with bulk updates.
    static func checkFolderPath(_ folder: SyntaxNode?) -> [Diagnostic] {
        guard let folder, let path = folder.stringValue,
              path.split(separator: ".", omittingEmptySubsequences: false).contains(where: { $0.isEmpty }) else { return [] }
        return [Diagnostic(.folderPathInvalid, .error,
            "`folder_path` is folder names joined by single dots, like \"Sales.Inbound\"; found \"\(path)\", which has an empty folder name",
            folder.range)]
    }

    /// `phone_number` takes the id of a number saved in Cekura. A number written
    /// out ("+1555…") is the usual mistake; the generic fix would turn it into an
    /// invalid JSON number, so the message says what to write instead. Shared with bulk updates.
    static func explainingPhoneNumber(_ diagnostic: Diagnostic, _ value: SyntaxNode?) -> Diagnostic {
        guard let value, let text = value.stringValue, diagnostic.code == RuleCode.typeMismatch.rawValue,
              diagnostic.range == value.range, !text.isEmpty, !text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return diagnostic }
        return Diagnostic(.typeMismatch, .error,
            "`phone_number` takes the id of a phone number saved in Cekura (a whole number), not the number itself; found \(value.valueDescription)",
            value.range)
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
                "`TOOL_END_CALL` and `TOOL_END_CALL_ONLY_ON_TRANSFER` overlap: keep only `TOOL_END_CALL_ONLY_ON_TRANSFER` when the expected outcome is a transfer, else only `TOOL_END_CALL`",
                tools.range))
        } else if !names.contains("TOOL_END_CALL"), !names.contains("TOOL_END_CALL_ONLY_ON_TRANSFER") {
            diagnostics.append(Diagnostic(.endCallToolMissing, .hint,
                "without an end-call tool the simulated caller cannot hang up, and calls run until `max_duration`", tools.range))
        }
        return diagnostics
    }

    private static func describeUnknownMember(_ spec: ObjectSpec, _ member: SyntaxNode, savedResponse: Bool) -> [Diagnostic]? {
        guard spec.name == EvaluatorSpecs.body.name || spec.name == EvaluatorSpecs.savedResponse.name,
              EvaluatorSpecs.readOnlyFields.contains(member.keyName) else { return nil }
        if savedResponse { return [] }
        return [Diagnostic(.readOnlyField, .hint,
            "`\(member.keyName)` is read-only: the API sets it and ignores it on create and update",
            member.key?.range ?? member.range,
            fixes: [Fix(title: "Remove `\(member.keyName)`", edits: [MemberEdits.remove(member)])])]
    }
}
