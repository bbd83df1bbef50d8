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

    struct TaggedAction {
        let condition: ConditionView
        /// From the markup's offsets to the action string's source.
        let escapes: EscapeMap
        let markup: ActionMarkup
    }

    init(_ occurrence: ScriptOccurrence, parsingActions: Bool = true) {
        self.occurrence = occurrence
        conditions = occurrence.script.conditions
        functions = occurrence.script.functions
        taggedActions = !parsingActions ? [] : conditions.compactMap { condition in
            guard let decoded = condition.actionNode.flatMap({ Self.decodedBytes(of: $0, holding: UInt8(ascii: "<")) }) else { return nil }
            return TaggedAction(condition: condition, escapes: decoded.map, markup: ActionParser.parse(utf8: decoded.utf8))
        }
    }

    /// The decoded bytes of a string that holds `byte`, decoded only when its
    /// source holds the byte or has escapes (which may write it).
    static func decodedBytes(of string: SyntaxNode, holding byte: UInt8) -> DecodedBytes? {
        if let content = string.unescapedContentRange {
            let found = string.tree.bytes.withUnsafeBufferPointer {
                ActionParser.firstIndex(of: byte, in: UnsafeBufferPointer(rebasing: $0[content.start..<content.end]), from: 0) != nil
            }
            return found ? string.decodedBytes : nil
        }
        guard let decoded = string.decodedBytes, decoded.utf8.contains(byte) else { return nil }
        return decoded
    }

    /// Whether some action holds a tag with this name, and the attributes the predicate asks for.
    func hasTag(_ name: String, where predicate: (ActionTag) -> Bool = { _ in true }) -> Bool {
        taggedActions.contains { $0.markup.elements.contains { element in
            if case .tag(let tag) = element { tag.name == name && predicate(tag) } else { false }
        } }
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
