import JSONSyntax
import Testing
@testable import cekura_lsp

@Suite struct GitHubReportTests {
    @Test func fixtureReport() {
        // 1-based, columns in scalars like the text report; endColumn is just after the range.
        let expected = """
            ::warning file=suites/a.json,line=4,col=6,endLine=4,endColumn=12,title=duplicate-key::"name" appears again later in this object; the API keeps only the last value, so this one is lost
            ::error file=suites/a.json,line=4,col=42,endLine=4,endColumn=48,title=missing-comma::a comma should separate this from what comes before
            ::warning file=suites/a.json,line=4,col=55,endLine=4,endColumn=61,title=duplicate-key::"name" is already a key of this object; this value replaces the earlier one

            """
        #expect(GitHubReport.render(ReportFixture.files) == expected)
    }

    @Test func propertiesAndDataAreEscaped() {
        var file = ReportFixture.file("{}\n", path: "a,b:c%.json")
        file.diagnostics = [
            Diagnostic(severity: .information, code: "x:y", message: "50% done\r\nnext: a, b", range: TextRange(0, 1)),
            Diagnostic(severity: .hint, code: "h", message: "m", range: TextRange(1, 3)),
        ]
        let expected = """
            ::notice file=a%2Cb%3Ac%25.json,line=1,col=1,endLine=1,endColumn=2,title=x%3Ay::50%25 done%0D%0Anext: a, b
            ::notice file=a%2Cb%3Ac%25.json,line=1,col=2,endLine=2,endColumn=1,title=h::m

            """
        #expect(GitHubReport.render([file]) == expected)
    }
}
