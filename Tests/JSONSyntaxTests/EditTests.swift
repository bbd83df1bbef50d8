import Testing
@testable import JSONSyntax

@Suite("Simultaneous edits")
struct SimultaneousEditTests {
    let bytes = Array("abcdef".utf8)

    @Test func theOrderOfNonOverlappingEditsDoesNotMatter() throws {
        let edits: [TextEdit] = [
            TextEdit(range: TextRange(1, 2), newText: "X"),
            .insert("Y", at: 4),
            .delete(TextRange(5, 6)),
            .insert("<", at: 0),
            .insert(">", at: 6),
        ]
        // Every permutation of the five edits.
        var permutations: [[TextEdit]] = [[]]
        for edit in edits {
            permutations = permutations.flatMap { permutation in
                (0...permutation.count).map { var copy = permutation; copy.insert(edit, at: $0); return copy }
            }
        }
        #expect(permutations.count == 120)
        for permutation in permutations {
            #expect(text(try bytes.applying(permutation)) == "<aXcdYe>")
        }
    }

    @Test func insertionsAtOneOffsetKeepTheirOrder() throws {
        #expect(text(try bytes.applying([.insert("1", at: 2), .insert("2", at: 2), .insert("3", at: 2)])) == "ab123cdef")
        #expect(text(try bytes.applying([.insert("3", at: 2), .insert("2", at: 2), .insert("1", at: 2)])) == "ab321cdef")
        // Other edits in between do not disturb that order.
        #expect(text(try bytes.applying([.insert("1", at: 2), .delete(TextRange(0, 1)), .insert("2", at: 2)])) == "b12cdef")
        // An insertion at the start of a replacement given first goes first.
        #expect(text(try bytes.applying([.insert("1", at: 2), TextEdit(range: TextRange(2, 4), newText: "R")])) == "ab1Ref")
    }

    @Test func adjacentEditsDoNotOverlap() throws {
        let edits: [TextEdit] = [.delete(TextRange(2, 3)), TextEdit(range: TextRange(1, 2), newText: "B"), .delete(TextRange(3, 4))]
        #expect(text(try bytes.applying(edits)) == "aBef")
        #expect(text(try bytes.applying([.insert("!", at: 6)])) == "abcdef!")
    }

    @Test(arguments: [
        ([TextEdit(range: TextRange(1, 3), newText: "x"), TextEdit(range: TextRange(2, 4), newText: "y")], TextRange(1, 3), TextRange(2, 4)),
        ([TextEdit(range: TextRange(2, 4), newText: "y"), TextEdit(range: TextRange(1, 3), newText: "x")], TextRange(1, 3), TextRange(2, 4)),
        ([.delete(TextRange(1, 4)), .insert("z", at: 2)], TextRange(1, 4), TextRange(2, 2)),
        ([.delete(TextRange(0, 6)), .delete(TextRange(0, 6))], TextRange(0, 6), TextRange(0, 6)),
        ([.delete(TextRange(1, 5)), .delete(TextRange(2, 3))], TextRange(1, 5), TextRange(2, 3)),
        // LSP allows inserts *followed by* one remove at the same start, not the reverse.
        ([.delete(TextRange(2, 4)), .insert("z", at: 2)], TextRange(2, 4), TextRange(2, 2)),
    ])
    func overlappingEditsThrow(_ edits: [TextEdit], _ first: TextRange, _ second: TextRange) {
        #expect(throws: EditError.overlapping(first, second)) { try bytes.applying(edits) }
    }

    @Test func editsOutsideTheTextThrow() {
        #expect(throws: EditError.outOfBounds(TextRange(5, 7))) { try bytes.applying([.delete(TextRange(5, 7))]) }
        #expect(throws: EditError.outOfBounds(TextRange(9, 9))) { try bytes.applying([.insert("x", at: 9)]) }
        #expect(throws: EditError.outOfBounds(TextRange(-1, 2))) { try bytes.applying([.delete(TextRange(-1, 2))]) }
        #expect(throws: EditError.outOfBounds(TextRange(-2, -2))) { try bytes.applying([.insert("x", at: -2)]) }
    }

    @Test func noEditsLeaveTheTextAlone() throws {
        #expect(try bytes.applying([]) == bytes)
        #expect(try [UInt8]().applying([.insert("{}", at: 0)]) == Array("{}".utf8))
    }

