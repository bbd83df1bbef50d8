import JSONSyntax

/// The inline test data a suite case's `{{test_profile…}}` placeholders are
/// filled from (scenario-format.md §7.3): the case's `test_profile` object,
/// else `defaults.test_profile`. A profile referenced by id (and an
/// evaluator's) is not in the document.
public struct InlineTestData: Sendable {
    /// The `test_profile` object.
    public let profile: SyntaxNode
    /// `caller_variables` and `agent_variables`, when they are objects.
    public let caller: SyntaxNode?
    public let agent: SyntaxNode?
    /// Whether the profile is the one in `defaults`.
    public let fromDefaults: Bool

    public init?(_ suiteCase: SuiteCaseView) {
        guard let (profile, fromDefaults) = suiteCase.effective("test_profile"), profile.kind == .object else { return nil }
        self.profile = profile
        caller = profile[key: "caller_variables"].flatMap { $0.kind == .object ? $0 : nil }
        agent = profile[key: "agent_variables"].flatMap { $0.kind == .object ? $0 : nil }
        self.fromDefaults = fromDefaults
    }

    /// The members a key path goes through in one section, as far as it
    /// resolves: each step is a key of the object the step before leads to.
    public static func members(along keys: [String], in section: SyntaxNode?) -> [SyntaxNode] {
        var members: [SyntaxNode] = []
        var node = section
        for key in keys {
            guard let object = node, object.kind == .object, let member = object.member(named: key), let value = member.value else { break }
            members.append(member)
            node = value
        }
        return members
    }

    /// The members a placeholder's key path names, as Cekura fills it in:
    /// through `caller_variables` when the whole path is there, else through
    /// `agent_variables` when it is there, else as far as either goes
    /// (`caller_variables` first).
    public func members(along keys: [String]) -> [SyntaxNode] {
        let inCaller = Self.members(along: keys, in: caller)
        if inCaller.count == keys.count { return inCaller }
        let inAgent = Self.members(along: keys, in: agent)
        return inAgent.count == keys.count || inAgent.count > inCaller.count ? inAgent : inCaller
    }
}
