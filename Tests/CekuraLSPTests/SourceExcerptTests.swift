import JSONSyntax
import Testing
@testable import cekura_lsp

@Suite struct SourceExcerptTests {
    private func excerpt(_ text: String, _ start: Int, _ end: Int) -> SourceExcerpt {
        let bytes = Array(text.utf8)
        return SourceExcerpt(source: bytes, lines: LineIndex(bytes), range: TextRange(start, end))
    }

    /// Byte offset of the first occurrence of `needle`.
    private func offset(of needle: String, in text: String) -> Int {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        return (0...bytes.count - pattern.count).first { Array(bytes[$0..<$0 + pattern.count]) == pattern }!
    }

    @Test func tabsAreCopiedIntoThePadding() {
        let text = "\t\t\"a\" 1"
        let start = offset(of: "1", in: text)
        #expect(excerpt(text, start, start + 1) == SourceExcerpt(sourceLine: text, caretLine: "\t\t    ^"))
    }

    @Test func combiningMarksTakeNoColumn() {
        let text = "\"e\u{301}\u{301}\" x"
        let start = offset(of: "x", in: text)
        #expect(excerpt(text, start, start + 1).caretLine == "    ^")
    }

    @Test func wideCharactersInsideTheRangeWidenTheUnderline() {
        let text = "[\"日本\"]"
        #expect(excerpt(text, 1, text.utf8.count - 1).caretLine == " ^~~~~~")
    }

    @Test func multiLineRangeIsUnderlinedToTheEndOfItsFirstLine() {
        let text = "{\"a\": [1,\n  2}"
        let start = offset(of: "[", in: text)
        #expect(excerpt(text, start, text.utf8.count) == SourceExcerpt(sourceLine: "{\"a\": [1,", caretLine: "      ^~~"))
    }

    @Test func emptyRangeAtTheEndOfALineGetsOneCaret() {
        let text = "{\"a\": 1\n}"
        let end = offset(of: "\n", in: text)
        #expect(excerpt(text, end, end) == SourceExcerpt(sourceLine: "{\"a\": 1", caretLine: "       ^"))
    }

    @Test func controlCharactersAreShownAsPictures() {
        let text = "\"a\u{1B}b\" x"
        let start = offset(of: "x", in: text)
        #expect(excerpt(text, start, start + 1) == SourceExcerpt(sourceLine: "\"a\u{241B}b\" x", caretLine: "      ^"))
    }

    @Test func invalidUTF8BytesAreOneReplacementCharacterEach() {
        let bytes: [UInt8] = [UInt8(ascii: "\""), 0xE2, 0x82, UInt8(ascii: "\""), UInt8(ascii: "x")]
        let result = SourceExcerpt(source: bytes, lines: LineIndex(bytes), range: TextRange(4, 5))
        #expect(result == SourceExcerpt(sourceLine: "\"\u{FFFD}\u{FFFD}\"x", caretLine: "    ^"))
    }

    @Test func longLinesAreCutToAWindowAroundTheRange() {
        let text = String(repeating: "1,", count: 300) + "x"
        let start = offset(of: "x", in: text)
        let result = excerpt(text, start, start + 1)
        // 40 characters before the range, and nothing to elide after it.
        #expect(result.sourceLine == "..." + String(repeating: "1,", count: 20) + "x")
        #expect(result.caretLine == String(repeating: " ", count: 3 + 40) + "^")

        let early = excerpt(text, 100, 101)
        #expect(early.sourceLine == "..." + String(repeating: "1,", count: 100) + "...")
        #expect(early.caretLine == String(repeating: " ", count: 3 + 40) + "^")
    }

    @Test func veryLongLinesAreDecodedOnlyAroundTheRangeAndNeverMidCharacter() {
        let wideBefore = String(repeating: "日", count: 300) + "x"
        let start = offset(of: "x", in: wideBefore)
        #expect(excerpt(wideBefore, start, start + 1) == SourceExcerpt(
            sourceLine: "..." + String(repeating: "日", count: 40) + "x",
            caretLine: String(repeating: " ", count: 3 + 80) + "^"))

        let wideAfter = "x" + String(repeating: "日", count: 300)
        #expect(excerpt(wideAfter, 0, 1) == SourceExcerpt(
            sourceLine: "x" + String(repeating: "日", count: 199) + "...", caretLine: "^"))
    }

    @Test func editorColumnsCountScalars() {
        let text = "\"🎉🎉日\" x"
        let file = ReportFixture.file(text)
        #expect(file.editorPosition(of: offset(of: "x", in: text)) == EditorPosition(line: 1, column: 7))
        #expect(file.lspPosition(of: offset(of: "x", in: text)) == LinePosition(line: 0, column: 8))
        // Inside the emoji's four bytes: the emoji's own column.
        #expect(file.editorPosition(of: 3) == EditorPosition(line: 1, column: 2))
    }
}
