import Testing
@testable import JSONSyntax

/// Every quick fix the syntax layer offers, applied to the document it was
/// computed on, must remove the problem it is offered for.
@Suite("Fixes")
struct FixTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let marked: String
        /// True when the fixes of all diagnostics together make valid JSON.
        let allFixesMakeItValid: Bool
        var testDescription: String { marked }
    }

    static let cases: [Case] = [
        Case(marked: #"{"a": 1 "b": 2}"#, allFixesMakeItValid: true),
        Case(marked: "{\n  \"a\": 1\n  \"b\": 2\n}", allFixesMakeItValid: true),
        Case(marked: #"[1 2 3]"#, allFixesMakeItValid: true),
        Case(marked: #"{"a" 1}"#, allFixesMakeItValid: true),
        Case(marked: #"{"a", "b": 2}"#, allFixesMakeItValid: false),
        Case(marked: #"{"a": 1,}"#, allFixesMakeItValid: true),
        Case(marked: "[\n  1,\n  2,\n]", allFixesMakeItValid: true),
        Case(marked: #"{"a": 1,, "b": 2}"#, allFixesMakeItValid: true),
        Case(marked: #"{, "a": 1}"#, allFixesMakeItValid: true),
        Case(marked: #"[,1]"#, allFixesMakeItValid: true),
        Case(marked: #"[1,,2]"#, allFixesMakeItValid: true),
        Case(marked: "{\n  \"name\": \"Alice,\n  \"age\": 30\n}", allFixesMakeItValid: true),
        Case(marked: "[\"a\r\n]", allFixesMakeItValid: true),
        Case(marked: #"{"a": 1"#, allFixesMakeItValid: true),
        Case(marked: "[1, 2\n", allFixesMakeItValid: true),
        Case(marked: #"[[{"a": 1 ], 2]"#, allFixesMakeItValid: true),
        Case(marked: #"{"a": [1, 2 }"#, allFixesMakeItValid: true),
        Case(marked: #"{"a": [1, {"b": 2"#, allFixesMakeItValid: true),
        Case(marked: #"{"a": 1}}"#, allFixesMakeItValid: true),
        Case(marked: #"] [1]"#, allFixesMakeItValid: true),
        Case(marked: #"[1, } 2]"#, allFixesMakeItValid: true),
        Case(marked: #"[1, : 2]"#, allFixesMakeItValid: true),
        Case(marked: #"{name: "x", age_2: 3}"#, allFixesMakeItValid: true),
        Case(marked: #"{"a": hello}"#, allFixesMakeItValid: true),
        Case(marked: #"{'a': 'it\'s "q"'}"#, allFixesMakeItValid: true),
        Case(marked: "{\n  // note\n  \"a\": 1 /* why */\n}", allFixesMakeItValid: true),
        Case(marked: "{\r\n  // note\r\n  \"a\": 1\r\n}", allFixesMakeItValid: true),
        Case(marked: "[1] // done", allFixesMakeItValid: true),
        Case(marked: "/* head */ [1]", allFixesMakeItValid: true),
        Case(marked: #"{"a": "x\qy\ z"}"#, allFixesMakeItValid: true),
        Case(marked: "{\"a\": \"x\ty\u{01}\"}", allFixesMakeItValid: true),
        Case(marked: #"{"a": 007, "b": -00.5}"#, allFixesMakeItValid: true),
        Case(marked: #"{"a": True, "b": None, "c": FALSE}"#, allFixesMakeItValid: true),
        Case(marked: #"$xEF$xBB$xBF{"a": 1}"#, allFixesMakeItValid: true),
        Case(marked: #"{"a": "open}"#, allFixesMakeItValid: false),
        Case(marked: "{\"a\": \"open\n", allFixesMakeItValid: true),
        Case(marked: "[\"a\", \"b\r\n\"c\"]", allFixesMakeItValid: true),
        Case(marked: "{\"a: 1,\n\"b\": 2}", allFixesMakeItValid: false),
        Case(marked: "{\"a\": [\"x", allFixesMakeItValid: false),
    ]

    @Test(arguments: cases)
    func everyFixRemovesItsDiagnostic(_ testCase: Case) throws {
        let bytes = Fixture(testCase.marked).bytes
        let tree = SyntaxTree.parse(bytes)
        let fixable = tree.diagnostics.filter { !$0.fixes.isEmpty }
        #expect(!fixable.isEmpty, "the case should offer at least one fix")
        for diagnostic in fixable {
            let before = tree.diagnostics.filter { $0.code == diagnostic.code }.count
            for fix in diagnostic.fixes {
                let fixed = try bytes.applying(fix.edits)
                let after = SyntaxTree.parse(fixed).diagnostics.filter { $0.code == diagnostic.code }.count
                #expect(after < before, "'\(fix.title)' for \(diagnostic.code)@\(diagnostic.range) gives \(text(fixed))")
            }
        }
    }

    @Test(arguments: cases.filter(\.allFixesMakeItValid))
    func allFixesTogetherMakeValidJSON(_ testCase: Case) throws {
        let bytes = Fixture(testCase.marked).bytes
        let tree = SyntaxTree.parse(bytes)
        #expect(tree.hasErrors)
        let edits = tree.diagnostics.compactMap(\.fixes.first).flatMap(\.edits)
        let fixed = try bytes.applying(edits)
        let fixedTree = SyntaxTree.parse(fixed)
        #expect(fixedTree.diagnostics.isEmpty, "\(text(fixed)) still has \(fixedTree.diagnostics.map(\.code))")
        #expect(fixedTree.root != nil)
    }

    @Test func fixesLeaveTheValuesTheUserMeant() throws {
        let bytes = Array("{\n  name: 'Bob',\n  \"tags\": [\"x\" \"y\",],\n  \"n\": 010, // count\n  \"ok\": True\n".utf8)
        let tree = SyntaxTree.parse(bytes)
        let fixed = SyntaxTree.parse(try bytes.applying(tree.diagnostics.compactMap(\.fixes.first).flatMap(\.edits)))
        #expect(fixed.diagnostics.isEmpty, "\(text(fixed.bytes))")
        let root = try #require(fixed.root)
        #expect(Value(root) == .object([
            ("name", .string("Bob")),
            ("tags", .array([.string("x"), .string("y")])),
            ("n", .number("10")),
            ("ok", .bool(true)),
        ]))
    }
}
