import JSONSyntax
import Testing
@testable import cekura_lsp

@Suite struct TextReportTests {
    @Test func fixtureReport() {
        // Carets: `"name"` is scalar column 6 after four spaces and `{`. `"type"`
        // is scalar column 42, but 日, 本 and 🎉 take two columns each, so its
        // caret has 41 + 3 spaces before it; the second `"name"` likewise 54 + 3.
        let expected = """
            suites/a.json:4:6: warning: "name" appears again later in this object; the API keeps only the last value, so this one is lost [duplicate-key]
            \(ReportFixture.suiteLine)
                 ^~~~~~
            suites/a.json:4:55: note: the value the API keeps
            suites/a.json:4:42: error: a comma should separate this from what comes before [missing-comma]
            \(ReportFixture.suiteLine)
            \(String(repeating: " ", count: 44))^~~~~~
            suites/a.json:4:55: warning: "name" is already a key of this object; this value replaces the earlier one [duplicate-key]
            \(ReportFixture.suiteLine)
            \(String(repeating: " ", count: 57))^~~~~~
            suites/a.json:4:6: note: an earlier "name"
            package.json: note: not recognised as a Cekura file; not checked
            3 files checked (2 not Cekura files, skipped): 1 error, 2 warnings

            """
        #expect(TextReport.render(ReportFixture.files, style: .plain) == expected)
    }

    @Test func walkedFileThatIsNotCekuraIsSilent() {
        #expect(TextReport.render(ReportFixture.walkedUnknown, style: .plain) == "")
    }

    @Test func summaryLineCountsInSingularAndPlural() {
        var summary = CheckSummary([])
        #expect(TextReport.summaryLine(summary) == "0 files checked: 0 errors, 0 warnings")
        summary.files = 1
        summary.unrecognised = 1
        summary.errors = 1
        summary.warnings = 1
        #expect(TextReport.summaryLine(summary) == "1 file checked (1 not a Cekura file, skipped): 1 error, 1 warning")
    }

    @Test func colourMarksLocationSeverityMessageAndCaret() {
        var file = ReportFixture.file("{\"name\": 1,}")
        file.diagnostics = [Diagnostic(severity: .error, code: "trailing-comma", message: "no", range: TextRange(10, 11))]
        let expected = "\u{1B}[1mx.cekura.json:1:11:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mno\u{1B}[0m [trailing-comma]\n"
            + "{\"name\": 1,}\n"
            + "\u{1B}[1;32m          ^\u{1B}[0m\n"
        #expect(TextReport.render(file, style: TerminalStyle(isEnabled: true)) == expected)
    }

    @Test func colourOnlyForATerminalWithoutOptOut() {
        #expect(TerminalStyle.forStandardOutput(noColorFlag: false, environment: [:], outputIsTerminal: true).isEnabled)
        #expect(!TerminalStyle.forStandardOutput(noColorFlag: false, environment: [:], outputIsTerminal: false).isEnabled)
        #expect(!TerminalStyle.forStandardOutput(noColorFlag: true, environment: [:], outputIsTerminal: true).isEnabled)
        #expect(!TerminalStyle.forStandardOutput(noColorFlag: false, environment: ["NO_COLOR": "1"],
                                                 outputIsTerminal: true).isEnabled)
        // no-color.org: an empty NO_COLOR does not opt out.
        #expect(TerminalStyle.forStandardOutput(noColorFlag: false, environment: ["NO_COLOR": ""],
                                                outputIsTerminal: true).isEnabled)
    }
}
