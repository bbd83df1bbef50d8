import JSONSyntax
import ScenarioModel

/// A function's `response_mapping` (scenario-format.md §5.5, FN10, FN11):
/// each output maps to a JSONPath string or to `{"path": …, "default": …}`,
/// and paths stay inside the supported subset (`ResponsePath`).
enum ResponseMappingRules {
    static let entryFields = ["path", "default"]

    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for function in parts.functions {
            guard let mapping = function.responseMapping else { continue }
            for member in mapping.members {
                guard let value = member.value else { continue }
                diagnostics += checkEntry(member.keyName, value)
            }
        }
        return diagnostics
    }

    private static func checkEntry(_ output: String, _ value: SyntaxNode) -> [Diagnostic] {
        switch value.kind {
        case .string:
            return checkPath(value)
        case .object:
            var diagnostics: [Diagnostic] = []
            for member in value.members where !entryFields.contains(member.keyName) {
                guard let key = member.key else { continue }
                var fixes: [Fix] = []
                var message = "an output's object takes only `path` and `default`; found `\(member.keyName)`"
                if let suggestion = closestMatch(to: member.keyName, among: entryFields), value.member(named: suggestion) == nil,
                   let edit = MemberEdits.rename(member, to: suggestion) {
                    message += " (did you mean `\(suggestion)`?)"
                    fixes.append(Fix(title: "Rename to `\(suggestion)`", edits: [edit]))
                }
                diagnostics.append(Diagnostic(.responseMappingInvalid, .error, message, key.range, fixes: fixes))
            }
            if let path = value[key: "path"] {
                if path.kind == .string {
                    diagnostics += checkPath(path)
                } else if path.kind != .error {
                    diagnostics.append(Diagnostic(.responseMappingInvalid, .error,
                        "`path` is a JSONPath string, like \"$.data.status\"; found \(path.valueDescription)", path.range))
                }
            } else {
                diagnostics.append(Diagnostic(.responseMappingInvalid, .error,
                    "output `\(output)` needs a `path`, the JSONPath of its value in the response, like {\"path\": \"$.data.status\", \"default\": \"unknown\"}",
                    value.anchorRange, fixes: [Fix(title: "Add `path`", edits: [MemberEdits.insert(key: "path", value: "\"$\"", into: value)])]))
            }
            return diagnostics
        case .error:
            return []
        default:
            return [Diagnostic(.responseMappingInvalid, .error,
                "output `\(output)` maps to a JSONPath string (\"$.data.status\") or to {\"path\": …, \"default\": …}; found \(value.valueDescription)",
                value.range)]
        }
    }

    /// FN11, inside the string: the range of the unsupported part.
    private static func checkPath(_ node: SyntaxNode) -> [Diagnostic] {
        ResponsePath.problems(in: node.decoded.value).map { problem in
            let range = problem.range.isEmpty ? node.range : node.sourceRange(ofValueBytes: problem.range)
            let fixes = problem.rewrite.map { [Fix(title: "Write \"\($0)\"", edits: [TextEdit(range: node.range, newText: $0.jsonQuoted)])] } ?? []
            return Diagnostic(.jsonpathUnsupported, problem.isUndocumented ? .warning : .error,
                problem.message, range, fixes: fixes)
        }
    }
}
