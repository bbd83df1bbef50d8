import JSONSyntax
import ScenarioModel

/// What the script rules share about one script: its conditions and
/// functions, read once, and where it stands.
struct ScriptParts {
    let occurrence: ScriptOccurrence
    var script: ConditionalActionsView { occurrence.script }
    /// The conditions that are objects, with their index in `conditions`.
    let conditions: [ConditionView]
    /// The functions that are objects, in order.
    let functions: [FunctionView]
    /// The actions that hold a `<`, each parsed once for every rule that
    /// reads tags; the others are plain speech, with at most placeholders.
    let taggedActions: [TaggedAction]
    /// By position in `conditions`, the action decoded once for every rule
    /// that reads it, where it has escapes; nil where its source bytes are its
    /// value (or it is not a string).
    private let escapedActions: [DecodedBytes?]
    /// The catalogue's tags the actions write, one bit per position in `TagFacts.all`.
    private let cataloguedTags: UInt64

    struct TaggedAction {
        let condition: ConditionView
        /// From the markup's offsets to the action string's source.
        let escapes: EscapeMap
        let markup: ActionMarkup
    }

    init(_ occurrence: ScriptOccurrence, parsingActions: Bool = true) {
        self.occurrence = occurrence
        let conditions = occurrence.script.conditions
        self.conditions = conditions
        functions = occurrence.script.functions
        let escapedActions = conditions.map { condition in
            condition.actionNode.flatMap { $0.kind == .string && $0.unescapedContentRange == nil ? $0.decodedBytes : nil }
        }
        self.escapedActions = escapedActions
        var tagged: [TaggedAction] = []
        var cataloguedTags: UInt64 = 0
        if parsingActions {
            tagged.reserveCapacity(conditions.count)
            for (position, condition) in conditions.enumerated() {
                guard let decoded = Self.action(of: condition, escaped: escapedActions[position], holding: UInt8(ascii: "<")) else { continue }
                let markup = ActionParser.parse(utf8: decoded.utf8)
                for record in markup.records where record.kind == .tag && record.cataloguePosition >= 0 {
                    cataloguedTags |= 1 << UInt64(record.cataloguePosition)
                }
                tagged.append(TaggedAction(condition: condition, escapes: decoded.map, markup: markup))
            }
        }
        taggedActions = tagged
        self.cataloguedTags = cataloguedTags
    }

    /// The decoded bytes of the action of `conditions[position]` when it holds
    /// `byte`; an action without escapes is looked at in its source first.
    func action(at position: Int, holding byte: UInt8) -> DecodedBytes? {
        Self.action(of: conditions[position], escaped: escapedActions[position], holding: byte)
    }

    private static func action(of condition: ConditionView, escaped: DecodedBytes?, holding byte: UInt8) -> DecodedBytes? {
        if let decoded = escaped {
            let found = decoded.utf8.withUnsafeBufferPointer { ActionParser.firstIndex(of: byte, in: $0, from: 0) != nil }
            return found ? decoded : nil
        }
        guard let action = condition.actionNode, let content = action.unescapedContentRange else { return nil }
        let found = action.tree.bytes.withUnsafeBufferPointer {
            ActionParser.firstIndex(of: byte, in: UnsafeBufferPointer(rebasing: $0[content.start..<content.end]), from: 0) != nil
        }
        return found ? action.decodedBytes : nil
    }

    /// Whether the action of `conditions[position]` is empty or only white
    /// space; nil when it is not a string.
    func actionIsBlank(at position: Int) -> Bool? {
        if let decoded = escapedActions[position] { return decoded.utf8.withUnsafeBufferPointer(\.isBlankText) }
        return conditions[position].actionNode?.isBlankString
    }

    /// Whether some action holds a tag of the catalogue with this name, and
    /// the attributes the predicate asks for.
    func hasTag(_ name: String, where predicate: ((TagView) -> Bool)? = nil) -> Bool {
        guard let position = TagFacts.position(of: name), cataloguedTags & (1 << UInt64(position)) != 0 else { return false }
        guard let predicate else { return true }
        return taggedActions.contains { action in
            action.markup.records.contains { record in
                record.kind == .tag && record.cataloguePosition == position && predicate(TagView(markup: action.markup, record: record))
            }
        }
    }

    /// Whether the simulated caller has one of these tools (by their suite
    /// `tools` names): from an evaluator's `tool_ids` in either spelling, or a
    /// suite case's `tools` with the defaults. A standalone script has none.
    func callerHasTool(_ names: Set<String>) -> Bool {
        switch occurrence.context {
        case .standalone:
            return false
        case .evaluator(let evaluator):
            return (evaluator.value("tool_ids")?.elements ?? []).contains {
                $0.stringValue.flatMap { Tools.suiteNamesOfEvaluatorIDs[$0] }.map(names.contains) ?? false
            }
        case .suiteCase(let suiteCase):
            return (suiteCase.effective("tools")?.node.elements ?? []).contains { $0.stringValue.map(names.contains) ?? false }
        }
    }

    /// The condition a followup's id names (see `ConditionalActionsView.target`).
    func target(of id: Int, from follower: ConditionView) -> ConditionView? {
        ConditionalActionsView.target(of: id, from: follower, among: conditions)
    }

    /// How a message names a condition: by its id when it has one, else by its place.
    static func name(_ condition: ConditionView) -> String {
        if let id = condition.id { return "condition \(id)" }
        return "`conditions[\(condition.index)]`"
    }
}

extension SyntaxNode {
    /// For a string, the source range of a range of its decoded value (UTF-8
    /// offsets), through its escapes.
    func sourceRange(ofValueBytes range: TextRange) -> TextRange {
        decoded.sourceRange(ofDecoded: range.start..<range.end)
    }
}

extension ObjectSpec {
    /// The same object for the spec validator when the script rules check some
    /// of its fields themselves, with codes of their own: nothing required
    /// except `keeping`, and the given fields' values replaced.
    func leavingToRules(_ values: [String: ValueSpec], keeping required: Set<String> = []) -> ObjectSpec {
        ObjectSpec(name, fields: fields.map {
            FieldSpec($0.name, values[$0.name] ?? $0.value, required: required.contains($0.name) && $0.required, doc: $0.doc)
        }, unknownProperties: unknownProperties, renamedFields: renamedFields)
    }
}
