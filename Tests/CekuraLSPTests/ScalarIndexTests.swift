import Testing
@testable import cekura_lsp

@Suite struct ScalarIndexTests {
    @Test func multiByteCharactersCountOnce() {
        let index = ScalarIndex(Array("a日🎉b".utf8))
        #expect([0, 1, 4, 8, 9].map(index.scalarCount(before:)) == [0, 1, 2, 3, 4])
    }

    @Test func offsetsInsideACharacterRoundDownToIt() {
        let index = ScalarIndex(Array("a🎉b".utf8))
        #expect([2, 3, 4].map(index.scalarCount(before:)) == [1, 1, 1])
    }

    @Test func eachIllFormedByteIsOneScalar() {
        let index = ScalarIndex([0x41, 0xE2, 0x82, 0x41, 0xFF, 0xC3, 0xA9, 0x41])
        #expect([3, 4, 5, 7, 8].map(index.scalarCount(before:)) == [3, 4, 5, 6, 7])
    }

    @Test func editorColumnsAreRelativeToTheLine() {
        let file = ReportFixture.file("\"日\"\n  \u{E9}x")
        #expect(file.editorPosition(of: 10) == EditorPosition(line: 2, column: 4))
    }
}
