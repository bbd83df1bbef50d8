import Foundation
import JSONSyntax
import Testing
@testable import cekura_lsp

@Suite struct JSONReportTests {
    @Test func fixtureReport() {
        // LSP positions: 0-based line 3; `"type"` is UTF-16 column 42 (the emoji
        // takes two units), one more than the scalars before it.
        let duplicateFirst = #"{"severity":"warning","code":"duplicate-key","message":"\"name\" appears again later in this object; the API keeps only the last value, so this one is lost","range":{"start":{"line":3,"character":5},"end":{"line":3,"character":11}},"related":[{"range":{"start":{"line":3,"character":55},"end":{"line":3,"character":61}},"message":"the value the API keeps"}]}"#
        let missingComma = #"{"severity":"error","code":"missing-comma","message":"a comma should separate this from what comes before","range":{"start":{"line":3,"character":42},"end":{"line":3,"character":48}},"fixes":[{"title":"Insert ','","edits":[{"range":{"start":{"line":3,"character":41},"end":{"line":3,"character":41}},"newText":","}]}]}"#
        let duplicateLast = #"{"severity":"warning","code":"duplicate-key","message":"\"name\" is already a key of this object; this value replaces the earlier one","range":{"start":{"line":3,"character":55},"end":{"line":3,"character":61}},"related":[{"range":{"start":{"line":3,"character":5},"end":{"line":3,"character":11}},"message":"an earlier \"name\""}]}"#
        let expected = #"{"files":[{"path":"suites/a.json","kind":"test-suite","diagnostics":["#
            + [duplicateFirst, missingComma, duplicateLast].joined(separator: ",")
            + #"]},{"path":"package.json","kind":"unknown","diagnostics":[]},"#
            + #"{"path":"suites/tsconfig.json","kind":"unknown","diagnostics":[]}],"#
            + #""summary":{"files":3,"errors":1,"warnings":2}}"# + "\n"
        #expect(JSONReport.render(ReportFixture.files) == expected)
    }

    @Test func outputIsValidJSON() throws {
        let output = JSONReport.render(ReportFixture.files)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect((object?["summary"] as? [String: Int]) == ["files": 3, "errors": 1, "warnings": 2])
    }

    @Test func stringsAreEscapedAsRFC8259Requires() {
        let value = JSONValue.string("q\"b\\n\n\r\t\u{08}\u{0C}\u{01}\u{1F}é🎉")
        #expect(value.serialized == #""q\"b\\n\n\r\t\b\f\u0001\u001Fé🎉""#)
    }
}
