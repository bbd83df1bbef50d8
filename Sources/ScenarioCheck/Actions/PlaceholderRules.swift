import JSONSyntax
import ScenarioModel

/// `{{…}}` placeholders (scenario-format.md §7), wherever they stand: their
/// form, their namespace, and the test-profile key they name. What a
/// `{{function…}}` placeholder needs depends on where it stands; the callers
/// check that.
struct PlaceholderRules {
    let location: StringLocation
    let profile: TestProfileData?

    /// A placeholder found in the string, with the offset of the text it was
    /// read from (an attribute value) in the string's decoded text.
    struct Found {
        let placeholder: Placeholder
        let offset: Int
        /// Inside `<dtmf digits>`, which needs caller variables.
        var inDTMF = false

        var range: Range<Int> { shift(placeholder.range) }
        func shift(_ range: Range<Int>) -> Range<Int> { range.lowerBound + offset..<range.upperBound + offset }
    }

    /// `placeholder-malformed` and `placeholder-unknown-namespace`; true when
    /// the placeholder is one of those, and so not checked further.
    func checkForm(_ found: Found, into diagnostics: inout [Diagnostic]) -> Bool {
        let placeholder = found.placeholder
        switch placeholder.kind {
        case .malformed(let why):
            let written = "{{" + placeholder.content + (placeholder.isTerminated ? "}}" : "")
            guard placeholder.isTerminated else {
                // Underline the braces that open it, not the rest of the text.
                let start = found.range.lowerBound
                diagnostics.append(Diagnostic(.placeholderMalformed, .warning,
                    "`{{` opens a placeholder that is never closed with `}}`; it is spoken as written: `\(shown(written))`",
                    location.range(start..<start + 2)))
                return true
            }
            var fixes: [Fix] = []
            let trimmed = trimmingBlanks(placeholder.content)
            if trimmed != placeholder.content, let kind = ActionParser.placeholders(in: "{{\(trimmed)}}").first?.kind {
                switch kind {
                case .testProfile, .function:
                    fixes = [Fix(title: "Write `{{\(trimmed)}}`", edits: [location.edit(found.shift(placeholder.contentRange), trimmed)])]
                default: break
                }
            }
            diagnostics.append(Diagnostic(.placeholderMalformed, .warning,
                "`\(shown(written))` is not a placeholder Cekura fills in: \(why)", location.range(found.range), fixes: fixes))
            return true
        case .otherNamespace(let namespace):
            let written = "{{\(placeholder.content)}}"
            let contentStart = found.shift(placeholder.contentRange).lowerBound
            if let meant = closestMatch(to: namespace, among: ["test_profile", "function"]), !namespace.isEmpty {
                let rest = String(placeholder.content.dropFirst(namespace.count))
                diagnostics.append(Diagnostic(.placeholderUnknownNamespace, .warning,
                    "`\(shown(written))` names the namespace `\(namespace)`; did you mean `{{\(meant)\(shown(rest))}}`?",
                    location.range(found.range),
                    fixes: [Fix(title: "Write `\(meant)`", edits: [location.edit(contentStart..<contentStart + namespace.utf8.count, meant)])]))
            } else if namespace == placeholder.content, let profile, profile.hasTopLevelKey(namespace) {
                diagnostics.append(Diagnostic(.placeholderUnknownNamespace, .warning,
                    "`\(written)` is not filled in: test-profile values are written `{{test_profile.\(namespace)}}`, and \(profile.origin) has `\(namespace)`",
                    location.range(found.range),
                    fixes: [Fix(title: "Write `{{test_profile.\(namespace)}}`", edits: [location.edit(contentStart..<contentStart, "test_profile.")])]))
            } else {
                diagnostics.append(Diagnostic(.placeholderUnknownNamespace, .warning,
                    "`\(shown(written))` is not a scenario placeholder and stays as written: scenario files fill in `{{test_profile.<key>}}` and `{{function.<name>.<output>}}`; `{{name}}`-style dynamic variables belong in the agent's description",
                    location.range(found.range)))
            }
            return true
        case .testProfile, .function:
            return false
        }
    }

