import JSONSyntax

/// The human-readable report: one block per diagnostic, like a compiler's,
///
///     suite.json:4:42: error: a comma should separate this from what comes before [missing-comma]
///         {"name": "日本 🎉", "instructions": "x" "type": "y"}
///                                                 ^~~~~~
///
/// then a note per related location and a summary line.
enum TextReport {
    static func render(_ files: [CheckedFile], style: TerminalStyle) -> String {
        files.map { render($0, style: style) }.joined() + summaryLine(CheckSummary(files)) + "\n"
    }

    static func render(_ file: CheckedFile, style: TerminalStyle) -> String {
        guard file.kind != .unknown else {
            return file.isExplicit
                ? "\(style.bold(file.path + ":")) \(style.note("note:")) not recognised as a Cekura file; not checked\n"
                : ""
        }
        var text = ""
        for diagnostic in file.diagnostics {
            let excerpt = SourceExcerpt(source: file.source, lines: file.lines, range: diagnostic.range, redactions: file.redactions)
            text += "\(style.bold(location(file, diagnostic.range.start) + ":")) "
                + "\(style.severity(diagnostic.severity, diagnostic.severity.name + ":")) "
                + "\(style.bold(diagnostic.message)) [\(diagnostic.code)]\n"
            text += excerpt.sourceLine + "\n" + style.caret(excerpt.caretLine) + "\n"
            for related in diagnostic.related {
                text += "\(style.bold(location(file, related.range.start) + ":")) \(style.note("note:")) \(related.message)\n"
            }
        }
        return text
    }

    /// `2 files checked (1 not a Cekura file, skipped): 3 errors, 1 warning`
    static func summaryLine(_ summary: CheckSummary) -> String {
        var line = counted(summary.files, "file", "files") + " checked"
        if summary.unrecognised > 0 {
            line += " (" + counted(summary.unrecognised, "not a Cekura file", "not Cekura files") + ", skipped)"
        }
        return line + ": " + counted(summary.errors, "error", "errors") + ", "
            + counted(summary.warnings, "warning", "warnings")
    }

    private static func location(_ file: CheckedFile, _ offset: Int) -> String {
        let position = file.editorPosition(of: offset)
        return "\(file.path):\(position.line):\(position.column)"
    }

    private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
