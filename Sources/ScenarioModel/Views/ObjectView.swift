import JSONSyntax

/// A typed view over an object node. Views keep their nodes, so every feature
/// can go from a value to its exact range; they copy nothing out of the tree.
public protocol ObjectView: Sendable {
    var node: SyntaxNode { get }
}

extension ObjectView {
    /// The member with this key (the last one, as the API keeps).
    public func member(_ key: String) -> SyntaxNode? { node.member(named: key) }
    public func value(_ key: String) -> SyntaxNode? { node[key: key] }
    public func string(_ key: String) -> String? { value(key)?.stringValue }
    public func integer(_ key: String) -> Int? { value(key)?.intValue }
    public func has(_ key: String) -> Bool { member(key) != nil }
}

/// A field that holds either the id of a saved object or an inline definition.
public enum Reference<Inline: ObjectView>: Sendable {
    case id(Int, SyntaxNode)
    case inline(Inline)
    /// Neither: the validator reports the type.
    case invalid(SyntaxNode)

    init(_ node: SyntaxNode, inline: (SyntaxNode) -> Inline) {
        if node.kind == .object {
            self = .inline(inline(node))
        } else if let id = node.intValue {
            self = .id(id, node)
        } else {
            self = .invalid(node)
        }
    }

    public var inlineView: Inline? {
        if case .inline(let view) = self { return view }
        return nil
    }
}
