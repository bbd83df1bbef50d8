import Testing
@testable import JSONSyntax
import ScenarioFixtures

@Suite("LineIndex")
struct LineIndexTests {
    @Test func allThreeLineEnds() {
        let index = LineIndex(Array("a\nbc\r\nd\re".utf8))
        #expect(index.lineCount == 4)
        #expect((0..<4).map(index.lineRange) == [TextRange(0, 1), TextRange(2, 4), TextRange(6, 7), TextRange(8, 9)])
        #expect((0...9).map(index.line(of:)) == [0, 0, 1, 1, 1, 1, 2, 2, 3, 3])
        #expect(index.byteCount == 9)
    }

    @Test func anOffsetInsideCRLFBelongsToTheLineItEnds() {
        let f = Fixture("ab\r$0\ncd")
        let index = LineIndex(f.bytes)
        #expect(index.line(of: f.offset) == 0)
        #expect(index.position(of: f.offset, in: .utf8) == LinePosition(line: 0, column: 2))
        #expect(index.position(of: f.offset, in: .utf16) == LinePosition(line: 0, column: 2))
        #expect(index.position(of: f.offset + 1, in: .utf16) == LinePosition(line: 1, column: 0))
    }

    @Test func emptyAndTrailingLines() {
        let empty = LineIndex([])
        #expect(empty.lineCount == 1)
        #expect(empty.position(of: 0, in: .utf16) == LinePosition(line: 0, column: 0))
        #expect(empty.offset(of: LinePosition(line: 0, column: 5), in: .utf16) == 0)

        let trailing = LineIndex(Array("a\n".utf8))
        #expect(trailing.lineCount == 2)
        #expect(trailing.lineRange(1) == .empty(at: 2))
        #expect(trailing.position(of: 2, in: .utf8) == LinePosition(line: 1, column: 0))

        let blankLines = LineIndex(Array("\n\r\n\r".utf8))
        #expect(blankLines.lineCount == 4)
        #expect((0..<4).map(blankLines.lineRange) == [.empty(at: 0), .empty(at: 1), .empty(at: 3), .empty(at: 4)])
    }

    /// `$0` marks the offset; the expected position is given in both encodings.
    @Test(arguments: [
        ("😀$0", 0, 4, 2),
        ("a😀b$0", 0, 6, 4),
        ("a\n日本語$0x", 1, 9, 3),
        ("e\u{301}$0!", 0, 3, 2),
        ("\r\n😀a$0", 1, 5, 3),
        ("x\r😀😀$0\n", 1, 8, 4),
        ("{\"k\": \"𝄞é\"}\r\n  $0\"v\"", 1, 2, 2),
        ("ab$0", 0, 2, 2),
        ("$0", 0, 0, 0),
    ])
    func positionsInBothEncodings(_ marked: String, _ line: Int, _ utf8Column: Int, _ utf16Column: Int) {
        let f = Fixture(marked)
        let index = LineIndex(f.bytes)
        let utf8 = LinePosition(line: line, column: utf8Column)
        let utf16 = LinePosition(line: line, column: utf16Column)
        #expect(index.position(of: f.offset, in: .utf8) == utf8)
        #expect(index.position(of: f.offset, in: .utf16) == utf16)
        #expect(index.offset(of: utf8, in: .utf8) == f.offset)
        #expect(index.offset(of: utf16, in: .utf16) == f.offset)
    }

    @Test func aColumnInsideASurrogatePairClampsToItsStart() {
        let f = Fixture("ab$0😀c")
        let index = LineIndex(f.bytes)
        #expect(index.offset(of: LinePosition(line: 0, column: 3), in: .utf16) == f.offset)
        #expect(index.offset(of: LinePosition(line: 0, column: 4), in: .utf16) == f.offset + 4)
        // A byte column inside the character clamps the same way.
        for column in 3...5 {
            #expect(index.offset(of: LinePosition(line: 0, column: column), in: .utf8) == f.offset)
        }
        // And so does an offset inside it.
        for offset in f.offset + 1..<f.offset + 4 {
            #expect(index.position(of: offset, in: .utf16) == LinePosition(line: 0, column: 2))
            #expect(index.position(of: offset, in: .utf8) == LinePosition(line: 0, column: 2))
        }
    }

    @Test func aColumnInsideASurrogatePairOnALaterLine() {
        let f = Fixture("😀😀\n日$0😀")
        let index = LineIndex(f.bytes)
        #expect(index.offset(of: LinePosition(line: 1, column: 2), in: .utf16) == f.offset)
        #expect(index.offset(of: LinePosition(line: 1, column: 3), in: .utf16) == f.bytes.count)
    }

