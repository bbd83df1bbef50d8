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
        var conditions: [ConditionView] = []
        for (index, element) in array.children.enumerated() where element.kind == .object {
            conditions.append(ConditionView(node: element, index: index))
        }
        return conditions
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
    /// -1 for none, in the order of `fieldNames`), found in one pass over the
    /// members: every script rule reads them, for every condition. Indices in
    /// fixed-size storage keep a view cheap to make and to copy.
    private let fields: SIMD8<Int32>

    /// The fields every condition needs; none has a default.
    public static let fieldNames = ["id", "condition", "action", "type", "fixed_message"]
    private static let fieldNameBytes = fieldNames.map { Array($0.utf8) }

    public var idNode: SyntaxNode? { value(of: 0) }
    public var conditionNode: SyntaxNode? { value(of: 1) }
    public var actionNode: SyntaxNode? { value(of: 2) }
    public var typeNode: SyntaxNode? { value(of: 3) }
    public var fixedMessageNode: SyntaxNode? { value(of: 4) }

    /// The names of `fieldNames` the condition does not write.
    public var missingFields: [String] { Self.fieldNames.indices.filter { fields[$0] < 0 }.map { Self.fieldNames[$0] } }

    private func value(of field: Int) -> SyntaxNode? { fields[field] < 0 ? nil : node.tree.node(at: Int(fields[field])).value }

    public init(node: SyntaxNode, index: Int) {
        self.node = node
        self.index = index
        // The last of duplicates, as the API keeps.
        var fields = SIMD8<Int32>(repeating: -1)
        node.forEachMember { member, name in
            if let field = Self.fieldNameBytes.firstIndex(where: { field in field.withUnsafeBufferPointer { $0.hasSameBytes(as: name) } }) {
                fields[field] = Int32(member)
            }
        }
        self.fields = fields
    }
}

public struct FunctionView: ObjectView {
    public let node: SyntaxNode
}
