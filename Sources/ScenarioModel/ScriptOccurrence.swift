import JSONSyntax

/// One conditional-actions script and where it stands. Scripts follow the same
/// rules wherever they appear; the context says what the rules may consult
/// (the case's inline test data, the evaluator around it).
public struct ScriptOccurrence: Sendable {
    public let script: ConditionalActionsView
    public let context: Context
    /// Set when the script is JSON inside a string (an evaluator's
    /// `instructions`): its tree is that string's decoded text, and ranges in it
    /// map back through the string's escapes.
    public let embedding: Embedding?

    public enum Context: Sendable {
        case standalone
        case suiteCase(SuiteCaseView)
        case evaluator(EvaluatorView)
    }

    public init(script: ConditionalActionsView, context: Context, embedding: Embedding? = nil) {
        self.script = script
        self.context = context
        self.embedding = embedding
    }
}

/// A JSON document held in a string of another document.
public struct Embedding: Sendable {
    /// The string in the outer document.
    public let string: SyntaxNode
    public let decoded: DecodedString
    /// The inner document, parsed from the decoded text.
    public let tree: SyntaxTree

    public init(string: SyntaxNode) {
        self.string = string
        decoded = string.decoded
        tree = SyntaxTree(decoded.value)
    }

    /// The outer range of an inner range: inner byte offsets are offsets into
    /// the decoded text.
    public func outerRange(_ inner: TextRange) -> TextRange {
        decoded.sourceRange(ofDecoded: inner.start..<inner.end)
    }
}

extension ScenarioDocument {
    /// Every script in the document, in document order.
    public var scripts: [ScriptOccurrence] {
        switch root {
        case .script(let script):
            return [ScriptOccurrence(script: script, context: .standalone)]
        case .suite(let suite):
            return suite.cases.compactMap { suiteCase in
                suiteCase.script.map { ScriptOccurrence(script: $0, context: .suiteCase(suiteCase)) }
            }
        case .evaluator(let evaluator):
            if let script = evaluator.script { return [ScriptOccurrence(script: script, context: .evaluator(evaluator))] }
            if let embedded = evaluator.embeddedScript {
                return [ScriptOccurrence(script: embedded.script, context: .evaluator(evaluator), embedding: embedded.embedding)]
            }
            return []
        case .bulkUpdate, .none:
            return []
        }
    }
}

extension EvaluatorView {
    /// The script of a `conditional_actions` scenario written as a JSON string
    /// in `instructions` (how every saved scenario returns it), when that string
    /// holds an object.
    public var embeddedScript: (script: ConditionalActionsView, embedding: Embedding)? {
        guard scenarioType == "conditional_actions", !has("conditional_actions"),
              let instructions = value("instructions"), instructions.kind == .string else { return nil }
        let embedding = Embedding(string: instructions)
        guard let root = embedding.tree.root, root.kind == .object else { return nil }
        return (ConditionalActionsView(node: root), embedding)
    }
}