    /// `test-profile-key-unknown`, `test-profile-key-agent-side` and, inside
    /// `<dtmf digits>`, `dtmf-key-missing`: only where the document holds the
    /// test data.
    func checkTestProfileKeys(_ keys: [Placeholder.Key], _ found: Found, into diagnostics: inout [Diagnostic]) {
        guard let profile, let first = keys.first, let last = keys.last else { return }
        let resolution = profile.resolve(keys, writtenAs: found.placeholder.content)
        if case .caller = resolution { return }
        let path = keys.map(\.name).joined(separator: ".")
        switch resolution {
        case .caller:
            return
        case .agentOnly:
            let range = location.range(found.shift(first.range.lowerBound..<last.range.upperBound))
            if found.inDTMF {
                diagnostics.append(Diagnostic(.testProfileKeyAgentSide, .warning,
                    "`\(path)` is only in the `agent_variables` of \(profile.origin); `<dtmf>` sends the simulated caller's value, so put the key in `caller_variables` or no tones are sent",
                    range))
            } else {
                diagnostics.append(Diagnostic(.testProfileKeyAgentSide, .hint,
                    "`\(path)` is only in the `agent_variables` of \(profile.origin), which go to the agent under test; Cekura's guide references `caller_variables`, the simulated caller's data",
                    range))
            }
        case .missing(let index, let candidates, let notAnObject):
            let key = keys[index]
            let range = location.range(found.shift(key.range))
            let code: RuleCode = found.inDTMF ? .dtmfKeyMissing : .testProfileKeyUnknown
            let consequence = found.inDTMF
                ? "`<dtmf>` then sends no tones; the key must exist in `caller_variables`"
                : "a missing key becomes an empty string when the call runs"
            if let notAnObject {
                diagnostics.append(Diagnostic(code, .warning,
                    "`\(notAnObject)` in \(profile.origin) is not an object, so `\(path)` does not resolve; \(consequence)", range))
                return
            }
            let sections = [profile.caller.map { _ in "`caller_variables`" }, profile.agent.map { _ in "`agent_variables`" }].compactMap { $0 }
            let place = index > 0
                ? "`\(keys[..<index].map(\.name).joined(separator: "."))` in \(profile.origin) has no key `\(key.name)`"
                : sections.isEmpty
                    ? "\(profile.origin) has no `caller_variables` or `agent_variables`, so `\(key.name)` is not found"
                    : "\(profile.origin) has no key `\(key.name)` in \(sections.joined(separator: " or "))"
            let meant = closestMatch(to: key.name, among: candidates)
            let known = meant.map { " — did you mean `\($0)`?" } ?? (candidates.isEmpty ? "" : " (it has \(wordList(candidates, conjunction: "and")))")
            diagnostics.append(Diagnostic(code, .warning, "\(place); \(consequence)\(known)", range,
                fixes: meant.map { [Fix(title: "Write `\($0)`", edits: [location.edit(found.shift(key.range), $0)])] } ?? []))
        }
    }

    /// A placeholder where Cekura does not document filling it in
    /// (`placeholder-unsupported-here`): `role`, `condition`, a case's
    /// `first_message` or `name`; and `{{function…}}` outside a script's actions.
    func checkUnsupported(_ found: Found, field: String, into diagnostics: inout [Diagnostic]) {
        switch found.placeholder.kind {
        case .testProfile:
            diagnostics.append(Diagnostic(.placeholderUnsupportedHere, .hint,
                "Cekura does not document whether `{{test_profile…}}` is filled in within \(field); it documents it in instructions, expected outcomes and actions",
                location.range(found.range)))
        case .function:
            diagnostics.append(Diagnostic(.placeholderUnsupportedHere, .warning,
                "`{{function…}}` is filled in only in the fixed-message actions of the script that declares the function (and in later functions' URLs), not in \(field); it stays as written",
                location.range(found.range)))
        case .malformed, .otherNamespace:
            break
        }
    }
}
