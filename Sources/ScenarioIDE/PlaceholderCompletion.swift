import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// A `{{…}}` placeholder being typed, a step at a time: after `{{` the
/// test-profile keys the document holds and the functions' outputs, after
/// `test_profile.` the keys at that path, after `function.` the script's
/// functions, after `function.name.` that function's outputs. Items are in
/// the decoded text's offsets and close the placeholder with `}}` when it is
/// not closed yet.
struct PlaceholderCompletion {
    let profile: TestProfileData?
    /// The script's functions, where `{{function…}}` may stand; empty elsewhere.
    let functions: [FunctionView]

    /// In a string that is not an action (instructions, a function's URL):
    /// test-profile keys, and in a function's `config` the functions declared
    /// before it (a config may use only outputs of functions that have run).
    static func items(in focus: FocusedTree) -> [CompletionItem]? {
        guard case .stringContent(let node, let offset) = focus.tree.location(at: focus.offset) else { return nil }
        let functions = focus.script(containing: node)?.script.functions ?? []
        let around = functions.firstIndex { $0.config?.range.contains(node.range) ?? false }
        let completion = PlaceholderCompletion(profile: focus.testProfile(for: node), functions: Array(functions[..<(around ?? 0)]))
        let decoded = node.decoded
        return completion.items(in: Array(decoded.value.utf8), at: offset)?.map { $0.placed(in: decoded) }
    }

    /// The items, or nil when the cursor is not in a placeholder's path.
    func items(in bytes: [UInt8], at offset: Int) -> [CompletionItem]? {
        var start = offset
        while start > 0, bytes[start - 1].isTagNamePart || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        guard start >= 2, bytes[start - 1] == UInt8(ascii: "{"), bytes[start - 2] == UInt8(ascii: "{") else { return nil }
        var end = offset
        while end < bytes.count, bytes[end].isTagNamePart { end += 1 }
        let steps = String(decoding: bytes[start..<offset], as: UTF8.self).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let closed = bytes[end...].starts(with: [UInt8(ascii: "}"), UInt8(ascii: "}")])
        let step = Step(range: TextRange(offset - steps[steps.count - 1].utf8.count, end), close: closed ? "" : "}}",
                        dotFollows: bytes[end...].first == UInt8(ascii: "."))
        switch (steps.first, steps.count) {
        case (_, 1):
            return namespaces(step)
        case ("test_profile", _):
            return keys(under: Array(steps[1..<steps.count - 1]), prefix: "", step)
        case ("function", 2):
            return functions.compactMap { function in
                guard let name = function.name else { return nil }
                return CompletionItem(label: name, kind: .function, detail: function.config?[key: "url"]?.stringValue.map { shown($0) },
                                      documentation: PlaceholderHover.describe(function), range: step.range,
                                      newText: name + (step.dotFollows ? "" : "."))
            }
        case ("function", 3):
            return outputs(of: functions.first { $0.name == steps[1] }, prefix: "", step)
        default:
            return []
        }
    }

    /// Where the step being typed goes, and how the placeholder ends.
    private struct Step {
        let range: TextRange
        let close: String
        /// A `.` already follows, so a step that leads on does not add one.
        let dotFollows: Bool
    }

    /// After `{{`: each known test-profile key (or the namespace, when the
    /// document holds none) and each function output.
    private func namespaces(_ step: Step) -> [CompletionItem] {
        var items = keys(under: [], prefix: "test_profile.", step)
        if items.isEmpty {
            items.append(CompletionItem(label: "test_profile.", kind: .variable, detail: "test profile",
                                        documentation: "A value of the test profile: `{{test_profile.<key>}}`.",
                                        range: step.range, newText: "test_profile."))
        }
        for function in functions {
            guard let name = function.name else { continue }
            items += outputs(of: function, prefix: "function.\(name).", step)
        }
        return items
    }

    private func keys(under path: [String], prefix: String, _ step: Step) -> [CompletionItem] {
        guard let profile else { return [] }
        return profile.keys(under: path).map { member, _ in
            let key = member.keyName, value = member.value
            let end = value?.kind == .object ? (step.dotFollows ? "" : ".") : step.close
            var item = CompletionItem(label: prefix + key, kind: .variable, detail: value.map { shown($0.stringValue ?? $0.text) },
                                      documentation: PlaceholderHover.describe(path + [key], in: profile), range: step.range,
                                      newText: prefix + key + end)
            if !key.utf8.allSatisfy(\.isTagNamePart) {
                // A key with other characters is written in brackets, in place of its dot.
                let bracketed = "['\(key)']"
                item.label = prefix.isEmpty ? bracketed : "test_profile" + bracketed
                item.newText = item.label + end
                if prefix.isEmpty {
                    item.range.start -= 1
                    item.filterText = "." + key
                }
            }
            return item
        }
    }

    private func outputs(of function: FunctionView?, prefix: String, _ step: Step) -> [CompletionItem] {
        guard let function else { return [] }
        return (function.responseMapping?.members ?? []).map { member in
            let output = member.keyName
            return CompletionItem(label: prefix + output, kind: .variable, detail: member.value.map { PlaceholderHover.describe($0) },
                                  documentation: PlaceholderHover.describe(function, output: output), range: step.range,
                                  newText: prefix + output + step.close)
        }
    }
}
