import JSONSyntax

public struct EvaluatorView: ObjectView {
    public let node: SyntaxNode

    /// `scenario_type`, or `instruction` when absent, as the API defaults it.
    public var scenarioType: String { string("scenario_type") ?? "instruction" }

    public var script: ConditionalActionsView? {
        value("conditional_actions").flatMap { $0.kind == .object ? ConditionalActionsView(node: $0) : nil }
    }

    /// A saved scenario (a `GET` response kept in the repository) carries `id`
    /// and read-only fields; create-only rules do not apply to it.
    /// The fields this body is checked, completed and documented against.
    public var spec: ObjectSpec { isSavedResponse ? EvaluatorSpecs.savedResponse : EvaluatorSpecs.body }

    public var isSavedResponse: Bool {
        has("id") && node.members.contains { EvaluatorSpecs.readOnlyFields.contains($0.keyName) && $0.keyName != "id" }
    }
}

public struct BulkUpdateView: ObjectView {
    public let node: SyntaxNode
}

public struct ConditionalActionsView: ObjectView {
    public let node: SyntaxNode

    public var conditions: [ConditionView] {
        guard let array = value("conditions"), array.kind == .array else { return [] }
        return array.elements.enumerated().compactMap { index, element in
            element.kind == .object ? ConditionView(node: element, index: index) : nil
        }
    }

    public var functions: [FunctionView] {
        guard let array = value("functions"), array.kind == .array else { return [] }
        return array.elements.compactMap { $0.kind == .object ? FunctionView(node: $0) : nil }
    }
}

public struct ConditionView: ObjectView {
    public let node: SyntaxNode
    /// The position in `conditions`.
    public let index: Int
    /// Where the five condition fields are in the tree (their members' indices,
    /// -1 for none), found in one pass over the members: every script rule
    /// reads them, for every condition. Indices, not handles, keep copies cheap.
    private let fields: [Int]

    public var idNode: SyntaxNode? { field(0) }
    public var conditionNode: SyntaxNode? { field(1) }
    public var actionNode: SyntaxNode? { field(2) }
    public var typeNode: SyntaxNode? { field(3) }
    public var fixedMessageNode: SyntaxNode? { field(4) }

    private func field(_ slot: Int) -> SyntaxNode? { fields[slot] < 0 ? nil : node.tree.node(at: fields[slot]).value }

    public init(node: SyntaxNode, index: Int) {
        self.node = node
        self.index = index
        fields = node.memberIndices(named: Self.fieldNames)
    }

    private static let fieldNames = ["id", "condition", "action", "type", "fixed_message"]
}

public struct FunctionView: ObjectView {
    public let node: SyntaxNode
}
