import JSONSyntax

/// A suite case's inline test data (`InlineTestData`) as the checker and the
/// editor features read keys in it: the checker resolves placeholders with it,
/// completion offers its keys and hover shows their values, so all read the
/// same data. A class: it remembers the placeholders already resolved.
public final class TestProfileData {
    public let data: InlineTestData
    public var caller: SyntaxNode? { data.caller }
    public var agent: SyntaxNode? { data.agent }
    /// How messages name the profile.
    public let origin: String

    public init?(_ suiteCase: SuiteCaseView) {
        guard let data = InlineTestData(suiteCase) else { return nil }
        self.data = data
        origin = data.fromDefaults ? "`defaults.test_profile`" : "this case's `test_profile`"
    }

    public static func of(_ context: ScriptOccurrence.Context) -> TestProfileData? {
        guard case .suiteCase(let suiteCase) = context else { return nil }
        return TestProfileData(suiteCase)
    }

    public enum Resolution {
        case caller
        /// Only in `agent_variables`.
        case agentOnly
        /// The key at `index` is not found; `notAnObject` names the step before
        /// it when that holds a value that is not an object.
        case missing(index: Int, candidates: [String], notAnObject: String?)
    }

    /// `resolve(_:)`, remembering the placeholders found in `caller_variables`
    /// (nearly all of them, and texts repeat them) by their text.
    public func resolve(_ keys: [Placeholder.Key], writtenAs content: String) -> Resolution {
        if found.contains(content) { return .caller }
        let resolution = resolve(keys)
        if case .caller = resolution, found.count < 64 { found.append(content) }
        return resolution
    }

    private var found: [String] = []

    /// Follows a key path through `caller_variables`, then `agent_variables`.
    public func resolve(_ keys: [Placeholder.Key]) -> Resolution {
        let names = keys.map(\.name)
        let inCaller = walk(caller, names), inAgent = walk(agent, names)
        if caller != nil, inCaller.depth == keys.count { return .caller }
        if agent != nil, inAgent.depth == keys.count { return .agentOnly }
        let depth = max(caller == nil ? -1 : inCaller.depth, agent == nil ? -1 : inAgent.depth, 0)
        var candidates: [String] = []
        var notAnObject: String?
        for walked in [inCaller, inAgent] where walked.depth == depth {
            guard let node = walked.node else { continue }
            if node.kind == .object {
                for member in node.members where !candidates.contains(member.keyName) { candidates.append(member.keyName) }
            } else if depth > 0 {
                notAnObject = keys[depth - 1].name
            }
        }
        return .missing(index: depth, candidates: candidates, notAnObject: candidates.isEmpty ? notAnObject : nil)
    }

    /// Whether a single key is at the top of either section (for `{{caller_name}}`
    /// written without its namespace).
    public func hasTopLevelKey(_ name: String) -> Bool {
        caller?[key: name] != nil || agent?[key: name] != nil
    }

    /// The value a key path names, and the section that holds it
    /// (`caller_variables` first, as placeholders are filled in).
    public func value(at names: [String]) -> (node: SyntaxNode, section: String)? {
        for (root, section) in sections {
            let walked = walk(root, names)
            if walked.depth == names.count, let node = walked.node { return (node, section) }
        }
        return nil
    }

    /// The keys of the object a key path names (the top level for an empty
    /// path), in both sections, each once, `caller_variables` first.
    public func keys(under names: [String]) -> [(member: SyntaxNode, section: String)] {
        var keys: [(member: SyntaxNode, section: String)] = []
        for (root, section) in sections {
            let walked = walk(root, names)
            guard walked.depth == names.count, let node = walked.node, node.kind == .object else { continue }
            for member in node.members where !keys.contains(where: { $0.member.keyName == member.keyName }) {
                keys.append((member, section))
            }
        }
        return keys
    }

    private var sections: [(SyntaxNode?, String)] { [(caller, "caller_variables"), (agent, "agent_variables")] }

    /// How far a key path goes into `root`, and the node it reaches.
    private func walk(_ root: SyntaxNode?, _ names: [String]) -> (depth: Int, node: SyntaxNode?) {
        let members = InlineTestData.members(along: names, in: root)
        return (members.count, members.last?.value ?? root)
    }
}
