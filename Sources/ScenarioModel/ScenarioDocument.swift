import JSONSyntax

/// A parsed file seen as what it is: its kind and a typed view of its root.
public struct ScenarioDocument: Sendable {
    public let tree: SyntaxTree
    public let kind: FileKindDecision
    public let root: Root

    public enum Root: Sendable {
        case suite(SuiteView)
        case evaluator(EvaluatorView)
        case bulkUpdate(BulkUpdateView)
        case script(ConditionalActionsView)
        /// Unknown kind, or a root that is not an object.
        case none
    }

    /// `decided` overrides detection: a kind the user associated with the file.
    public init(tree: SyntaxTree, fileName: String?, decided: FileKindDecision? = nil) {
        self.tree = tree
        kind = decided ?? FileKind.detect(tree, fileName: fileName)
        guard let node = tree.root, node.kind == .object else {
            root = .none
            return
        }
        switch kind.kind {
        case .testSuite: root = .suite(SuiteView(node: node))
        case .evaluator: root = .evaluator(EvaluatorView(node: node))
        case .bulkUpdate: root = .bulkUpdate(BulkUpdateView(node: node))
        case .conditionalActions: root = .script(ConditionalActionsView(node: node))
        case .unknown: root = .none
        }
    }

    /// The spec the root object is checked against.
    public var rootSpec: ObjectSpec? {
        switch root {
        case .suite: SuiteSpecs.root
        case .evaluator(let evaluator): evaluator.spec
        case .bulkUpdate: BulkUpdateSpecs.payload
        case .script: ScriptSpecs.conditionalActions
        case .none: nil
        }
    }
}
