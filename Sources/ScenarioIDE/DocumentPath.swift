import JSONSyntax
import ScenarioModel

/// A place in a document named by its JSON path, for messages that come back
/// from elsewhere (the API's error paths, run verdicts): `inner` goes on into
/// the JSON held by the string at `path` (a script in an evaluator's
/// `instructions`).
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    public var path: JSONPath
    public var inner: JSONPath?

    public init(_ path: JSONPath, inner: JSONPath? = nil) {
        self.path = path
        self.inner = inner
    }

    public var description: String { inner.map { "\(path.apiString) → \($0.apiString)" } ?? path.apiString }

    /// The range to show a message about this place on, in the tree as it is
    /// now. A place that does not exist (any more) falls back to the nearest
    /// value that does; a container is shown by its key or name rather than
    /// by all its lines.
    public func range(in tree: SyntaxTree) -> TextRange? {
        guard let (node, exact) = Self.deepest(path, in: tree) else { return nil }
        guard exact, let inner, node.kind == .string else { return Self.shown(node) }
        let embedding = Embedding(string: node)
        guard let (innerNode, _) = Self.deepest(inner, in: embedding.tree) else { return Self.shown(node) }
        return embedding.outerRange(Self.shown(innerNode))
    }

    /// The deepest node on the path, and whether it is the path's own.
    private static func deepest(_ path: JSONPath, in tree: SyntaxTree) -> (SyntaxNode, exact: Bool)? {
        for count in stride(from: path.components.count, through: 0, by: -1) {
            if let node = tree.node(at: JSONPath(Array(path.components.prefix(count)))) {
                return (node, count == path.components.count)
            }
        }
        return nil
    }

    private static func shown(_ node: SyntaxNode) -> TextRange {
        guard node.kind == .object || node.kind == .array else { return node.range }
        if let member = node.parent, member.kind == .member, let key = member.key { return key.range }
        if let name = node.member(named: "name")?.key { return name.range }
        return TextRange(node.range.start, node.range.start + 1)
    }
}
