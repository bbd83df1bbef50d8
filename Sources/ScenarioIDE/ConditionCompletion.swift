import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// What a script's conditions need beyond their spec: a whole condition in
/// the `conditions` array, and the ids a followup's `condition` may name.
enum ConditionCompletion {
    /// The items, or nil where the cursor is in neither place.
    static func items(in focus: FocusedTree) -> [CompletionItem]? {
        switch focus.tree.location(at: focus.offset) {
        case .arrayBody(let array):
            guard let occurrence = focus.script(containing: array), occurrence.script.conditionsArray == array else { return nil }
            return skeletons(for: occurrence.script, at: focus.offset, in: focus.tree)
        case .memberValue(let member):
            return followupTargets(of: member, in: focus, replacing: .empty(at: focus.offset), typed: "")
        case .value(let node), .stringContent(let node, _):
            guard let member = node.parent, member.kind == .member, member.value == node else { return nil }
            // A string the user opened is replaced whole: the id is a bare number.
            let typed = focus.tree.text(in: TextRange(node.range.start, min(focus.offset, node.range.end)))
            return followupTargets(of: member, in: focus, replacing: node.range, typed: typed)
        default:
            return nil
        }
    }

    // MARK: A whole condition

    /// The first condition when the array is empty; otherwise a standard
    /// condition and a followup of the condition before the cursor, each with
    /// the next id.
    private static func skeletons(for script: ConditionalActionsView, at offset: Int, in tree: SyntaxTree) -> [CompletionItem] {
        let range = TextRange.empty(at: offset)
        let before = tree.neighbour(of: offset, forward: false), after = tree.neighbour(of: offset, forward: true)
        let leading = before.map { $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: ",") } ?? false ? ", " : ""
        let trailing = after.map { $0 != UInt8(ascii: "]") && $0 != UInt8(ascii: ",") } ?? false ? "," : ""
        func item(_ label: String, _ doc: String, _ body: String) -> CompletionItem {
            CompletionItem(label: label, kind: .snippet, detail: "condition", documentation: doc, range: range,
                           newText: leading + "{" + body + "}" + trailing, isSnippet: true)
        }
        let conditions = script.conditions
        guard !conditions.isEmpty else {
            return [item(ScriptSpecs.firstMessage, ScriptSpecs.conditionalActions.field("conditions")?.doc ?? "",
                         #""id": 0, "condition": "\#(ScriptSpecs.firstMessage)", "action": "$1", "type": "standard", "fixed_message": true"#)]
        }
        let next = (conditions.compactMap(\.lenientID).max() ?? -1) + 1
        func doc(_ type: String) -> String { ScriptSpecs.conditionTypes.first { $0.value == type }?.doc ?? "" }
        var items = [item("condition", doc("standard"),
                          #""id": \#(next), "condition": "$1", "action": "$2", "type": "${3:standard}", "fixed_message": ${4:false}"#)]
        if let previous = conditions.last(where: { $0.node.range.end <= offset })?.lenientID {
            items.append(item("followup", doc("action_followup"),
                              #""id": \#(next), "condition": ${1:\#(previous)}, "action": "$2", "type": "action_followup", "fixed_message": ${3:false}"#))
        }
        return items
    }

    // MARK: A followup's target

    /// The ids of the script's other conditions, for the `condition` of an
    /// `action_followup`; nil for any other member.
    private static func followupTargets(of member: SyntaxNode, in focus: FocusedTree, replacing range: TextRange,
                                        typed: String) -> [CompletionItem]? {
        guard member.keyName == "condition", let object = member.parent, let occurrence = focus.script(containing: object),
              let follower = occurrence.script.conditions.first(where: { $0.node == object }), follower.isFollowup else { return nil }
        var offered: Set<Int> = []
        return occurrence.script.conditions.compactMap { target in
            guard target.node != object, let id = target.id, offered.insert(id).inserted else { return nil }
            let label = String(id)
            return CompletionItem(label: label, kind: .reference, detail: target.conditionNode.map { shown($0.stringValue ?? $0.text) },
                                  documentation: ConditionHover.summary(of: target), range: range, newText: label,
                                  filterText: typed.hasPrefix("\"") ? "\"\(label)\"" : nil)
        }
    }
}

extension SyntaxTree {
    /// The first byte before or after `offset` that is not JSON whitespace.
    func neighbour(of offset: Int, forward: Bool) -> UInt8? {
        var index = forward ? offset : offset - 1
        while index >= 0, index < bytes.count {
            let byte = bytes[index]
            if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return byte }
            index += forward ? 1 : -1
        }
        return nil
    }
}
