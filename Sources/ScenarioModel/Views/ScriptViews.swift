import JSONSyntax

extension ConditionalActionsView {
    /// The `conditions` value when it is an array.
    public var conditionsArray: SyntaxNode? { value("conditions").flatMap { $0.kind == .array ? $0 : nil } }

    /// The condition a followup's `condition` id refers to. Ids should be
    /// unique; when one is not, the nearest condition above the followup with
    /// that id is taken (followups are written after their parent), else the
    /// first one below it.
    public static func target(of id: Int, from follower: ConditionView, among conditions: [ConditionView]) -> ConditionView? {
        let matching = conditions.filter { $0.lenientID == id }
        return matching.last { $0.index < follower.index } ?? matching.first { $0.index > follower.index }
    }
}

extension ConditionView {
    /// `id` when it is a whole number.
    public var id: Int? { idNode?.intValue }

    /// `id` as the checker reads it to find followups' targets: a whole number,
    /// or a string holding one (`"1"`, reported on its own, names condition 1).
    public var lenientID: Int? {
        guard let node = idNode else { return nil }
        return node.intValue ?? node.stringValue.flatMap { Int($0) }
    }

    public var type: String? { typeNode?.stringValue }
    public var isFollowup: Bool { typeNode?.stringEquals("action_followup") ?? false }
    public var isFirst: Bool { index == 0 }
    public var fixedMessage: Bool? { fixedMessageNode?.boolValue }
    public var action: String? { actionNode?.stringValue }

    /// The id a followup names: `condition` as a whole number.
    public var reference: Int? { conditionNode?.intValue }

    /// `condition` read as a trigger, when it is a string.
    public var expression: ConditionExpression? { conditionNode?.withStringBytes(ConditionExpression.parse(utf8:)) }
}

extension FunctionView {
    public var name: String? { string("name") }
    /// `auto_run`, which defaults to `true`.
    public var autoRun: Bool { value("auto_run")?.boolValue ?? true }
    public var config: SyntaxNode? { value("config").flatMap { $0.kind == .object ? $0 : nil } }
    /// `config.response_mapping` when it is an object: its keys are the outputs.
    public var responseMapping: SyntaxNode? { config?[key: "response_mapping"].flatMap { $0.kind == .object ? $0 : nil } }

    /// What a function name must be (scenario-format.md §5.5, FN1).
    public static let nameRule = "a function name is 1 to 64 letters, digits, `_` or `-`"

    /// What breaks `nameRule` in a name, in words ("this one is empty",
    /// "\"a b\" contains a space"); nil for a valid name.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "this one is empty" }
        if let bad = name.unicodeScalars.first(where: { !isNameScalar($0) }) {
            return "\"\(name)\" contains \(bad == " " ? "a space" : "\"\(bad)\"")"
        }
        if name.unicodeScalars.count > 64 { return "this one has \(name.unicodeScalars.count)" }
        return nil
    }

    public static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }
}