    @Test func documentEditsReparse() throws {
        let document = JSONDocument(text: #"{"a": 1 "b": 2}"#)
        #expect(document.tree.codes == ["missing-comma"])
        let fix = try #require(document.tree.diagnostics.first?.fixes.first)
        let fixed = try document.applying(fix.edits)
        #expect(fixed.text == #"{"a": 1, "b": 2}"#)
        #expect(fixed.tree.diagnostics.isEmpty)
        #expect(fixed.lineIndex.byteCount == fixed.bytes.count)
        #expect(throws: EditError.self) { try document.applying([.delete(TextRange(0, 99))]) }
    }
}

@Suite("Sequential LSP changes")
struct SequentialChangeTests {
    typealias Change = JSONDocument.Change

    static func change(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int, _ text: String) -> Change {
        Change(range: (LinePosition(line: startLine, column: startColumn), LinePosition(line: endLine, column: endColumn)),
               text: text)
    }

    @Test func utf16PositionsAfterAnEmoji() {
        let document = JSONDocument(text: #"{"a": "😀x"}"#)
        // "x" starts at UTF-16 column 9 (the emoji is two code units) and byte column 11.
        let utf16 = document.applying([Self.change(0, 9, 0, 10, "y")], encoding: .utf16)
        #expect(utf16.text == #"{"a": "😀y"}"#)
        let utf8 = document.applying([Self.change(0, 11, 0, 12, "y")], encoding: .utf8)
        #expect(utf8.text == #"{"a": "😀y"}"#)
        #expect(utf16.tree.root?[key: "a"]?.stringValue == "😀y")
    }

    @Test func eachChangeSeesTheTextThePreviousOneLeft() {
        let document = JSONDocument(text: "{\n  \"a\": 1\n}")
        let result = document.applying([
            Self.change(1, 0, 1, 0, "  \"😀\": 0,\n"),   // a new line 1; "a" moves to line 2
            Self.change(2, 7, 2, 8, "2"),                 // the 1 of "a"
            Self.change(1, 8, 1, 9, "5"),                 // the 0 after the emoji, in UTF-16 columns
            Self.change(3, 1, 3, 1, "\n"),
        ], encoding: .utf16)
        #expect(result.text == "{\n  \"😀\": 5,\n  \"a\": 2\n}\n")
        #expect(result.tree.diagnostics.isEmpty)
        #expect(result.tree.root?[key: "😀"]?.intValue == 5)
        #expect(result.lineIndex.lineCount == 5)
    }

    @Test func fullTextReplacement() {
        let document = JSONDocument(text: #"{"old": true}"#)
        let replaced = document.applying([Change(range: nil, text: "[1]")], encoding: .utf16)
        #expect(replaced.text == "[1]")
        let thenEdited = document.applying([Change(range: nil, text: "[1]"), Self.change(0, 1, 0, 2, "😀")], encoding: .utf16)
        #expect(thenEdited.text == "[😀]")
        let editedThenReplaced = document.applying([Self.change(0, 0, 0, 1, "x"), Change(range: nil, text: "{}")], encoding: .utf16)
        #expect(editedThenReplaced.text == "{}")
    }

    @Test func rangesPastTheEndClamp() {
        let document = JSONDocument(text: "[1,\n2]")
        #expect(document.applying([Self.change(0, 99, 0, 99, " ")], encoding: .utf16).text == "[1, \n2]")
        #expect(document.applying([Self.change(1, 2, 9, 9, "\n")], encoding: .utf16).text == "[1,\n2]\n")
        #expect(document.applying([Self.change(7, 0, 8, 0, "!")], encoding: .utf8).text == "[1,\n2]!")
        #expect(document.applying([Self.change(0, 3, 5, 0, "]")], encoding: .utf16).text == "[1,]")
        // A range given end first collapses to an insertion at its start.
        #expect(document.applying([Self.change(1, 1, 0, 1, "0")], encoding: .utf16).text == "[1,\n20]")
    }

    @Test func crlfLinesAndPositionsInsideASurrogatePair() {
        let document = JSONDocument(text: "[\"😀\",\r\n2]")
        #expect(document.applying([Self.change(1, 0, 1, 1, "3")], encoding: .utf16).text == "[\"😀\",\r\n3]")
        // Column 3 is inside the emoji: the start clamps to the emoji's start.
        #expect(document.applying([Self.change(0, 3, 0, 4, "é")], encoding: .utf16).text == "[\"é\",\r\n2]")
    }

    @Test func noChangesGiveTheSameText() {
        let document = JSONDocument(text: "{}")
        #expect(document.applying([], encoding: .utf16).text == "{}")
    }
}
