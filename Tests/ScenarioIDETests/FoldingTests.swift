import JSONSyntax
@testable import ScenarioIDE
import Testing

/// Folding regions by lines, and within lines for clients that take that.
struct FoldingTests {
    static let suite = """
        {
          "version": "1",
          // a note
          // on two lines
          "scenarios": [
            {"name": "a",
             "instructions": "i"},
            {"name": "b"}
          ],
          "suite": {"name": "x"} // a comment after a value
          // alone
        }
        """

    static func regions(_ text: String, fileName: String = "cekura.tests.json", lineFoldingOnly: Bool = true,
                        limit: Int? = nil) -> [FoldingRegion] {
        let fixture = CursorFixture(text, fileName: fileName)
        return Folding.regions(in: fixture.document, lines: LineIndex(Array(text.utf8)), lineFoldingOnly: lineFoldingOnly, limit: limit)
    }

    static func lines(_ regions: [FoldingRegion]) -> [String] {
        regions.map { "\($0.startLine)-\($0.endLine)\($0.kind == .comment ? " comment" : "")" }
    }

    @Test func blocksEndBeforeTheirClosingLineAndCommentRunsFold() {
        // The object of case "a" ends on the line after it starts: nothing is left to fold by lines.
        #expect(Self.lines(Self.regions(Self.suite)) == ["0-10", "2-3 comment", "4-7"])
    }

    @Test func withinLinesBlocksFoldBetweenTheirBrackets() throws {
        let regions = Self.regions(Self.suite, lineFoldingOnly: false)
        #expect(Self.lines(regions) == ["0-11", "2-3 comment", "4-8", "5-6"])
        let fixture = CursorFixture(Self.suite)
        let caseA = try #require(regions.last)
        #expect(fixture.covered(TextRange(caseA.start, caseA.end)) == "\"name\": \"a\",\n     \"instructions\": \"i\"")
        let comments = regions[1]
        #expect(fixture.covered(TextRange(comments.start, comments.end)) == "\n  // on two lines")
    }

    @Test func oneRegionPerStartLineTheOutermost() {
        let text = "{\"version\": \"1\", \"scenarios\": [{\"name\": \"a\",\n  \"instructions\": \"i\"},\n  {\"name\": \"b\"}\n]}"
        #expect(Self.lines(Self.regions(text, lineFoldingOnly: false)) == ["0-3"])
    }

    @Test func aLimitKeepsTheLargestRegions() {
        #expect(Self.lines(Self.regions(Self.suite, limit: 2)) == ["0-10", "4-7"])
        #expect(Self.regions(Self.suite, limit: 0).isEmpty)
    }

    @Test func unclosedBlocksOfAHalfTypedDocumentRunToTheEnd() {
        let text = "{\n  \"version\": \"1\",\n  \"scenarios\": [\n    {\"name\": \"a\",\n     \"instr"
        #expect(Self.lines(Self.regions(text)) == ["0-4", "2-4", "3-4"])
    }

    @Test func otherJSONFilesAreLeftToTheEditor() {
        #expect(Self.regions("{\n  \"name\": \"web\",\n  \"scripts\": {\n    \"a\": \"b\"\n  }\n}", fileName: "package.json").isEmpty)
    }
}