    @Test func positionsPastTheEndClamp() {
        let f = Fixture("ab$0\nc😀d$[$]")
        let index = LineIndex(f.bytes)
        for encoding in PositionEncoding.allCases {
            #expect(index.offset(of: LinePosition(line: 0, column: 99), in: encoding) == f.offset)
            #expect(index.offset(of: LinePosition(line: 1, column: 99), in: encoding) == f.range.end)
            #expect(index.offset(of: LinePosition(line: 7, column: 0), in: encoding) == f.bytes.count)
            #expect(index.offset(of: LinePosition(line: -1, column: 3), in: encoding) == 0)
            #expect(index.offset(of: LinePosition(line: 1, column: -4), in: encoding) == f.offset + 1)
        }
        #expect(index.position(of: 1_000, in: .utf16) == LinePosition(line: 1, column: 4))
        #expect(index.position(of: 1_000, in: .utf8) == LinePosition(line: 1, column: 6))
        #expect(index.position(of: -3, in: .utf16) == LinePosition(line: 0, column: 0))
        #expect(index.lineRange(99) == index.lineRange(1))
    }

    @Test func rangesConvertBothWays() {
        let f = Fixture("{\n  \"😀\": $[\"日本\"$]\n}")
        let index = LineIndex(f.bytes)
        let (start, end) = index.range(of: f.range, in: .utf16)
        #expect(start == LinePosition(line: 1, column: 8))
        #expect(end == LinePosition(line: 1, column: 12))
        #expect(index.textRange(from: start, to: end, in: .utf16) == f.range)
        // A reversed range collapses to its start rather than failing.
        #expect(index.textRange(from: end, to: start, in: .utf16) == .empty(at: f.range.end))
    }

    @Test func anInvalidByteCountsAsOneUnit() {
        let f = Fixture("a$xFF$xFEb$0")
        let index = LineIndex(f.bytes)
        #expect(index.position(of: f.offset, in: .utf16) == LinePosition(line: 0, column: 4))
        #expect(index.position(of: f.offset, in: .utf8) == LinePosition(line: 0, column: 4))
        #expect(index.offset(of: LinePosition(line: 0, column: 2), in: .utf16) == 2)
    }

    /// Compares with Swift's own view of the same text: lines split at the
    /// characters Swift calls newlines, columns counted by `String.utf16`.
    @Test func utf16ColumnsMatchSwiftOnRandomText() {
        let pieces = ["a", "b", " ", "{", "\"", "é", "日本語", "😀", "𝄞", "e\u{301}", "\n", "\r\n", "\r", "👍🏽", "\t"]
        var generator = SplitMix64(seed: 0x5EED_1DE5)
        var checked = 0
        for _ in 0..<25 {
            let length = Int.random(in: 0...60, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let index = LineIndex(bytes)

            // Line starts and scalar boundaries as Swift sees them.
            var lineStarts = [0]
            var offset = 0
            for character in text {
                offset += character.utf8.count
                if character.isNewline { lineStarts.append(offset) }
            }
            var boundaries: [Int] = []
            offset = 0
            for scalar in text.unicodeScalars {
                boundaries.append(offset)
                offset += scalar.utf8.count
            }
            boundaries.append(offset)
            #expect(index.lineCount == lineStarts.count, "\(text.debugDescription)")

            for _ in 0..<24 {
                let probe = Int.random(in: 0...bytes.count, using: &generator)
                let boundary = boundaries.last { $0 <= probe }!
                // Swift keeps "\r\n" as one character, so an offset between its
                // two bytes falls in the line the pair ends, as LSP wants.
                let line = lineStarts.lastIndex { $0 <= boundary }!
                let lineStart = lineStarts[line]
                let lineText = String(decoding: bytes[lineStart..<boundary], as: UTF8.self)
                let lineContent = lineText.hasSuffix("\r") ? String(lineText.dropLast()) : lineText
                let expected = LinePosition(line: line, column: lineContent.utf16.count)
                let position = index.position(of: probe, in: .utf16)
                #expect(position == expected, "offset \(probe) in \(text.debugDescription)")
                #expect(index.position(of: probe, in: .utf8) == LinePosition(line: line, column: lineContent.utf8.count))
                if position == expected, lineContent == lineText {
                    #expect(index.offset(of: position, in: .utf16) == boundary, "offset \(probe) in \(text.debugDescription)")
                }
                checked += 1
            }
        }
        #expect(checked == 600)
    }
}
