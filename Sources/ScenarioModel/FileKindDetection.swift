import JSONSyntax

/// Recognition in the rulebook's order (scenario-format.md §1.1): an explicit
/// `$schema`, then the file name, then the shape of the root object.
extension FileKind {
    public static func detect(_ tree: SyntaxTree, fileName: String?) -> FileKindDecision {
        let root = tree.root?.kind == .object ? tree.root : nil
        if let schema = root?[key: "$schema"]?.stringValue {
            return decision(forSchema: schema)
        }
        let name = fileName.map(baseName) ?? ""
        if name == "cekura.tests.json" { return FileKindDecision(kind: .testSuite, reason: .fileName(name)) }
        let shapeKind = root.map(kindByShape) ?? .unknown
        if name.hasSuffix(".scenario.json") || name.hasSuffix(".evaluator.json") {
            let kind = shapeKind == .unknown ? .evaluator : shapeKind
            return FileKindDecision(kind: kind, reason: shapeKind == .unknown ? .fileName(name) : .shape)
        }
        if name.hasSuffix(".cekura.json") {
            // Project convention: the suffix marks a Cekura file; the shape says which.
            return FileKindDecision(kind: shapeKind == .unknown ? .evaluator : shapeKind,
                                    reason: shapeKind == .unknown ? .fileName(name) : .shape)
        }
        return FileKindDecision(kind: shapeKind, reason: shapeKind == .unknown ? .none : .shape)
    }

    private static func decision(forSchema schema: String) -> FileKindDecision {
        let path = schema.split(separator: "?", maxSplits: 1).first.map(String.init) ?? schema
        // The published URL, a local copy of it, or the API endpoint that serves it.
        if path.hasSuffix("test-suite/v1.json") || path.hasSuffix("test-suite-v1.schema.json")
            || path.hasSuffix("/test_framework/v1/scenarios/json_schema/")
            || path.hasSuffix("/test_framework/v1/scenarios-external/json_schema/") {
            return FileKindDecision(kind: .testSuite, reason: .schema(schema))
        }
        if path.contains("cekura.ai/schemas/test-suite/") {
            return FileKindDecision(kind: .testSuite, reason: .schema(schema), unknownSuiteVersion: true)
        }
        return FileKindDecision(kind: .unknown, reason: .schema(schema))
    }

    private static func baseName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
    }

    private static let bulkUpdateFields: Set<String> = [
        "metric_ids_to_add", "metric_ids_to_remove", "tool_ids_to_add", "tool_ids_to_remove",
        "append_instruction", "personality", "test_profile", "folder_path", "first_message",
        "phone_number", "max_duration", "agent", "project",
    ]

    private static let evaluatorFields: Set<String> = [
        "scenario_type", "instructions", "conditional_actions", "personality", "expected_outcome_prompt", "tool_ids",
    ]

    static func kindByShape(_ root: SyntaxNode) -> FileKind {
        let keys = Set(root.members.map(\.keyName))
        let scenarios = root[key: "scenarios"]
        if keys.contains("version") && keys.contains("scenarios") { return .testSuite }
        if let scenarios, scenarios.kind == .array, let first = scenarios.elements.first, first.kind == .object {
            let caseKeys = Set(first.members.map(\.keyName))
            if !caseKeys.isDisjoint(with: suiteCaseFields) { return .testSuite }
        }
        if keys.contains("role"), root[key: "conditions"]?.kind == .array { return .conditionalActions }
        if let scenarios, scenarios.kind == .array, scenarios.elements.allSatisfy(isScenarioReference),
           !keys.isDisjoint(with: bulkUpdateFields) {
            return .bulkUpdate
        }
        if keys.contains("name") && !keys.isDisjoint(with: evaluatorFields) { return .evaluator }
        return .unknown
    }

    /// How a bulk payload lists evaluators: ids, and also the mistaken forms
    /// the bulk rules explain (`{"id": 101, "tags": [...]}` from the CLI's
    /// pages, ids in quotes). An object that looks like a suite case is not one.
    private static func isScenarioReference(_ node: SyntaxNode) -> Bool {
        switch node.kind {
        case .number, .string: return true
        case .object: return suiteCaseFields.allSatisfy { node.member(named: $0) == nil }
        default: return false
        }
    }

    private static let suiteCaseFields = ["name", "instructions", "conditional_actions", "type"]
}
