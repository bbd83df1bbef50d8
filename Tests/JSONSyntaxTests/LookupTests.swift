import Testing
import JSONSyntax

/// Key lookups compare bytes when they can, and must agree with decoding.
@Suite("Lookups")
struct LookupTests {
    @Test func keysMatchWithAndWithoutEscapes() {
        let tree = SyntaxTree(#"{"name": 1, "caf\u00e9": 2, "日本": 3, "a\"b": 4, nam: 5}"#)
        let root = tree.root!
        #expect(root[key: "name"]?.intValue == 1)
        #expect(root[key: "café"]?.intValue == 2)
        #expect(root[key: "日本"]?.intValue == 3)
        #expect(root[key: "a\"b"]?.intValue == 4)
        #expect(root[key: "nam"]?.intValue == 5, "an unquoted key is still a key")
        #expect(root[key: "nam\u{65}x"] == nil)
        #expect(root[key: "na"] == nil, "a prefix is not a match")
        #expect(root[key: "names"] == nil)
        #expect(root.members.first?.hasKey("name") == true)
        #expect(root.members.first?.hasKey("Name") == false)
    }

    @Test(arguments: [
        ("0", 0), ("-0", 0), ("42", 42), ("-17", -17), ("1.0", 1), ("1e2", 100), ("-2.5e1", -25),
        ("123456789012345678", 123_456_789_012_345_678),
    ])
    func integersReadExactly(text: String, value: Int) {
        #expect(SyntaxTree(text).root?.intValue == value)
    }

    @Test(arguments: ["1.5", "-", "1e400", "12345678901234567890"])
    func nonIntegersAreNil(text: String) {
        #expect(SyntaxTree(text).root?.intValue == nil)
    }
}

/// Whole numbers as JSON Schema counts them, whatever their size or spelling.
@Suite("Integral numbers")
struct IntegralNumberTests {
    @Test(arguments: ["0", "-0", "7", "1.0", "1e2", "100e-2", "1.50e1", "12345678901234567890123", "1.5e300", "0.0e-5", "-3E+2", "1.0000000000000001", String(repeating: "9", count: 400)])
    func wholeNumbers(text: String) {
        #expect(SyntaxTree(text).root?.isIntegral == true)
    }

    @Test(arguments: ["1.5", "1e-1", "15e-1", "0.001e2", "1e400", "\"1\"", "true"])
    func notWholeNumbers(text: String) {
        #expect(SyntaxTree(text).root?.isIntegral == false)
    }
}

@Suite("JSON string literals")
struct JSONStringLiteralTests {
    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{0}\u{8}\u{C}\u{1F}", "日本 🎉 é"])
    func roundTripsThroughTheParser(text: String) {
        let literal = text.jsonQuoted
        let tree = SyntaxTree(literal)
        #expect(!tree.hasErrors, "\(literal)")
        #expect(tree.root?.stringValue == text)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        #expect("é\u{1}".jsonQuoted == "\"é\\u0001\"")
    }
}
