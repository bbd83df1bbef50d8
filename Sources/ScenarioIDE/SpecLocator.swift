import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// Which spec governs a node: the path from the root, read against the
/// root's spec, as the validator reads it. Completion and hover ask this, so
/// they offer and explain exactly what the checker accepts.
public enum SpecLocator {
    /// The spec of a value node (an object gives `.object(spec)`), or nil
    /// where the document's specs say nothing (free objects, unknown keys).
    public static func valueSpec(of node: SyntaxNode, in focus: FocusedTree) -> ValueSpec? {
        guard let rootSpec = focus.rootSpec, let root = focus.tree.root else { return nil }
        var path: [SyntaxNode] = []
        var current: SyntaxNode? = node
        while let step = current, step != root {
            path.append(step)
            current = step.parent
        }
        guard current == root else { return nil }
        var spec = ValueSpec.object(rootSpec)
        for step in path.reversed() {
            switch step.kind {
            case .member:
                // A member stands for its value: the field's spec.
                guard case .object(let object)? = resolved(spec, for: .object), let field = object.field(step.keyName) else { return nil }
                spec = field.value
            default:
                guard let parent = step.parent else { return nil }
                if parent.kind == .array {
                    guard case .array(let rule)? = resolved(spec, for: .array) else { return nil }
                    spec = rule.items
                }
                // A value under its member already has the member's spec.
            }
        }
        return resolved(spec, for: node.kind == .member ? (node.value?.kind ?? .null) : node.kind) ?? spec
    }

    /// The object spec of an object node.
    public static func objectSpec(of object: SyntaxNode, in focus: FocusedTree) -> ObjectSpec? {
        guard object.kind == .object, case .object(let spec)? = valueSpec(of: object, in: focus) else { return nil }
        return spec
    }

    /// The spec as it applies to a value of this kind: `nullable` and `oneOf`
    /// unwrapped, a script as the script's object.
    public static func resolved(_ spec: ValueSpec, for kind: SyntaxKind) -> ValueSpec? {
        switch spec {
        case .nullable(let inner): return kind == .null ? spec : resolved(inner, for: kind)
        case .oneOf(let alternatives):
            return alternatives.first { $0.accepts(kind) }.flatMap { resolved($0, for: kind) }
        case .script: return .object(ScriptSpecs.conditionalActions)
        default: return spec
        }
    }
}
