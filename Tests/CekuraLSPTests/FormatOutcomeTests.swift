import JSONSyntax
import Testing
@testable import cekura_lsp

@Suite struct FormatOutcomeTests {
    private func outcome(_ text: String) -> FormatCommand.Outcome {
        FormatCommand.outcome(of: SyntaxTree.parse(Array(text.utf8)))
    }

    @Test func formattedTextIsUnchanged() {
        #expect(outcome("{\n  \"a\": [\n    1\n  ]\n}\n") == .unchanged)
    }

    @Test func otherLayoutsChange() {
        #expect(outcome(#"{"a":[1]}"#) == .changed(Array("{\n  \"a\": [\n    1\n  ]\n}\n".utf8)))
    }

    @Test func syntaxErrorsAreCountedAndNothingIsFormatted() {
        #expect(outcome(#"{"a": 1,, "b": [1,]}"#) == .syntaxErrors(count: 2))
        #expect(FormatCommand.notFormattedMessage(path: "a.json", errorCount: 2)
            == "a.json: not formatted: 2 syntax errors (run cekura-lsp check a.json)")
        #expect(FormatCommand.notFormattedMessage(path: "a.json", errorCount: 1)
            == "a.json: not formatted: 1 syntax error (run cekura-lsp check a.json)")
    }

    @Test func duplicateKeysAreOnlyAWarningAndStillFormat() {
        #expect(outcome(#"{"a":1,"a":2}"#) == .changed(Array("{\n  \"a\": 1,\n  \"a\": 2\n}\n".utf8)))
    }
}
