import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// Hover on a `{{…}}` placeholder in any string: what a test-profile key holds
/// where the document has it, and what a function output is read from.
enum PlaceholderHover {
    static func info(in focus: FocusedTree) -> HoverInfo? {
        guard case .stringContent(let node, let offset) = focus.tree.location(at: focus.offset) else { return nil }
        let decoded = node.decoded
        // Hover names the character at the offset, so a placeholder holds the offsets of its bytes.
        guard let found = ActionParser.placeholders(in: decoded.value).first(where: { $0.range.contains(offset) }),
              let (kind, range) = read(found), range.contains(offset) else { return nil }
        let markdown: String
        switch kind {
        case .testProfile(let keys):
            markdown = describe(keys.map(\.name), in: focus.testProfile(for: node))
        case .function(let name, let output):
            let function = focus.script(containing: node)?.script.functions.first { $0.name == name.name }
            markdown = function.map { describe($0, output: output?.name) }
                ?? "**`{{function.\(name.name)…}}`**: the script declares no function `\(name.name)`."
        case .otherNamespace, .malformed:
            return nil
        }
        return HoverInfo(markdown: markdown, range: focus.outer(decoded.sourceRange(ofDecoded: range)))
    }

    /// What a placeholder names, and its range; one never closed is read as
    /// if `}}` followed its path (the user is still typing it):
    /// `{{test_profile.pin and more` is `pin`'s.
    private static func read(_ placeholder: Placeholder) -> (Placeholder.Kind, Range<Int>)? {
        guard !placeholder.isTerminated else { return (placeholder.kind, placeholder.range) }
        let path = placeholder.content.utf8.prefix { $0.isTagNamePart || $0 == UInt8(ascii: ".") }
        guard let read = ActionParser.placeholders(in: "{{\(String(decoding: path, as: UTF8.self))}}").first else { return nil }
        return (read.kind, placeholder.range.lowerBound..<placeholder.range.lowerBound + 2 + path.count)
    }

    /// A test-profile key path and its value, where the document holds it.
    static func describe(_ path: [String], in profile: TestProfileData?) -> String {
        let title = "**`{{test_profile.\(path.joined(separator: "."))}}`**"
        guard let profile else {
            return "\(title): a value of the test profile, filled in when the call runs; this document does not hold the profile's values."
        }
        guard let (value, section) = profile.value(at: path) else {
            return "\(title): not in \(profile.origin); a missing key becomes an empty string when the call runs."
        }
        let side = section == "caller_variables" ? "" : " (the agent's side: the simulated caller's keys are in `caller_variables`)"
        return "\(title) = \(codeSpan(shown(value.stringValue ?? value.text, limit: 120)))\n\nFrom `\(section)` of \(profile.origin)\(side)."
    }

    /// A declared function: how it is called, and its outputs with their paths
    /// (or only `output`'s).
    static func describe(_ function: FunctionView, output: String? = nil) -> String {
        let name = function.name ?? "?"
        let method = function.config?[key: "method"]?.stringValue ?? "GET"
        var lines = ["**Function `\(name)`**: " + codeSpan("\(method) \(function.config?[key: "url"]?.stringValue ?? "…")")]
        lines.append(function.autoRun ? "Runs when the call starts (`auto_run`)." : "Runs when a `<function name=\"\(name)\"/>` tag fires.")
        let outputs = function.responseMapping?.members ?? []
        if let output {
            guard let entry = outputs.last(where: { $0.keyName == output })?.value else {
                lines.append("It maps no output `\(output)`" + (outputs.isEmpty ? "." : "; it has " + wordList(outputs.map(\.keyName), conjunction: "and") + "."))
                return lines.joined(separator: "\n\n")
            }
            lines.append("Output `\(output)`: " + describe(entry))
        } else if !outputs.isEmpty {
            lines.append(outputs.compactMap { member in member.value.map { "- `\(member.keyName)`: " + describe($0) } }.joined(separator: "\n"))
        }
        return lines.joined(separator: "\n\n")
    }

    /// A `response_mapping` entry: its path, and its default when it has one.
    static func describe(_ entry: SyntaxNode) -> String {
        let path = entry.kind == .object ? entry[key: "path"] : entry
        let fallback = entry.kind == .object ? entry[key: "default"] : nil
        return codeSpan(path?.stringValue ?? "…")
            + (fallback.map { ", default \(codeSpan($0.text))" } ?? ", no default (spoken as written if the call fails)")
    }
}
