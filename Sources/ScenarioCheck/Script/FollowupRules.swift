import JSONSyntax
import ScenarioModel

/// `action_followup` conditions (scenario-format.md §5.4.1, F1–F7): a
/// followup's `condition` is the id of the condition it follows; that
/// condition must exist and not be the followup itself; followups must not
/// follow each other in a loop; each condition is best followed once, by a
/// followup further down. A followup whose id names several conditions
/// follows the nearest one above it (`ConditionalActionsView.target`).
enum FollowupRules {
    /// A followup whose target was found.
    private struct Link {
        let follower: ConditionView
        let target: ConditionView
        let reference: SyntaxNode
    }

    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var links: [Link] = []
        for condition in parts.conditions where !condition.isFirst {
            guard let value = condition.conditionNode else { continue }
            if condition.isFollowup {
                if value.kind == .string {
                    diagnostics.append(notAnID(value))
                    continue
                }
                guard let reference = value.intValue else { continue }
                if condition.id == reference {
                    diagnostics.append(Diagnostic(.followupSelfReference, .error,
                        "this followup names its own id, \(reference); a followup's `condition` is the id of another condition, the one after which it fires",
                        value.range))
                } else if let target = parts.target(of: reference, from: condition) {
                    links.append(Link(follower: condition, target: target, reference: value))
                } else {
                    let ids = parts.conditions.compactMap(\.id).filter { $0 != condition.id }.sorted()
                    let known = ids.isEmpty ? "" : " (the ids are \(ids.map(String.init).joined(separator: ", ")))"
                    diagnostics.append(Diagnostic(.followupTargetMissing, .error,
                        "no condition has id \(reference)\(known); a followup's `condition` is the id of the condition after which it fires",
                        value.range))
                }
            } else if value.kind == .number, let type = condition.typeNode, type.stringEquals("standard") {
                diagnostics.append(Diagnostic(.standardConditionIsID, .error,
                    "`condition` is the id \(value.text), which only an `action_followup` takes; a standard condition describes what the main agent does",
                    value.range, fixes: [Fix(title: "Set `type` to \"action_followup\"",
                                             edits: [TextEdit(range: type.range, newText: "\"action_followup\"")])]))
            }
        }
        let cycles = findCycles(links)
        diagnostics += cycles.compactMap(report)
        let inCycle = Set(cycles.flatMap { $0.map(\.follower.index) })
        diagnostics += checkSharedParents(links.filter { !inCycle.contains($0.follower.index) })
        for link in links where link.target.index > link.follower.index && !inCycle.contains(link.follower.index) {
            diagnostics.append(Diagnostic(.followupForwardReference, .hint,
                "this followup fires after \(ScriptParts.name(link.target)), which comes later in the script (position \(link.target.index + 1)); write followups after the condition they follow",
                link.reference.range))
        }
        return diagnostics
    }

    /// F1: a string where an id belongs; a number in quotes gets a fix.
    private static func notAnID(_ value: SyntaxNode) -> Diagnostic {
        let text = value.stringValue ?? ""
        var fixes: [Fix] = []
        if let number = Int(text) {
            fixes.append(Fix(title: "Write the number \(number)", edits: [TextEdit(range: value.range, newText: String(number))]))
        }
        let found = Int(text) != nil ? "found the string \"\(text)\", in quotes" : "found \(value.valueDescription)"
        return Diagnostic(.followupConditionNotID, .error,
            "an `action_followup`'s `condition` is the id (a whole number) of the condition after which it fires; \(found)",
            value.range, fixes: fixes)
    }

    /// F5: each condition has at most one outgoing link, so loops are found by
    /// walking from every followup; each loop is listed once, starting at its
    /// member nearest the top of the script.
    private static func findCycles(_ links: [Link]) -> [[Link]] {
        let byFollower = Dictionary(links.map { ($0.follower.index, $0) }, uniquingKeysWith: { first, _ in first })
        var settled: Set<Int> = []
        var cycles: [[Link]] = []
        for start in links.map(\.follower.index) where !settled.contains(start) {
            var path: [Int] = []
            var onPath: [Int: Int] = [:]
            var current: Int? = start
            while let index = current, !settled.contains(index) {
                if let position = onPath[index] {
                    let members = path[position...].compactMap { byFollower[$0] }
                    let top = members.indices.min { members[$0].follower.index < members[$1].follower.index } ?? 0
                    cycles.append(Array(members[top...] + members[..<top]))
                    break
                }
                onPath[index] = path.count
                path.append(index)
                current = byFollower[index]?.target.index
            }
            settled.formUnion(path)
        }
        return cycles
    }

    /// Reported once per loop, on the member nearest the top, with every
    /// member as related information.
    private static func report(_ cycle: [Link]) -> Diagnostic? {
        guard let first = cycle.first else { return nil }
        let names = cycle.map { ScriptParts.name($0.follower) } + [ScriptParts.name(first.follower)]
        return Diagnostic(.followupCycle, .error,
            "these followups fire only after one another, in a loop (\(names.joined(separator: " → "))), so none of them ever fires; one of them must follow a condition outside the loop",
            first.reference.range,
            related: cycle.map { RelatedLocation(range: $0.reference.range, message: "\(ScriptParts.name($0.follower)) follows \(ScriptParts.name($0.target))") })
    }

    /// F6: several followups of one condition; to run them all, chain them.
    private static func checkSharedParents(_ links: [Link]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byTarget = Dictionary(grouping: links, by: \.target.index)
        for (_, siblings) in byTarget where siblings.count > 1 {
            let ordered = siblings.sorted { $0.follower.index < $1.follower.index }
            for (position, link) in ordered.enumerated().dropFirst() {
                let previous = ordered[position - 1].follower
                let chain = previous.id.map { " (here: `\"condition\": \($0)`)" } ?? ""
                diagnostics.append(Diagnostic(.followupSharedParent, .warning,
                    "\(ScriptParts.name(link.target)) already has a followup, \(ScriptParts.name(ordered[0].follower)); to run several in turn, chain them: each followup follows the previous followup\(chain)",
                    link.reference.range,
                    related: [RelatedLocation(range: ordered[0].reference.range, message: "the first followup of \(ScriptParts.name(link.target))")]))
            }
        }
        return diagnostics.sorted { $0.range < $1.range }
    }
}
