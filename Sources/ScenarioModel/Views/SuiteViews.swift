import JSONSyntax

public struct SuiteView: ObjectView {
    public let node: SyntaxNode

    public var defaults: DefaultsView? { value("defaults").flatMap { $0.kind == .object ? DefaultsView(node: $0) : nil } }

    /// The cases that are objects, with their index in `scenarios`.
    public var cases: [SuiteCaseView] {
        guard let scenarios = value("scenarios"), scenarios.kind == .array else { return [] }
        let defaults = self.defaults
        return scenarios.elements.enumerated().compactMap { index, element in
            element.kind == .object ? SuiteCaseView(node: element, index: index, defaults: defaults) : nil
        }
    }
}

public struct DefaultsView: ObjectView {
    public let node: SyntaxNode
}

public struct SuiteCaseView: ObjectView {
    public let node: SyntaxNode
    public let index: Int
    public let defaults: DefaultsView?

    /// `type`, or `instruction` when absent, as the API defaults it.
    public var type: String { string("type") ?? "instruction" }
    public var isScript: Bool { type == "conditional_actions" }

    /// The case's key as the API resolves it: `key`, else `name`.
    public var effectiveKey: (value: String, node: SyntaxNode)? {
        if let key = value("key"), let text = key.stringValue { return (text, key) }
        if let name = value("name"), let text = name.stringValue { return (text, name) }
        return nil
    }

    /// The value of a field after `defaults` apply: the case's own, else the
    /// default (field by field, as the API merges them). `metrics` combine
    /// instead; see `effectiveMetrics`.
    public func effective(_ key: String) -> (node: SyntaxNode, fromDefaults: Bool)? {
        if let own = value(key) { return (own, false) }
        if let inherited = defaults?.value(key) { return (inherited, true) }
        return nil
    }

    /// The metrics the case is evaluated with: those of `defaults`, then the
    /// case's own, as the API combines them (scenario-format.md §3.2). Whether
    /// it drops a metric listed in both is not documented, so both are kept.
    public var effectiveMetrics: [SyntaxNode] {
        func items(_ metrics: SyntaxNode?) -> [SyntaxNode] {
            guard let metrics, metrics.kind == .array else { return [] }
            return metrics.elements.filter { $0.kind != .error }
        }
        return items(defaults?.value("metrics")) + items(value("metrics"))
    }

    public var personality: Reference<InlinePersonalityView>? {
        value("personality").map { Reference($0, inline: InlinePersonalityView.init) }
    }

    public var testProfile: Reference<InlineTestProfileView>? {
        value("test_profile").map { Reference($0, inline: InlineTestProfileView.init) }
    }

    public var script: ConditionalActionsView? {
        value("conditional_actions").flatMap { $0.kind == .object ? ConditionalActionsView(node: $0) : nil }
    }
}

public struct InlinePersonalityView: ObjectView {
    public let node: SyntaxNode
    public var isFromScratch: Bool { !has("base") }
}

public struct InlineTestProfileView: ObjectView {
    public let node: SyntaxNode
}

extension DefaultsView {
    public var personality: Reference<InlinePersonalityView>? {
        value("personality").map { Reference($0, inline: InlinePersonalityView.init) }
    }

    public var testProfile: Reference<InlineTestProfileView>? {
        value("test_profile").map { Reference($0, inline: InlineTestProfileView.init) }
    }
}
