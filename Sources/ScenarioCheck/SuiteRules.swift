import JSONSyntax
import ScenarioModel

/// Test-suite specs (scenario-format.md §3), in three parts: the suite as a
/// whole, each case on its own (what it finds depends only on the case and
/// `defaults`, so an unchanged case's findings can be reused), and what
/// compares cases with each other.
enum SuiteRules {
    /// The suite's own fields and `defaults`; the cases that are objects are
    /// left to `checkCase`.
    static func checkSuite(_ suite: SuiteView, _ document: ScenarioDocument) -> [Diagnostic] {
        var validator = SpecValidator(describeUnknownMember: describeUnknownMember)
        validator.casesValidatedAlone = suite.value("scenarios")?.index
        validator.validateObject(suite.node, SuiteSpecs.root)
        var diagnostics = validator.diagnostics.map { explained($0, document.tree) }
        diagnostics += checkEnvelope(suite, document)
        if let defaults = suite.defaults {
            diagnostics += checkDuration(defaults.value("max_duration"))
            diagnostics += InlineRules.check(personality: defaults.personality, testProfile: defaults.testProfile)
        }
        return diagnostics
    }

    /// One case: its fields against the case spec, and the case rules.
    static func checkCase(_ suiteCase: SuiteCaseView) -> [Diagnostic] {
        var validator = SpecValidator(describeUnknownMember: describeUnknownMember)
        validator.validate(suiteCase.node, against: SuiteSpecs.caseItems)
        return validator.diagnostics.map { explained($0, suiteCase.node.tree) } + checkCaseRules(suiteCase)
    }

    /// What compares the cases with each other.
    static func checkAcrossCases(_ cases: [SuiteCaseView]) -> [Diagnostic] { checkDuplicateKeys(cases) }

    private static func explained(_ diagnostic: Diagnostic, _ tree: SyntaxTree) -> Diagnostic {
        explainEvaluatorToolID(explainEvaluatorOnlyLanguage(diagnostic, tree), tree)
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

    private static func checkCaseRules(_ suiteCase: SuiteCaseView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A `type` outside the enum (most likely a misspelt "conditional_actions")
        // is reported as such; whether the case then needs `instructions` or a
        // script is unknown, so those rules wait until the type is fixed.
        let typeIsKnown = suiteCase.value("type").map { type in SuiteSpecs.caseTypes.contains { $0.value == type.stringValue } } ?? true
        if typeIsKnown { diagnostics += checkInstructionsOrScript(suiteCase) }
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
        diagnostics += InstructionPlaceholderRules.check(suiteCase)
        return diagnostics
    }

    /// A case is driven by `instructions` or by a script, as its `type` says (§3.3 S1–S5).
    private static func checkInstructionsOrScript(_ suiteCase: SuiteCaseView) -> [Diagnostic] {
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
                // With `instructions` written, the `type` is the likelier mistake.
                let alternative = suiteCase.has("instructions")
                    ? "; for a case driven by `instructions`, remove `type` or set it to \"instruction\"" : ""
                diagnostics.append(Diagnostic(.suiteScriptRequired, .error,
                    "a `conditional_actions` case needs its script in `conditional_actions`\(alternative)", anchor,
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
            let type = suiteCase.has("type")
                ? "the case's `type` is \"\(suiteCase.type)\"" : "a case without `type` is an \"instruction\" case"
            diagnostics.append(Diagnostic(.suiteScriptIgnored, .warning,
                "this script is ignored: \(type), not \"conditional_actions\"", key.range,
                fixes: [Fix(title: "Set `type` to \"conditional_actions\"", edits: [typeFix])]))
        }
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
                let subject = suiteCase.value("key")?.stringValue == nil
                    ? "this case has no `key`, so its name \"\(key.value)\" is its key, which is already used"
                    : "case key \"\(key.value)\" is already used"
                diagnostics.append(Diagnostic(.suiteDuplicateKey, .warning,
                    "\(subject)\(same); results of the two cases mix in history",
                    key.node.range, related: [RelatedLocation(range: first.node.range, message: "the first case with this key")]))
            } else {
                firstBySlug[slug] = key
            }
        }
        return diagnostics
    }

