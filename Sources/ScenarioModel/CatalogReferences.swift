import JSONSyntax

/// A value that names an item of the API's catalogs: a personality id, a
/// metric id or slug, a test-profile id.
public struct CatalogReference: Sendable {
    public enum Kind: Sendable, Equatable {
        case personality
        /// Suite specs name metrics by id or slug; evaluator bodies by id only.
        case metric(slugs: Bool)
        case testProfile
    }

    public let kind: Kind
    /// The value: a number, or a string for a slug.
    public let node: SyntaxNode

    /// What a value at `path` names in a file of `kind`, if anything. For an
    /// array, ask for a path to one of its elements.
    public static func kind(at path: JSONPath, in fileKind: FileKind) -> Kind? {
        var rest = path.components[...]
        switch fileKind {
        case .testSuite:
            if rest.first == .key("defaults") {
                rest = rest.dropFirst()
            } else if rest.first == .key("scenarios"), rest.count > 1, case .index = rest[rest.startIndex + 1] {
                rest = rest.dropFirst(2)
            } else {
                return nil
            }
            return kind(of: Array(rest), slugs: true, inlinePersonalities: true)
        case .evaluator:
            return kind(of: Array(rest), slugs: false, inlinePersonalities: false)
        case .conditionalActions, .bulkUpdate, .unknown:
            return nil
        }
    }

    private static func kind(of field: [PathComponent], slugs: Bool, inlinePersonalities: Bool) -> Kind? {
        switch field.first {
        case .key("personality"):
            return field.count == 1 || (inlinePersonalities && field.dropFirst() == [.key("base")]) ? .personality : nil
        case .key("test_profile"):
            return field.count == 1 ? .testProfile : nil
        case .key("metrics"):
            guard field.count == 2, case .index = field[1] else { return nil }
            return .metric(slugs: slugs)
        default:
            return nil
        }
    }
}

extension ScenarioDocument {
    /// Every catalog reference the document makes, in document order.
    public var catalogReferences: [CatalogReference] {
        let owners: [SyntaxNode]
        switch root {
        case .suite(let suite): owners = (suite.defaults.map { [$0.node] } ?? []) + suite.cases.map(\.node)
        case .evaluator(let evaluator): owners = [evaluator.node]
        case .script, .bulkUpdate, .none: owners = []
        }
        var found: [CatalogReference] = []
        for owner in owners {
            var candidates: [SyntaxNode] = []
            if let personality = owner[key: "personality"] {
                candidates.append(personality)
                if personality.kind == .object, let base = personality[key: "base"] { candidates.append(base) }
            }
            if let profile = owner[key: "test_profile"] { candidates.append(profile) }
            if let metrics = owner[key: "metrics"], metrics.kind == .array { candidates += metrics.elements }
            for node in candidates where node.kind == .number || node.kind == .string {
                if let kind = CatalogReference.kind(at: node.path, in: self.kind.kind) {
                    found.append(CatalogReference(kind: kind, node: node))
                }
            }
        }
        return found.sorted { $0.node.range < $1.node.range }
    }
}
