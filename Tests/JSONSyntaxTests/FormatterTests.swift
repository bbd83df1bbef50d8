import Testing
@testable import JSONSyntax

@Suite("JSONFormatter")
struct FormatterTests {
    func format(_ text: String, indentWidth: Int = 2) -> String? {
        JSONFormatter.format(SyntaxTree(text), indentWidth: indentWidth)
    }

    @Test func twoSpaceLayoutKeepsKeyOrder() {
        let input = #"{"b":1,"a":[1,2,{"c":null,"d":false}],"e":{},"f":[],"g":"x","h":[[]],"i":{"j":{}}}"#
        let expected = """
        {
          "b": 1,
          "a": [
            1,
            2,
            {
              "c": null,
              "d": false
            }
          ],
          "e": {},
          "f": [],
          "g": "x",
          "h": [
            []
          ],
          "i": {
            "j": {}
          }
        }

        """
        #expect(format(input) == expected)
    }

    @Test func spellingsAreKeptExactly() {
        let input = #"[1.0e+3,-0.0,1E5,  "\u00e9", "a\/b",true ,"😀\ud83d\ude00", 0.10]"#
        let expected = """
        [
          1.0e+3,
          -0.0,
          1E5,
          "\\u00e9",
          "a\\/b",
          true,
          "😀\\ud83d\\ude00",
          0.10
        ]

        """
        #expect(format(input) == expected)
    }

    @Test func emptyContainersStayOnOneLine() {
        #expect(format("{ \n }") == "{}\n")
        #expect(format("[\n\n]") == "[]\n")
        #expect(format(#"{"a": [ ], "b": { }}"#) == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
    }

    @Test func scalarAtTopLevel() {
        #expect(format(#"  "x"  "#) == "\"x\"\n")
        #expect(format("12") == "12\n")
    }

    @Test func lineEndingsFollowTheDocument() {
        #expect(format("{\r\n\"a\": [1,2]}") == "{\r\n  \"a\": [\r\n    1,\r\n    2\r\n  ]\r\n}\r\n")
        #expect(format("{\r\"a\": 1}") == "{\r  \"a\": 1\r}\r")
        #expect(format("{\n\"a\": 1}\r\n") == "{\n  \"a\": 1\n}\n")
    }

    @Test func indentWidth() {
        #expect(format(#"{"a": [1]}"#, indentWidth: 4) == "{\n    \"a\": [\n        1\n    ]\n}\n")
    }

    @Test(arguments: [
        #"{"a": 1,}"#, #"{"a" 1}"#, "{\"a\": 1} // note", "", "   ", #"[1 2]"#, #"{'a': 1}"#, #"{"a": 01}"#,
        #"{"a": 1"#, "\u{FEFF}{}", #"{"a": NaN}"#,
    ])
    func documentsWithErrorsAreNotFormatted(_ text: String) {
        #expect(format(text) == nil)
    }

    @Test func warningsDoNotStopFormatting() {
        #expect(format(#"{"a":1,"a":2}"#) == "{\n  \"a\": 1,\n  \"a\": 2\n}\n")
        #expect(format(#"["\ud800"]"#) == "[\n  \"\\ud800\"\n]\n")
    }

    static let documents = [
        #"{"b":1,"a":[1,2,{"c":null}],"e":{},"f":[]}"#,
        "{\r\n  \"scenarios\": [{\"name\": \"Refund\", \"tags\": [\"a\",\"b\"], \"n\": 1.5e-3}]\r\n}\r\n",
        #"[[[[]]], {"x": {"y": {"z": ["\u00e9\n"]}}}, -0, 1E+2, true, false, null]"#,
        "  {\"k\":   \"v\" }  ",
        #""just a string""#,
    ]

    @Test(arguments: documents)
    func formattingTwiceChangesNothing(_ text: String) throws {
        let once = try #require(format(text))
        #expect(format(once) == once)
    }

    @Test(arguments: documents)
    func formattedOutputMeansTheSame(_ text: String) throws {
        let original = SyntaxTree(text)
        let formatted = SyntaxTree(try #require(JSONFormatter.format(original)))
        #expect(formatted.diagnostics.isEmpty)
        #expect(Value(try #require(formatted.root)) == Value(try #require(original.root)))
    }
}

/// Formatting as edits: only the blanks that change, and the result is the formatter's.
struct FormattingEditsTests {
    func reformatted(_ text: String, within range: TextRange? = nil, tabs: Bool = false) throws -> String? {
        let tree = SyntaxTree(text)
        guard let edits = JSONFormatter.edits(tree, tabs: tabs, within: range) else { return nil }
        return String(decoding: try tree.bytes.applying(edits), as: UTF8.self)
    }

    @Test func editsGiveTheFormattedText() throws {
        let text = "{\"a\":[1,2],  \"s\": \"x  y\\\" {z}\", \"漢字 🚀\":{}}"
        #expect(try reformatted(text) == JSONFormatter.format(SyntaxTree(text)))
    }

    @Test func onlyChangedBlanksAreEdited() throws {
        let text = "{\n  \"a\": 1,\n  \"b\":2\n}\n"
        let edits = try #require(JSONFormatter.edits(SyntaxTree(text)))
        #expect(edits == [TextEdit(range: TextRange(18, 18), newText: " ")])
    }

    @Test func alreadyFormattedGivesNoEdits() throws {
        let text = "{\n  \"a\": [\n    1\n  ]\n}\n"
        #expect(JSONFormatter.edits(SyntaxTree(text)) == [])
    }

    @Test func rangeKeepsTheEditsInsideIt() throws {
        let text = "{\"a\":1,\n\"b\":{\"c\":2}}"
        let inner = TextRange(12, 19)  // {"c":2}
        let result = try #require(try reformatted(text, within: inner))
        #expect(result.hasPrefix("{\"a\":1,\n\"b\":{"), "outside the range nothing moves")
        #expect(result.contains("\"c\": 2"))
    }

    @Test func tabsIndentWithTabs() throws {
        #expect(try reformatted("{\"a\":1}", tabs: true) == "{\n\t\"a\": 1\n}\n")
    }

    @Test func brokenDocumentIsNotFormatted() {
        #expect(JSONFormatter.edits(SyntaxTree("{\"a\": 1,}")) == nil)
    }
}