    /// The key as the dry-run plan shows it, as far as it is known: lower case,
    /// each run of other characters one `_` ("Refund — happy path" →
    /// "refund_happy_path"). Letters and digits of every script are kept: two
    /// names in Chinese are different keys, not both "". A key with no letter
    /// or digit at all is compared as written.
    static func caseKeySlug(_ key: String) -> String {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKeySlug(key) }
        var slug = ""
        for character in key.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                slug.append(character)
            } else if !slug.isEmpty, !slug.hasSuffix("_") {
                slug += "_"
            }
        }
        while slug.hasSuffix("_") { slug.removeLast() }
        return slug.isEmpty ? key : slug
    }

    /// `caseKeySlug` of an ASCII key (nearly every one), byte by byte: the
    /// letters and digits are a-z and 0-9 once lower-cased.
    private static func asciiKeySlug(_ key: String) -> String {
        let slug = String(unsafeUninitializedCapacity: key.utf8.count) { slug in
            var count = 0
            for byte in key.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x5F {
                    slug[count] = lower
                    count += 1
                } else if count > 0, slug[count - 1] != 0x5F {
                    slug[count] = 0x5F
                    count += 1
                }
            }
            while count > 0, slug[count - 1] == 0x5F { count -= 1 }
            return count
        }
        return slug.isEmpty ? key : slug
    }

    /// Request and account fields, and anything that looks like a secret, are
    /// errors of their own: they belong to the run request, not to the file.
    static func describeUnknownMember(_ spec: ObjectSpec, _ member: SyntaxNode) -> [Diagnostic]? {
        let name = member.keyName
        let range = member.key?.range ?? member.range
        let remove = [Fix(title: "Remove `\(name)`", edits: [MemberEdits.remove(member)])]
        if Credentials.looksLikeCredentialName(name) {
            return [Diagnostic(.suiteCredentialsForbidden, .error,
                "credentials do not belong in a spec file, which is committed to the repository; pass them with the request (the value is not shown here)",
                range, fixes: remove)]
        }
        if let inline = InlineRules.describeUnknownPersonalityMember(spec, member) { return inline }
        if spec.name == SuiteSpecs.suiteCase.name, name == "tool_ids" { return [evaluatorToolIDs(member)] }
        // `defaults` and `suite` too: a request field there is the same mistake.
        let suiteLevel = [SuiteSpecs.root.name, SuiteSpecs.suiteCase.name, SuiteSpecs.defaults.name, SuiteSpecs.suiteInfo.name]
        guard suiteLevel.contains(spec.name) else { return nil }
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
        case "phone_number" where spec.name == SuiteSpecs.suiteCase.name:
            return [Diagnostic(.unknownProperty, .error,
                "`phone_number` is not part of test-suite schema v1, though the run API's description mentions a per-case phone number; the schema refuses it",
                range, fixes: remove)]
        case "phone_number":
            return [Diagnostic(.unknownProperty, .error,
                "`phone_number` is not part of test-suite schema v1, which refuses it; the run request sets the numbers to call (`agent_number`, `outbound_phone_number`)",
                range, fixes: remove)]
        default:
            return nil
        }
    }

    /// An evaluator's `tool_ids` in a case: the rename alone would leave
    /// `TOOL_DTMF` and the like, which `tools` refuses, so the fix maps the
    /// values to the suite's names too (scenario-format.md §1.2, §2.3).
    private static func evaluatorToolIDs(_ member: SyntaxNode) -> Diagnostic {
        var edits = [MemberEdits.rename(member, to: "tools")].compactMap { $0 }
        for element in member.value?.elements ?? [] {
            guard let id = element.stringValue, let name = Tools.suiteNamesOfEvaluatorIDs[id], name != id else { continue }
            edits.append(TextEdit(range: element.range, newText: name.jsonQuoted))
        }
        let renamesValues = edits.count > 1
        // With `tools` there already, a rename would duplicate it.
        let hasTools = member.parent?.member(named: "tools") != nil
        return Diagnostic(.unknownProperty, .error,
            "`tool_ids` is not a field of a test-suite case; here it is called `tools`\(renamesValues ? ", and its values have the suite's names (`TOOL_DTMF` is `dtmf`)" : "")",
            member.key?.range ?? member.range,
            fixes: hasTools ? [] : [Fix(title: renamesValues ? "Rename to `tools` with the suite's tool names" : "Rename to `tools`", edits: edits)])
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

    /// `TOOL_DTMF` in `tools` is the evaluator API's name of a suite tool;
    /// edit distance would not find `dtmf` from it.
    private static func explainEvaluatorToolID(_ diagnostic: Diagnostic, _ tree: SyntaxTree) -> Diagnostic {
        guard diagnostic.code == RuleCode.enumMismatch.rawValue,
              let id = SyntaxTree(tree.text(in: diagnostic.range)).root?.stringValue,
              let name = Tools.suiteNamesOfEvaluatorIDs[id], name != id else { return diagnostic }
        var explained = diagnostic
        explained.message = "\"\(id)\" is the evaluator API's name of this tool; in a test suite it is \"\(name)\""
        explained.fixes = [Fix(title: "Write \"\(name)\"", edits: [TextEdit(range: diagnostic.range, newText: name.jsonQuoted)])]
        return explained
    }
}
