import JSONSyntax

/// ANSI styling for the text report. A disabled style returns text unchanged,
/// so the report is written once for terminals and pipes alike.
struct TerminalStyle: Sendable {
    var isEnabled: Bool

    static let plain = TerminalStyle(isEnabled: false)

    /// Colour only for a person at a terminal who has not opted out, with
    /// `--no-color` or the `NO_COLOR` convention (https://no-color.org: any
    /// non-empty value).
    static func forStandardOutput(noColorFlag: Bool, environment: [String: String], outputIsTerminal: Bool) -> TerminalStyle {
        let optedOut = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalStyle(isEnabled: outputIsTerminal && !optedOut)
    }

    func bold(_ text: String) -> String { apply("1", text) }
    func caret(_ text: String) -> String { apply("1;32", text) }
    func note(_ text: String) -> String { apply("1;36", text) }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: apply("1;31", text)
        case .warning: apply("1;33", text)
        case .information: apply("1;34", text)
        case .hint: apply("1;36", text)
        }
    }

    private func apply(_ code: String, _ text: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
