import JSONSyntax
import Testing
@testable import cekura_lsp

@Suite struct SARIFReportTests {
    private func physicalLocation(_ uri: String, _ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> String {
        #"{"artifactLocation":{"uri":"\#(uri)"},"region":{"startLine":\#(startLine),"startColumn":\#(startColumn),"endLine":\#(endLine),"endColumn":\#(endColumn)}}"#
    }

    @Test func fixtureReport() {
        // 1-based, UTF-16 columns: `"type"` starts at column 43 (the emoji takes two units).
        let first = #"{"ruleId":"duplicate-key","ruleIndex":0,"level":"warning","message":{"text":"\"name\" appears again later in this object; the API keeps only the last value, so this one is lost"},"locations":[{"physicalLocation":"#
            + physicalLocation("suites/a.json", 4, 6, 4, 12)
            + #"}],"relatedLocations":[{"id":0,"physicalLocation":"#
            + physicalLocation("suites/a.json", 4, 56, 4, 62)
            + #","message":{"text":"the value the API keeps"}}]}"#
        let second = #"{"ruleId":"missing-comma","ruleIndex":1,"level":"error","message":{"text":"a comma should separate this from what comes before"},"locations":[{"physicalLocation":"#
            + physicalLocation("suites/a.json", 4, 43, 4, 49) + "}]}"
        let third = #"{"ruleId":"duplicate-key","ruleIndex":0,"level":"warning","message":{"text":"\"name\" is already a key of this object; this value replaces the earlier one"},"locations":[{"physicalLocation":"#
            + physicalLocation("suites/a.json", 4, 56, 4, 62)
            + #"}],"relatedLocations":[{"id":0,"physicalLocation":"#
            + physicalLocation("suites/a.json", 4, 6, 4, 12)
            + #","message":{"text":"an earlier \"name\""}}]}"#
        let expected = #"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"cekura-lsp","version":"\#(ToolIdentity.version)","informationUri":"https://docs.cekura.ai","rules":["#
            + #"{"id":"duplicate-key","shortDescription":{"text":"The same property name twice in one object."}},"#
            + #"{"id":"missing-comma","shortDescription":{"text":"Two members or elements without a comma between them."}}"#
            + #"]}},"columnKind":"utf16CodeUnits","results":["# + [first, second, third].joined(separator: ",") + "]}]}\n"
        #expect(SARIFReport.render(ReportFixture.files) == expected)
    }

    @Test func unknownCodesGetARuleWithoutDescriptionAndLesserSeveritiesAreNotes() {
        var file = ReportFixture.file("{}")
        file.diagnostics = [Diagnostic(severity: .hint, code: "not-a-syntax-code", message: "m", range: TextRange(0, 0))]
        let output = SARIFReport.render([file])
        #expect(output.contains(#""rules":[{"id":"not-a-syntax-code"}]"#))
        #expect(output.contains(#""ruleIndex":0,"level":"note""#))
    }

    @Test func artifactURIsArePercentEncoded() {
        #expect(SARIFReport.artifactURI("suites/a b.json") == "suites/a%20b.json")
        #expect(SARIFReport.artifactURI("c:d#é.json") == "c%3Ad%23%C3%A9.json")
        #expect(SARIFReport.artifactURI("/tmp/x.json") == "file:///tmp/x.json")
        #expect(SARIFReport.artifactURI("<stdin>") == "%3Cstdin%3E")
    }
}
