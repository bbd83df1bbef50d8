import JSONSyntax
import ScenarioModel

/// Test-suite specs (scenario-format.md §3).
enum SuiteRules {
    static func check(_ suite: SuiteView, _ document: ScenarioDocument) -> [Diagnostic] {
        var validator = SpecValidator(describeUnknownMember: describeUnknownMember)
        validator.validateObject(suite.node, SuiteSpecs.root)
        var diagnostics = validator.diagnostics.map { explainEvaluatorOnlyLanguage($0, document.tree) }
        diagnostics += checkEnvelope(suite, document)
        if let defaults = suite.defaults {
            diagnostics += checkDuration(defaults.value("max_duration"))
            diagnostics += InlineRules.check(personality: defaults.personality, testProfile: defaults.testProfile)
        }
        let cases = suite.cases
        for suiteCase in cases { diagnostics += checkCase(suiteCase) }
        diagnostics += checkDuplicateKeys(cases)
        return diagnostics
    }

    private static func checkEnvelope(_ suite: SuiteView, _ document: ScenarioDocument) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let size = document.tree.bytes.count
        if size > 1_000_000 {
            let overLimit = size > 1_048_576
            diagnostics.append(Diagnostic(.specTooLarge, overLimit ? .error : .warning,
                "this spec is \(size) bytes; the API takes at most 1 MB\(overLimit ? "" : ", so it is close to the limit")",
                suite.node.anchorRange))
        }
        if document.kind.unknownSuiteVersion, let schema = suite.value("$schema") {
            diagnostics.append(Diagnostic(.suiteSchemaVersionUnknown, .warning,
                "this names a test-suite schema version this checker does not know; it checks the file as version 1",
                schema.range))
        }
        if let version = suite.value("version"), version.stringValue != "1" {
            let fix = Fix(title: "Write \"1\"", edits: [TextEdit(range: version.range, newText: "\"1\"")])
            let message = version.kind == .number && version.text == "1"
                ? "`version` is the string \"1\", in quotes; found the number 1"
                : "`version` must be \"1\", the only version of the test-suite format; found \(version.valueDescription)"
            diagnostics.append(Diagnostic(.suiteVersionInvalid, .error, message, version.range, fixes: [fix]))
        }
        return diagnostics
    }

    private static func checkCase(_ suiteCase: SuiteCaseView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let anchor = suiteCase.node.anchorRange
        let node = suiteCase.node
        if !suiteCase.isScript, !suiteCase.has("instructions") {
            diagnostics.append(Diagnostic(.suiteInstructionsRequired, .error,
                "this case needs `instructions` (what the simulated caller does), or `type: \"conditional_actions\"` with a script",
                anchor, fixes: [Fix(title: "Add `instructions`", edits: [MemberEdits.insert(key: "instructions", value: "\"\"", into: node)])]))
        }
        if suiteCase.isScript {
            if !suiteCase.has("conditional_actions") {
                diagnostics.append(Diagnostic(.suiteScriptRequired, .error,
                    "a `conditional_actions` case needs its script in `conditional_actions`", anchor,
                    fixes: [Fix(title: "Add `conditional_actions`", edits: [MemberEdits.insert(key: "conditional_actions",
                        value: #"{"role": "", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}]}"#,
                        into: node)])]))
            }
            if !suiteCase.has("language") {
                if let inherited = suiteCase.defaults?.value("language") {
                    diagnostics.append(Diagnostic(.suiteLanguageFromDefaults, .warning,
                        "this `conditional_actions` case takes its language from `defaults`; the published schema (and editors using it) require `language` on the case itself, and whether the API accepts the default is not documented",
                        anchor, related: [RelatedLocation(range: inherited.range, message: "the default language")],
                        fixes: [Fix(title: "Add `language` to the case", edits: [MemberEdits.insert(key: "language", value: inherited.text, into: node)])]))
                } else {
                    diagnostics.append(Diagnostic(.suiteLanguageRequired, .error,
                        "a `conditional_actions` case needs a `language`", anchor,
                        fixes: [Fix(title: "Add `language`", edits: [MemberEdits.insert(key: "language", value: "\"en\"", into: node)])]))
                }
            }
        } else if let script = suiteCase.member("conditional_actions"), let key = script.key {
            let typeFix = suiteCase.member("type").flatMap { $0.value }.map {
                TextEdit(range: $0.range, newText: "\"conditional_actions\"")
            } ?? MemberEdits.insert(key: "type", value: "\"conditional_actions\"", into: node)
            diagnostics.append(Diagnostic(.suiteScriptIgnored, .warning,
                "this script is ignored: the case's `type` is \"\(suiteCase.type)\", not \"conditional_actions\"", key.range,
                fixes: [Fix(title: "Set `type` to \"conditional_actions\"", edits: [typeFix])]))
        }
        if suiteCase.has("instructions"), suiteCase.has("conditional_actions"), let key = suiteCase.member("instructions")?.key {
            diagnostics.append(Diagnostic(.instructionsAndScript, .warning,
                "this case has both `instructions` and a script; only one of them is used", key.range))
        }
        if let type = suiteCase.value("type"), let value = type.stringValue, value.hasPrefix("real_world_") {
            diagnostics.append(Diagnostic(.suiteTypeUndocumented, .hint,
                "\"\(value)\" is accepted by the schema but not described in Cekura's tests-as-code guide", type.range))
        }
        diagnostics += checkDuration(suiteCase.value("max_duration"))
        diagnostics += checkToolConflict(suiteCase.value("tools"))
        diagnostics += InlineRules.check(personality: suiteCase.personality, testProfile: suiteCase.testProfile)
        return diagnostics
    }

    /// The schema only asks for at least 1 second; the evaluator API's range is
    /// 10 to 3600, which the suite most likely meets on the server too.
    private static func checkDuration(_ node: SyntaxNode?) -> [Diagnostic] {
        guard let node, let seconds = node.intValue, seconds >= 1, seconds < 10 || seconds > 3600 else { return [] }
        return [Diagnostic(.valueOutOfRange, .warning,
            "`max_duration` is \(seconds) seconds; evaluators allow 10 to 3600, so the run may be refused or cut short",
            node.range)]
    }

    private static func checkToolConflict(_ tools: SyntaxNode?) -> [Diagnostic] {
        guard let tools, tools.kind == .array else { return [] }
        let names = tools.elements.compactMap(\.stringValue)
        guard names.contains("dtmf"), let receive = tools.elements.first(where: { $0.stringValue == "receive_dtmf" }) else { return [] }
        return [Diagnostic(.toolIDsConflict, .warning,
            "`dtmf` and `receive_dtmf` together: Cekura's CLI refuses this pair for evaluators", receive.range)]
    }

    /// Keys identify cases across commits; the API falls back to `name`, and its
    /// plan shows them slugged, so "Refund path" and "refund_path" collide.
    private static func checkDuplicateKeys(_ cases: [SuiteCaseView]) -> [Diagnostic] {
        var firstBySlug: [String: (value: String, node: SyntaxNode)] = [:]
        var diagnostics: [Diagnostic] = []
        for suiteCase in cases {
            guard let key = suiteCase.effectiveKey else { continue }
            let slug = caseKeySlug(key.value)
            if let first = firstBySlug[slug] {
                let same = first.value == key.value ? "" : " (\"\(first.value)\" and \"\(key.value)\" are the same key once slugged)"
                diagnostics.append(Diagnostic(.suiteDuplicateKey, .warning,
                    "case key \"\(key.value)\" is already used\(same); results of the two cases mix in history",
                    key.node.range, related: [RelatedLocation(range: first.node.range, message: "the first case with this key")]))
            } else {
                firstBySlug[slug] = key
            }
        }
        return diagnostics
    }

    static func caseKeySlug(_ key: String) -> String {
        metricSlug(from: key)
    }

    /// Request and account fields, and anything that looks like a secret, are
    /// errors of their own: they belong to the run request, not to the file.
    static func describeUnknownMember(_ spec: ObjectSpec, _ member: SyntaxNode) -> [Diagnostic]? {
        let name = member.keyName
        let range = member.key?.range ?? member.range
        let remove = [Fix(title: "Remove `\(name)`", edits: [MemberEdits.remove(member)])]
        if looksLikeCredential(name) {
            return [Diagnostic(.suiteCredentialsForbidden, .error,
                "credentials do not belong in a spec file, which is committed to the repository; pass them with the request (the value is not shown here)",
                range, fixes: remove)]
        }
        if let inline = InlineRules.describeUnknownPersonalityMember(spec, member) { return inline }
        guard spec.name == SuiteSpecs.root.name || spec.name == SuiteSpecs.suiteCase.name else { return nil }
        switch name {
        case "agent_id":
            return [Diagnostic(.suiteAgentIDForbidden, .error,
                "`agent_id` is passed in the run request, not in the file (the API rejects a spec that contains it); one spec then runs against any agent",
                range, fixes: remove)]
        case "channel":
            return [Diagnostic(.suiteChannelForbidden, .error,
                "`channel` (voice or text) is chosen in the run request, not in the file", range, fixes: remove)]
        case "project_id", "assistant_id":
            return [Diagnostic(.unknownProperty, .error,
                "`\(name)` is a field of the run request, not of the spec file; the published schema refuses it", range, fixes: remove)]
        case "phone_number":
            return [Diagnostic(.unknownProperty, .error,
                "`phone_number` is not part of test-suite schema v1, though the run API's description mentions a per-case phone number; the schema refuses it",
                range, fixes: remove)]
        default:
            return nil
        }
    }

    private static func looksLikeCredential(_ name: String) -> Bool {
        let lowered = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        return ["api_key", "apikey", "x_cekura_api_key", "token", "access_token", "secret", "password", "authorization"]
            .contains(lowered) || lowered.hasSuffix("_token") || lowered.hasSuffix("_secret") || lowered.hasSuffix("_api_key")
    }

    /// Kazakh and Uzbek deserve their own words: the evaluator API takes them,
    /// so a near miss such as "kn" would be the wrong suggestion.
    private static func explainEvaluatorOnlyLanguage(_ diagnostic: Diagnostic, _ tree: SyntaxTree) -> Diagnostic {
        guard diagnostic.code == RuleCode.enumMismatch.rawValue,
              let code = SyntaxTree(tree.text(in: diagnostic.range)).root?.stringValue,
              Languages.evaluatorOnly.contains(code), let language = Languages.name(of: code) else { return diagnostic }
        var explained = diagnostic
        explained.message = "\"\(code)\" (\(language)) is accepted by evaluators but not by test-suite schema v1"
        explained.fixes = []
        return explained
    }
}
