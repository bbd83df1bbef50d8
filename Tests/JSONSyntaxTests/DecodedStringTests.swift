import Testing
@testable import JSONSyntax

/// The start of the first occurrence of `needle` in `haystack`, by bytes.
func firstRange(of needle: some Collection<UInt8>, in haystack: [UInt8]) -> Range<Int>? {
    let needle = Array(needle)
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
        return start..<start + needle.count
    }
    return nil
}

@Suite("DecodedString")
struct DecodedStringTests {
    /// Pieces of string content as written and as decoded. Each piece is one
    /// escape or one literal character, so its boundaries are where the two
    /// sides must line up.
    static let pieces: [(source: String, decoded: String)] = [
        ("a", "a"), (#"\n"#, "\n"), ("b", "b"), (#"\""#, "\""), ("c", "c"), (#"\\"#, "\\"),
        (#"\/"#, "/"), (#"\t"#, "\t"), ("d", "d"), (#"\u00e9"#, "é"), ("f", "f"),
        (#"\ud83d\ude00"#, "😀"), ("g", "g"), ("😀", "😀"), ("h", "h"), ("日", "日"), ("本", "本"),
        ("e", "e"), ("\u{301}", "\u{301}"), (#"\u65E5"#, "日"), (#"\b"#, "\u{08}"), (#"\f"#, "\u{0C}"),
        (#"\r"#, "\r"), ("z", "z"),
    ]

    struct Layout {
        let node: SyntaxNode
        let decoded: DecodedString
        /// Source and decoded byte ranges of each piece.
        let spans: [(source: Range<Int>, decoded: Range<Int>, isEscape: Bool)]
    }

    static func layout() throws -> Layout {
        let source = pieces.map(\.source).joined()
        let tree = SyntaxTree("[\"\(source)\"]")
        #expect(tree.diagnostics.isEmpty)
        let node = try #require(tree.root?[index: 0])
        var spans: [(Range<Int>, Range<Int>, Bool)] = []
        var sourceOffset = node.contentRange.start, decodedOffset = 0
        for piece in pieces {
            let sourceLength = piece.source.utf8.count, decodedLength = piece.decoded.utf8.count
            spans.append((sourceOffset..<sourceOffset + sourceLength, decodedOffset..<decodedOffset + decodedLength,
                          piece.source != piece.decoded))
            sourceOffset += sourceLength
            decodedOffset += decodedLength
        }
        #expect(sourceOffset == node.contentRange.end)
        return Layout(node: node, decoded: node.decoded, spans: spans)
    }

    @Test func valueOfEveryEscape() throws {
        let layout = try Self.layout()
        #expect(layout.decoded.value == Self.pieces.map(\.decoded).joined())
        #expect(layout.decoded.utf8Count == layout.decoded.value.utf8.count)
        #expect(layout.decoded.contentRange == layout.node.contentRange)
        #expect(layout.node.stringValue == layout.decoded.value)
    }

    @Test func piecesMapToTheirExactSourceBytes() throws {
        let layout = try Self.layout()
        let decoded = layout.decoded
        for (source, target, _) in layout.spans {
            #expect(decoded.sourceOffset(ofDecoded: target.lowerBound) == source.lowerBound)
            #expect(decoded.sourceRange(ofDecoded: target) == TextRange(source.lowerBound, source.upperBound),
                    "piece at decoded \(target)")
            #expect(decoded.decodedOffset(ofSource: source.lowerBound) == target.lowerBound)
        }
        #expect(decoded.sourceOffset(ofDecoded: decoded.utf8Count) == layout.node.contentRange.end)
        #expect(decoded.decodedOffset(ofSource: layout.node.contentRange.end) == decoded.utf8Count)
    }

    @Test func offsetsInsideAnEscapeRoundToItsEnds() throws {
        let layout = try Self.layout()
        let decoded = layout.decoded
        for (source, target, isEscape) in layout.spans {
            // Inside the decoded bytes of an escape (é is two bytes, 😀 four).
            for offset in target.dropFirst() {
                if isEscape {
                    #expect(decoded.sourceOffset(ofDecoded: offset) == source.lowerBound)
                    #expect(decoded.sourceOffset(ofDecoded: offset, roundingUp: true) == source.upperBound)
                } else {
                    // A raw multi-byte character maps byte for byte.
                    #expect(decoded.sourceOffset(ofDecoded: offset) == source.lowerBound + (offset - target.lowerBound))
                }
            }
            // Inside the source bytes of an escape.
            for offset in source.dropFirst() {
                let expected = isEscape ? target.lowerBound : target.lowerBound + (offset - source.lowerBound)
                #expect(decoded.decodedOffset(ofSource: offset) == expected, "source offset \(offset)")
            }
        }
    }

    @Test func roundTrips() throws {
        let layout = try Self.layout()
        let decoded = layout.decoded
        let decodedBoundaries = Set(layout.spans.map(\.decoded.lowerBound) + [decoded.utf8Count])
        let sourceBoundaries = Set(layout.spans.map(\.source.lowerBound) + [layout.node.contentRange.end])
        for offset in 0...decoded.utf8Count {
            let there = decoded.sourceOffset(ofDecoded: offset)
            let back = decoded.decodedOffset(ofSource: there)
            if decodedBoundaries.contains(offset) { #expect(back == offset) } else { #expect(back <= offset) }
        }
        for offset in layout.node.contentRange.start...layout.node.contentRange.end {
            let there = decoded.decodedOffset(ofSource: offset)
            let back = decoded.sourceOffset(ofDecoded: there)
            if sourceBoundaries.contains(offset) { #expect(back == offset) } else { #expect(back <= offset) }
        }
    }

    @Test func offsetsOutsideTheContentClamp() throws {
        let layout = try Self.layout()
        let decoded = layout.decoded
        #expect(decoded.sourceOffset(ofDecoded: -5) == layout.node.contentRange.start)
        #expect(decoded.sourceOffset(ofDecoded: decoded.utf8Count + 100) == layout.node.contentRange.end)
        #expect(decoded.decodedOffset(ofSource: 0) == 0)
        #expect(decoded.decodedOffset(ofSource: 1_000_000) == decoded.utf8Count)
    }

    @Test func tagInsideAnEscapedActionString() throws {
        let f = Fixture(#"{"action": "Say \"hi\" $[<silence time=\"2s\"/>$] then \u00e9 <break time=\"1s\"/>"}"#)
        let tree = f.parse()
        #expect(tree.diagnostics.isEmpty)
        let action = try #require(tree.root?[key: "action"])
        let decoded = action.decoded
        #expect(decoded.value == #"Say "hi" <silence time="2s"/> then é <break time="1s"/>"#)

        let silence = try #require(firstRange(of: #"<silence time="2s"/>"#.utf8, in: Array(decoded.value.utf8)))
        let silenceSource = decoded.sourceRange(ofDecoded: silence)
        #expect(silenceSource == f.range)
        #expect(tree.text(in: silenceSource) == #"<silence time=\"2s\"/>"#)

        // After the \u00e9 escape the two sides are out of step by four bytes.
        let breakTag = try #require(firstRange(of: #"<break time="1s"/>"#.utf8, in: Array(decoded.value.utf8)))
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: breakTag)) == #"<break time=\"1s\"/>"#)

        // Just the "2s" inside the escaped quotes.
        let twoSeconds = try #require(firstRange(of: "2s".utf8, in: Array(decoded.value.utf8)))
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: twoSeconds)) == "2s")

        // A range that ends on an escape covers all of it...
        let iAndQuote = silence.lowerBound - 3..<silence.lowerBound - 1 // `i"` of `"hi"`
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: iAndQuote)) == #"i\""#)
        // ...and one that starts or ends inside an escape widens to cover it.
        let eAcute = try #require(firstRange(of: "é".utf8, in: Array(decoded.value.utf8)))
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: eAcute.lowerBound + 1..<eAcute.upperBound)) == #"\u00e9"#)
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: eAcute.lowerBound - 1..<eAcute.lowerBound + 1)) == #" \u00e9"#)
    }

    @Test func plainStringMapsOneToOne() throws {
        let f = Fixture(#"{"k": "$[héllo 😀$]"}"#)
        let tree = f.parse()
        let value = try #require(tree.root?[key: "k"])
        let decoded = value.decoded
        #expect(decoded.contentRange == f.range)
        #expect(decoded.value == "héllo 😀")
        for offset in 0...decoded.utf8Count {
            #expect(decoded.sourceOffset(ofDecoded: offset) == f.range.start + offset)
            #expect(decoded.decodedOffset(ofSource: f.range.start + offset) == offset)
        }
    }

    @Test func invalidByteDecodesToReplacementCharacter() throws {
        let f = Fixture(#"["a$[$xFF$]b"]"#)
        let tree = f.parse()
        let decoded = try #require(tree.root?[index: 0]).decoded
        #expect(decoded.value == "a\u{FFFD}b")
        #expect(decoded.utf8Count == 5)
        #expect(decoded.sourceRange(ofDecoded: 1..<4) == f.range)
        #expect(decoded.sourceOffset(ofDecoded: 4) == f.range.end)
        #expect(decoded.decodedOffset(ofSource: f.range.end) == 4)
    }

    @Test func invalidEscapesKeepTheirBackslash() throws {
        let f = Fixture(#"["$[\q$]$[\u12$]x"]"#)
        let tree = f.parse()
        let decoded = try #require(tree.root?[index: 0]).decoded
        #expect(decoded.value == #"\q\u12x"#)
        #expect(decoded.sourceRange(ofDecoded: 0..<2) == f.ranges[0])
        #expect(decoded.sourceRange(ofDecoded: 2..<6) == f.ranges[1])
    }

    @Test func singleQuotedStringDecodesEscapedApostrophe() throws {
        let f = Fixture(#"['it$[\'$]s']"#)
        let tree = f.parse()
        let decoded = try #require(tree.root?[index: 0]).decoded
        #expect(decoded.value == "it's")
        #expect(decoded.sourceRange(ofDecoded: 2..<3) == f.range)
        #expect(decoded.decodedOffset(ofSource: f.range.end) == 3)
    }

    @Test func unterminatedStringAndUnquotedKeyContent() throws {
        let unterminated = Fixture("[\"$[ab\\n$]\n]")
        let value = try #require(unterminated.parse().root?[index: 0])
        #expect(value.contentRange == unterminated.range)
        #expect(value.decoded.value == "ab\n")

        let unquoted = Fixture(#"{$[key_1$]: 1}"#)
        let key = try #require(unquoted.parse().root?.members.first?.key)
        #expect(key.contentRange == unquoted.range)
        #expect(key.decoded.value == "key_1")
        #expect(key.decoded.sourceOffset(ofDecoded: 3) == unquoted.range.start + 3)
    }

    @Test func emptyString() throws {
        let f = Fixture(#"["$0"]"#)
        let decoded = try #require(f.parse().root?[index: 0]).decoded
        #expect(decoded.value == "")
        #expect(decoded.contentRange == .empty(at: f.offset))
        #expect(decoded.sourceRange(ofDecoded: 0..<0) == .empty(at: f.offset))
        #expect(decoded.decodedOffset(ofSource: f.offset) == 0)
    }
}
