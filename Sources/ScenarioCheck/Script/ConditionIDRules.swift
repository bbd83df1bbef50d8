import JSONSyntax
import ScenarioModel

/// Condition ids across the script (scenario-format.md §5.4 C8, C12): unique,
/// and best numbered 0, 1, 2, … in array order. Both fixes renumber the
/// conditions by position and carry the followups that name them along.
enum ConditionIDRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        // The fix is built only when a diagnostic offers it: most scripts are fine.
        var cached: Fix??
        let renumbering = {
            if let cached { return cached }
            let fix = Self.renumbering(parts)
            cached = fix
            return fix
        }
        return checkDuplicates(parts, renumbering) + checkSequence(parts, renumbering)
    }

    /// C8: each repeated id is reported where it repeats, with the first use as
    /// related information.
    private static func checkDuplicates(_ parts: ScriptParts, _ renumbering: () -> Fix?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstWithID: [Int: ConditionView] = [:]
        for condition in parts.conditions {
            guard let idNode = condition.idNode, let id = idNode.intValue else { continue }
            guard let original = firstWithID[id], let originalID = original.idNode else {
                firstWithID[id] = condition
                continue
            }
            diagnostics.append(Diagnostic(.conditionIDDuplicate, .error,
                "another condition already has id \(id) (position \(original.index + 1)); condition ids must be unique",
                idNode.range, related: [RelatedLocation(range: originalID.range, message: "the first condition with id \(id)")],
                fixes: renumbering().map { [$0] } ?? []))
        }
        return diagnostics
    }

    /// C12: only when every condition has a distinct id from 0 up and the
    /// first is 0 (else other rules speak first). Reported once, on the first
    /// id out of step.
    private static func checkSequence(_ parts: ScriptParts, _ renumbering: () -> Fix?) -> [Diagnostic] {
        guard let array = parts.script.conditionsArray, array.elementCount == parts.conditions.count else { return [] }
        let ids = parts.conditions.map(\.id)
        guard ids.allSatisfy({ ($0 ?? -1) >= 0 }), Set(ids).count == ids.count, ids.first == 0,
              let outOfStep = parts.conditions.first(where: { $0.id != $0.index }),
              let idNode = outOfStep.idNode else { return [] }
        return [Diagnostic(.conditionIDsNotSequential, .hint,
            "condition ids are best numbered 0, 1, 2, … in the order of the conditions; this one is \(idNode.text) where \(outOfStep.index) comes next",
            idNode.range, fixes: renumbering().map { [$0] } ?? [])]
    }

    /// Every condition's id becomes its position, and every followup's
    /// `condition` the new id of the condition it follows (as
    /// `ConditionalActionsView.target` finds it). Only when every condition is
    /// an object with an `id`.
    static func renumbering(_ parts: ScriptParts) -> Fix? {
        guard let array = parts.script.conditionsArray, array.elementCount == parts.conditions.count,
              parts.conditions.allSatisfy({ $0.has("id") }) else { return nil }
        var edits: [TextEdit] = []
        for condition in parts.conditions {
            if condition.id != condition.index, let node = condition.idNode {
                edits.append(TextEdit(range: node.range, newText: String(condition.index)))
            }
            if condition.isFollowup, let reference = condition.reference, let node = condition.conditionNode,
               let target = parts.target(of: reference, from: condition), target.index != reference {
                edits.append(TextEdit(range: node.range, newText: String(target.index)))
            }
        }
        guard !edits.isEmpty else { return nil }
        let last = parts.conditions.count - 1
        return Fix(title: "Renumber the conditions 0 to \(last) in order, with their followups", edits: edits)
    }
}
