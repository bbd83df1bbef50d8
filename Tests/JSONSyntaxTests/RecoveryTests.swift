import Testing
@testable import JSONSyntax

/// The one diagnostic with `code`; fails the test when there is not exactly one.
func single(_ code: SyntaxCode, in tree: SyntaxTree, sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic {
    let found = tree.diagnostics(code)
    try #require(found.count == 1, "expected one \(code.rawValue), got \(tree.diagnostics.map { "\($0.code)@\($0.range)" })",
                 sourceLocation: sourceLocation)
    return found[0]
}

/// Checks the tree's shape promises on every recovery fixture too.
func expectWellFormed(_ tree: SyntaxTree, sourceLocation: SourceLocation = #_sourceLocation) {
    let problems = invariantViolations(of: tree)
    #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
}

@Suite("Recovery: commas, colons, values")
struct PunctuationRecoveryTests {
    @Test func missingCommaInObject() throws {
        let f = Fixture(#"{"a": 1$0 $["b"$]: 2, "c": 3}"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-comma"])
        let diagnostic = try single(.missingComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.fixes.map(\.edits) == [[.insert(",", at: f.offset)]])
        let root = try #require(tree.root)
        #expect(root.members.map(\.keyName) == ["a", "b", "c"])
        #expect(root[key: "b"]?.intValue == 2)
        #expect(root[key: "c"]?.intValue == 3)
        expectWellFormed(tree)
    }

    @Test func missingCommaAcrossLines() throws {
        let f = Fixture("{\n  \"a\": \"x\"$0\n  $[\"b\"$]: true\n}")
        let tree = f.parse()
        let diagnostic = try single(.missingComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert(",", at: f.offset)])
        #expect(tree.root?[key: "b"]?.boolValue == true)
        #expect(tree.root?[key: "a"]?.stringValue == "x")
    }

    @Test func missingCommaInArray() throws {
        let f = Fixture(#"[1$0 $[2$], 3]"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-comma"])
        let diagnostic = try single(.missingComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert(",", at: f.offset)])
        #expect(tree.root?.elements.map(\.intValue) == [1, 2, 3])
        expectWellFormed(tree)
    }

    @Test func missingCommaAfterContainerElement() throws {
        let f = Fixture(#"[{"a": 1}$0 $[{$]"b": 2}]"#)
        let tree = f.parse()
        let diagnostic = try single(.missingComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert(",", at: f.offset)])
        #expect(tree.root?[index: 1]?[key: "b"]?.intValue == 2)
    }

    @Test func missingColonBeforeValue() throws {
        let f = Fixture(#"{"a"$0 $[1$], "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-colon"])
        let diagnostic = try single(.missingColon, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert(":", at: f.offset)])
        let member = try #require(tree.root?.member(named: "a"))
        #expect(member.colonOffset == nil)
        #expect(member.value?.intValue == 1)
        #expect(tree.root?[key: "b"]?.intValue == 2)
        expectWellFormed(tree)
    }

    @Test func missingColonAndValue() throws {
        let f = Fixture(#"{$["a"$]$0, "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-colon"])
        let diagnostic = try single(.missingColon, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert(": ", at: f.offset)])
        let member = try #require(tree.root?.member(named: "a"))
        #expect(member.value == nil)
        #expect(member.range == f.range)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func missingKey() throws {
        let f = Fixture(#"{$[:$] 1, "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-key"])
        #expect(try single(.missingKey, in: tree).range == f.range)
        let members = try #require(tree.root?.members)
        #expect(members.count == 2)
        #expect(members[0].key?.kind == .error)
        #expect(members[0].key?.range == .empty(at: f.range.start))
        #expect(members[0].value?.intValue == 1)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func missingValueAtClosingBrace() throws {
        let f = Fixture(#"{"type": $[}$]"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-value"])
        #expect(try single(.missingValue, in: tree).range == f.range)
        let member = try #require(tree.root?.member(named: "type"))
        #expect(member.value == nil)
        #expect(member.colonOffset == 7)
        #expect(member.range == TextRange(1, 8))
        expectWellFormed(tree)
    }

    @Test func missingValueBeforeComma() throws {
        let f = Fixture(#"{"a": $[,$] "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-value"])
        #expect(try single(.missingValue, in: tree).range == f.range)
        #expect(tree.root?.member(named: "a")?.value == nil)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func missingValueBeforeMemberOnNextLine() throws {
        let f = Fixture("{\n  \"a\":\n  $[\"b\"$]: 2\n}")
        let tree = f.parse()
        // The member on the next line is not taken for a's value, and the comma it
        // also lacks is not reported a second time at the same place.
        #expect(tree.codes == ["missing-value"])
        #expect(try single(.missingValue, in: tree).range == f.range)
        #expect(tree.root?.member(named: "a")?.value == nil)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func missingValueAtEndOfFile() throws {
        let f = Fixture(#"$[{$]"a"$[:$]"#)
        let tree = f.parse()
        #expect(tree.codes.sorted() == ["missing-value", "unclosed-object"])
        #expect(try single(.missingValue, in: tree).range == f.ranges[1])
        #expect(try single(.unclosedObject, in: tree).range == f.ranges[0])
        let member = try #require(tree.root?.member(named: "a"))
        #expect(member.value == nil)
        #expect(member.colonOffset == 4)
        expectWellFormed(tree)
    }

    @Test func missingValueBetweenArrayCommas() throws {
        let f = Fixture(#"[1,$[,$]2]"#)
        let tree = f.parse()
        #expect(tree.codes == ["missing-value"])
        let diagnostic = try single(.missingValue, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
        #expect(tree.root?.elements.map(\.intValue) == [1, 2])
    }

    @Test func trailingCommaInObject() throws {
        let f = Fixture(#"{"a": 1, "b": 2$[,$]}"#)
        let tree = f.parse()
        #expect(tree.codes == ["trailing-comma"])
        let diagnostic = try single(.trailingComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
        #expect(tree.root?.members.count == 2)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func trailingCommaInArray() throws {
        let f = Fixture("[\n  1,\n  2$[,$]\n]")
        let tree = f.parse()
        #expect(tree.codes == ["trailing-comma"])
        let diagnostic = try single(.trailingComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
        #expect(tree.root?.elements.map(\.intValue) == [1, 2])
    }

    @Test(arguments: [#"[1$[,$]]"#, #"{"a": 1$[,$]}"#, "[[]$[,$]\n]", #"{"a": {}$[,$] }"#])
    func trailingCommaAfterOneItem(_ marked: String) throws {
        let f = Fixture(marked)
        let tree = f.parse()
        #expect(tree.codes == ["trailing-comma"])
        #expect(try single(.trailingComma, in: tree).range == f.range)
    }

    @Test func extraCommaInObject() throws {
        let f = Fixture(#"{"a": 1,$[,$] "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["extra-comma"])
        let diagnostic = try single(.extraComma, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func leadingCommaInObjectAndArray() throws {
        let object = Fixture(#"{$[,$] "a": 1}"#)
        let objectTree = object.parse()
        #expect(objectTree.codes == ["extra-comma"])
        #expect(try single(.extraComma, in: objectTree).range == object.range)
        #expect(objectTree.root?[key: "a"]?.intValue == 1)

        let array = Fixture(#"[$[,$]1]"#)
        let arrayTree = array.parse()
        #expect(arrayTree.codes == ["extra-comma"])
        #expect(try single(.extraComma, in: arrayTree).range == array.range)
        #expect(arrayTree.root?.elements.map(\.intValue) == [1])
    }

    @Test func loneCommaInEmptyContainerIsNotTrailing() throws {
        let f = Fixture(#"{$[,$]}"#)
        let tree = f.parse()
        #expect(tree.codes == ["extra-comma"])
        #expect(try single(.extraComma, in: tree).range == f.range)
    }
}

@Suite("Recovery: strings")
struct StringRecoveryTests {
    @Test func unterminatedStringEndsAtItsLine() throws {
        let f = Fixture("{\n  \"name\": $[\"Alice,$]$0\n$[$]  $[\"age\"$]: 30\n}")
        let tree = f.parse()
        #expect(tree.codes.sorted() == ["missing-comma", "unterminated-string"])
        let diagnostic = try single(.unterminatedString, in: tree)
        #expect(diagnostic.range == f.ranges[0])
        #expect(diagnostic.fixes.first?.edits == [.insert("\"", at: f.offset)])
        // The comma the string took in is missing; a comma inserted at the end of
        // the string's line would be taken in too, so it goes on the next line.
        let missingComma = try single(.missingComma, in: tree)
        #expect(missingComma.range == f.ranges[2])
        #expect(missingComma.fixes.first?.edits == [.insert(",", at: f.ranges[1].start)])
        let name = try #require(tree.root?[key: "name"])
        #expect(name.isUnterminated)
        #expect(name.range == f.ranges[0])
        #expect(name.stringValue == "Alice,")
        #expect(tree.root?[key: "age"]?.intValue == 30)
        #expect(tree.root?.isUnterminated == false)
        expectWellFormed(tree)
    }

    @Test func unterminatedStringBeforeCRLF() throws {
        let f = Fixture("[$[\"a$]\r\n, \"b\"]")
        let tree = f.parse()
        #expect(tree.codes == ["unterminated-string"])
        #expect(try single(.unterminatedString, in: tree).range == f.range)
        #expect(tree.root?.elements.map(\.stringValue) == ["a", "b"])
    }

    @Test func unterminatedStringAtEndOfFile() throws {
        let f = Fixture(#"$["abc\"$]"#)
        let tree = f.parse()
        #expect(tree.codes == ["unterminated-string"])
        #expect(try single(.unterminatedString, in: tree).range == f.range)
        #expect(tree.root?.stringValue == "abc\"")
    }

    @Test func unterminatedKey() throws {
        let f = Fixture("{$[\"a: 1,$]\n\"b\": 2}")
        let tree = f.parse()
        #expect(try single(.unterminatedString, in: tree).range == f.range)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func unquotedKey() throws {
        let f = Fixture(#"{$[name$]: "x", "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["unquoted-key"])
        let diagnostic = try single(.unquotedKey, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [TextEdit(range: f.range, newText: "\"name\"")])
        let member = try #require(tree.root?.member(named: "name"))
        #expect(member.key?.isUnquoted == true)
        #expect(member.key?.range == f.range)
        #expect(member.value?.stringValue == "x")
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func unquotedStringValue() throws {
        let f = Fixture(#"{"a": $[hello$], "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["unquoted-string"])
        let diagnostic = try single(.unquotedString, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [TextEdit(range: f.range, newText: "\"hello\"")])
        #expect(tree.root?[key: "a"]?.kind == .error)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test func singleQuotedStrings() throws {
        let f = Fixture(#"{$['a'$]: $['it\'s "q"'$], "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["single-quoted-string", "single-quoted-string"])
        let diagnostics = tree.diagnostics(.singleQuotedString)
        #expect(diagnostics.map(\.range) == f.ranges)
        #expect(diagnostics[0].fixes.first?.edits == [TextEdit(range: f.ranges[0], newText: #""a""#)])
        #expect(diagnostics[1].fixes.first?.edits == [TextEdit(range: f.ranges[1], newText: #""it's \"q\"""#)])
        #expect(tree.root?[key: "a"]?.stringValue == #"it's "q""#)
        #expect(tree.root?[key: "b"]?.intValue == 2)

        let fixed = try f.bytes.applying(diagnostics.flatMap { $0.fixes[0].edits })
        let fixedTree = SyntaxTree.parse(fixed)
        #expect(text(fixed) == #"{"a": "it's \"q\"", "b": 2}"#)
        #expect(fixedTree.diagnostics.isEmpty)
        #expect(fixedTree.root?[key: "a"]?.stringValue == #"it's "q""#)
    }

    @Test func singleQuotedStringKeepsOtherEscapes() throws {
        let f = Fixture(#"[$['a\n\\b'$]]"#)
        let tree = f.parse()
        let diagnostic = try single(.singleQuotedString, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [TextEdit(range: f.range, newText: #""a\n\\b""#)])
        #expect(tree.root?[index: 0]?.stringValue == "a\n\\b")
    }

    @Test func invalidEscape() throws {
        let f = Fixture(#"{"a": "x$0$[\q$]y", "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["invalid-escape"])
        let diagnostic = try single(.invalidEscape, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert("\\", at: f.offset)])
        #expect(tree.root?[key: "a"]?.stringValue == #"x\qy"#)
        #expect(tree.root?[key: "b"]?.intValue == 2)

        let fixed = SyntaxTree.parse(try applying(diagnostic.fixes[0], to: f.bytes))
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.root?[key: "a"]?.stringValue == #"x\qy"#)
    }

    @Test(arguments: [
        #"["$[\u12$]"]"#,
        #"["$[\u$]zz"]"#,
        #"["$[\u12$]g4"]"#,
        #"["a$[\uD8$]"]"#,
    ])
    func shortUnicodeEscape(_ marked: String) throws {
        let f = Fixture(marked)
        let tree = f.parse()
        #expect(tree.codes == ["invalid-escape"])
        let diagnostic = try single(.invalidEscape, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.isEmpty)
        // The backslash stays as written in the decoded value.
        let content = try #require(tree.root?[index: 0])
        #expect(content.stringValue == text(Array(f.bytes[content.contentRange.start..<content.contentRange.end])))
    }

    @Test(arguments: [
        (#"["x$[\ud83d$]y"]"#, "x\u{FFFD}y"),
        (#"["$[\ude00$]"]"#, "\u{FFFD}"),
        (#"["$[\ud83d$]\u0041"]"#, "\u{FFFD}A"),
        (#"["$[\uDBFF$]\uDBFF\uDFFF"]"#, "\u{FFFD}\u{10FFFF}"),
    ])
    func loneSurrogateIsAWarning(_ marked: String, _ decoded: String) throws {
        let f = Fixture(marked)
        let tree = f.parse()
        #expect(tree.codes == ["lone-surrogate"])
        let diagnostic = try single(.loneSurrogate, in: tree)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.range == f.range)
        #expect(!tree.hasErrors)
        #expect(tree.root?[index: 0]?.stringValue == decoded)
    }

    @Test func validSurrogatePairIsNotReported() {
        let tree = SyntaxTree(#"["\ud83d\ude00"]"#)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.root?[index: 0]?.stringValue == "😀")
    }

    @Test(arguments: [
        ("\t", #"\t"#),
        ("\u{01}", #"\u0001"#),
        ("\u{08}", #"\b"#),
        ("\u{0C}", #"\f"#),
        ("\u{1F}", #"\u001F"#),
    ])
    func rawControlCharacter(_ character: String, _ escape: String) throws {
        let f = Fixture("{\"a\": \"x$[\(character)$]y\", \"b\": 2}")
        let tree = f.parse()
        #expect(tree.codes == ["control-character-in-string"])
        let diagnostic = try single(.controlCharacter, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [TextEdit(range: f.range, newText: escape)])
        #expect(tree.root?[key: "b"]?.intValue == 2)

        let fixed = SyntaxTree.parse(try applying(diagnostic.fixes[0], to: f.bytes))
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.root?[key: "a"]?.stringValue == "x\(character)y")
    }
}

@Suite("Recovery: numbers and literals")
struct ScalarRecoveryTests {
    @Test(arguments: [
        (#"{"a": $[$[00$]7$], "b": 2}"#, "7"),
        (#"{"a": $[-$[0$]12.5$], "b": 2}"#, "-12.5"),
        (#"{"a": $[$[0$]0$], "b": 2}"#, "0"),
        (#"{"a": $[$[0$]1e5$], "b": 2}"#, "1e5"),
    ])
    func leadingZero(_ marked: String, _ fixedNumber: String) throws {
        let f = Fixture(marked)
        let tree = f.parse()
        #expect(tree.codes == ["leading-zero"])
        let diagnostic = try single(.leadingZero, in: tree)
        #expect(diagnostic.range == f.ranges[0])
        #expect(diagnostic.fixes.first?.edits == [.delete(f.ranges[1])])
        #expect(tree.root?[key: "a"]?.kind == .number)
        #expect(tree.root?[key: "b"]?.intValue == 2)

        let fixed = SyntaxTree.parse(try applying(diagnostic.fixes[0], to: f.bytes))
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.root?[key: "a"]?.text == fixedNumber)
    }

    @Test(arguments: ["1.", ".5", "+1", "1e", "1e+", "0x1F", "-", "1.2.3", "--1", "1-2", "12abc", "-.5"])
    func invalidNumber(_ spelling: String) throws {
        let f = Fixture("{\"a\": $[\(spelling)$], \"b\": 2}")
        let tree = f.parse()
        #expect(tree.codes == ["invalid-number"])
        let diagnostic = try single(.invalidNumber, in: tree)
        #expect(diagnostic.range == f.range)
        let value = try #require(tree.root?[key: "a"])
        #expect(value.kind == .number)
        #expect(value.range == f.range)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test(arguments: ["0", "-0", "1", "-12", "0.5", "1.0e+3", "1E-7", "123456789012345678901234567890", "-0.0e0"])
    func validNumber(_ spelling: String) {
        let tree = SyntaxTree("[\(spelling)]")
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.root?[index: 0]?.kind == .number)
        #expect(tree.root?[index: 0]?.text == spelling)
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity", "+Infinity"])
    func nonFiniteNumber(_ spelling: String) throws {
        let f = Fixture("{\"a\": $[\(spelling)$], \"b\": 2}")
        let tree = f.parse()
        #expect(tree.codes == ["non-finite-number"])
        let diagnostic = try single(.nonFiniteNumber, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(tree.root?[key: "a"]?.kind == .number)
        #expect(tree.root?[key: "b"]?.intValue == 2)
    }

    @Test(arguments: [
        ("True", SyntaxKind.true, "true"),
        ("FALSE", .false, "false"),
        ("None", .null, "null"),
        ("NULL", .null, "null"),
        ("nil", .null, "null"),
    ])
    func wrongCaseLiteral(_ spelling: String, _ kind: SyntaxKind, _ fixedSpelling: String) throws {
        let f = Fixture("{\"a\": $[\(spelling)$], \"b\": 2}")
        let tree = f.parse()
        #expect(tree.codes == ["invalid-literal"])
        let diagnostic = try single(.invalidLiteral, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [TextEdit(range: f.range, newText: fixedSpelling)])
        #expect(tree.root?[key: "a"]?.kind == kind)
        #expect(tree.root?[key: "b"]?.intValue == 2)

        let fixed = SyntaxTree.parse(try applying(diagnostic.fixes[0], to: f.bytes))
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.root?[key: "a"]?.kind == kind)
    }
}

@Suite("Recovery: brackets and stray tokens")
struct BracketRecoveryTests {
    @Test func unclosedObjectAtEndOfFile() throws {
        let f = Fixture("$[{$]\"a\": [1, 2]$0\n")
        let tree = f.parse()
        #expect(tree.codes == ["unclosed-object"])
        let diagnostic = try single(.unclosedObject, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert("}", at: f.offset)])
        let root = try #require(tree.root)
        #expect(root.kind == .object)
        #expect(root.isUnterminated)
        #expect(root.range == TextRange(0, f.bytes.count))
        #expect(root[key: "a"]?.elements.count == 2)
        expectWellFormed(tree)
    }

    @Test func unclosedArrayAtEndOfFile() throws {
        let f = Fixture("$[[$]1, {\"b\": 2}$0  ")
        let tree = f.parse()
        #expect(tree.codes == ["unclosed-array"])
        let diagnostic = try single(.unclosedArray, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert("]", at: f.offset)])
        #expect(tree.root?.isUnterminated == true)
        #expect(tree.root?[index: 1]?[key: "b"]?.intValue == 2)
        expectWellFormed(tree)
    }

    @Test func unclosedObjectClosedByOuterBracket() throws {
        let f = Fixture(#"[[$[{$]"a": 1$0 ], 2]"#)
        let tree = f.parse()
        // The object ends where the ']' of its array closes it; the outer array goes on.
        #expect(tree.codes == ["unclosed-object"])
        let diagnostic = try single(.unclosedObject, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert("}", at: f.offset)])
        let root = try #require(tree.root)
        let object = try #require(root[index: 0]?[index: 0])
        #expect(object.isUnterminated)
        #expect(object.range == TextRange(f.range.start, f.offset + 1))
        #expect(object[key: "a"]?.intValue == 1)
        #expect(root[index: 0]?.isUnterminated == false)
        #expect(root[index: 1]?.intValue == 2)
        expectWellFormed(tree)
    }

    @Test func unclosedArrayClosedByOuterBrace() throws {
        let f = Fixture(#"{"a": $[[$]1, 2$0 }"#)
        let tree = f.parse()
        #expect(tree.codes == ["unclosed-array"])
        let diagnostic = try single(.unclosedArray, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.fixes.first?.edits == [.insert("]", at: f.offset)])
        let root = try #require(tree.root)
        #expect(!root.isUnterminated)
        let array = try #require(root[key: "a"])
        #expect(array.isUnterminated)
        #expect(array.elements.map(\.intValue) == [1, 2])
        expectWellFormed(tree)
    }

    @Test func unclosedObjectAfterAnUnterminatedString() throws {
        // The closer cannot go on the string's line, which the string takes in.
        let atEnd = Fixture(#"$[{$]"a": "open$0"#)
        let atEndFix = try single(.unclosedObject, in: atEnd.parse())
        #expect(atEndFix.range == atEnd.range)
        #expect(atEndFix.fixes.first?.edits == [.insert("\n}", at: atEnd.offset)])

        let beforeNewline = Fixture("$[{$]\"a\": \"open\r\n$0")
        let beforeNewlineFix = try single(.unclosedObject, in: beforeNewline.parse())
        #expect(beforeNewlineFix.fixes.first?.edits == [.insert("}", at: beforeNewline.offset)])

        let closedByOuter = Fixture("[$[{$]\"a\": \"open\n$0]")
        let closedByOuterFix = try single(.unclosedObject, in: closedByOuter.parse())
        #expect(closedByOuterFix.fixes.first?.edits == [.insert("}", at: closedByOuter.offset)])
    }

    @Test func unclosedArrayInMemberAtEndOfFile() throws {
        let f = Fixture("{\"a\": [1, 2,\n  ")
        let tree = f.parse()
        #expect(tree.codes.sorted() == ["unclosed-array", "unclosed-object"])
        #expect(tree.root?[key: "a"]?.elements.map(\.intValue) == [1, 2])
        expectWellFormed(tree)
    }

    @Test func strayClosersAtTopLevel() throws {
        for marked in [#"{"a": 1}$[}$]"#, #"[1]$[]$]"#, #"$[]$] {"a": 1}"#] {
            let f = Fixture(marked)
            let tree = f.parse()
            #expect(tree.codes == ["unexpected-token"], "\(f)")
            let diagnostic = try single(.unexpectedToken, in: tree)
            #expect(diagnostic.range == f.range)
            #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
            #expect(tree.root?.kind.isContainer == true)
            #expect(tree.document.children.contains { $0.kind == .error && $0.range == f.range })
            expectWellFormed(tree)
        }
    }

    @Test func strayWordBeforeTheTopLevelValue() throws {
        let f = Fixture(#"$[@$] {"a": 1}"#)
        let tree = f.parse()
        // The stray '@' is not the value, so the object after it is not extra content.
        #expect(tree.codes == ["unexpected-token"])
        #expect(try single(.unexpectedToken, in: tree).range == f.range)
        #expect(tree.root?[key: "a"]?.intValue == 1)
    }

    @Test func strayTokensInsideObject() throws {
        for marked in [#"{"a": 1, $[]$] "b": 2}"#, #"{"a": 1, $[@$] "b": 2}"#, #"{"a": 1, $[[3]$] "b": 2}"#] {
            let f = Fixture(marked)
            let tree = f.parse()
            #expect(tree.codes == ["unexpected-token"], "\(f)")
            let diagnostic = try single(.unexpectedToken, in: tree)
            #expect(diagnostic.range.start == f.range.start)
            let root = try #require(tree.root)
            #expect(root.children.contains { $0.kind == .error && $0.range == f.range }, "\(f)")
            #expect(root.members.map(\.keyName) == ["a", "b"])
            #expect(root[key: "b"]?.intValue == 2)
            expectWellFormed(tree)
        }
    }

    @Test func strayTokensInsideArray() throws {
        for (marked, fixable) in [(#"[1, $[}$] 2]"#, true), (#"[1, $[:$] 2]"#, true), (#"[1, $[#$], 2]"#, false)] {
            let f = Fixture(marked)
            let tree = f.parse()
            #expect(tree.codes == ["unexpected-token"], "\(f)")
            let diagnostic = try single(.unexpectedToken, in: tree)
            #expect(diagnostic.range == f.range)
            let root = try #require(tree.root)
            #expect(root.elements.map(\.kind) == [.number, .error, .number])
            #expect(root[index: 1]?.range == f.range)
            #expect(root[index: 2]?.intValue == 2)
            if fixable {
                #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
                #expect(!SyntaxTree.parse(try applying(diagnostic.fixes[0], to: f.bytes)).hasErrors)
            }
            expectWellFormed(tree)
        }
    }

    @Test func contentAfterTheTopLevelValue() throws {
        let f = Fixture(#"{"a": 1} $[{$]"b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["trailing-content"])
        #expect(try single(.trailingContent, in: tree).range == f.range)
        #expect(tree.root?[key: "a"]?.intValue == 1)
        #expect(tree.document.children.map(\.kind) == [.object, .object])

        let word = Fixture("{\"a\": 1}\n$[x$]")
        let wordTree = word.parse()
        #expect(wordTree.codes == ["trailing-content"])
        #expect(try single(.trailingContent, in: wordTree).range == word.range)
    }

    @Test(arguments: ["", "   \n\t\r\n"])
    func emptyDocument(_ text: String) throws {
        let tree = SyntaxTree(text)
        #expect(tree.codes == ["empty-document"])
        #expect(try single(.emptyDocument, in: tree).range == .empty(at: 0))
        #expect(tree.root == nil)
        #expect(tree.document.range == TextRange(0, text.utf8.count))
    }

    @Test func documentOfOnlyAComment() {
        let tree = SyntaxTree("// nothing here\n")
        #expect(tree.codes.sorted() == ["comment", "empty-document"])
        #expect(tree.root == nil)
        #expect(tree.comments == [TextRange(0, 15)])
    }
}

@Suite("Recovery: comments")
struct CommentTests {
    @Test func lineCommentAloneOnItsLine() throws {
        let f = Fixture("{\n$[  $[// note$]\n$]  \"a\": 1\n}")
        let tree = f.parse()
        #expect(tree.codes == ["comment"])
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.ranges[1])
        #expect(tree.comments == [f.ranges[1]])
        #expect(diagnostic.fixes.first?.edits == [.delete(f.ranges[0])])
        #expect(tree.root?[key: "a"]?.intValue == 1)

        let fixed = try applying(diagnostic.fixes[0], to: f.bytes)
        #expect(text(fixed) == "{\n  \"a\": 1\n}")
    }

    @Test func lineCommentAloneOnCRLFLine() throws {
        // A line comment runs to its line end, blanks included.
        let f = Fixture("{\r\n$[\t$[// x $]\r\n$]  \"a\": 1\r\n}")
        let tree = f.parse()
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.ranges[1])
        #expect(diagnostic.fixes.first?.edits == [.delete(f.ranges[0])])
        #expect(text(try applying(diagnostic.fixes[0], to: f.bytes)) == "{\r\n  \"a\": 1\r\n}")
    }

    @Test func lineCommentAfterCode() throws {
        let f = Fixture("{\"a\": 1,$[ $[// note$]$]\n \"b\": 2}")
        let tree = f.parse()
        #expect(tree.codes == ["comment"])
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.ranges[1])
        #expect(tree.comments == [f.ranges[1]])
        #expect(diagnostic.fixes.first?.edits == [.delete(f.ranges[0])])
        #expect(tree.root?[key: "b"]?.intValue == 2)
        #expect(text(try applying(diagnostic.fixes[0], to: f.bytes)) == "{\"a\": 1,\n \"b\": 2}")
    }

    @Test func blockCommentInline() throws {
        let f = Fixture(#"{"a":$[ $[/* why */$]$] 1}"#)
        let tree = f.parse()
        #expect(tree.codes == ["comment"])
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.ranges[1])
        #expect(tree.comments == [f.ranges[1]])
        #expect(diagnostic.fixes.first?.edits == [.delete(f.ranges[0])])
        #expect(tree.root?[key: "a"]?.intValue == 1)
        #expect(text(try applying(diagnostic.fixes[0], to: f.bytes)) == #"{"a": 1}"#)
    }

    @Test func multiLineBlockCommentAloneOnItsLines() throws {
        let f = Fixture("[\n$[  $[/* one\n     two */$]  \n$]  1\n]")
        let tree = f.parse()
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.ranges[1])
        #expect(diagnostic.fixes.first?.edits == [.delete(f.ranges[0])])
        #expect(tree.root?.elements.map(\.intValue) == [1])
    }

    @Test func blockCommentBeforeCodeOnItsLine() throws {
        let f = Fixture("[\n  $[/* c */$] 1\n]")
        let tree = f.parse()
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.range)
        // Only the comment goes; the code after it stays on its line.
        #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
    }

    @Test func unterminatedBlockComment() throws {
        let f = Fixture("{\"a\": 1} $[/* open\n still open$]")
        let tree = f.parse()
        #expect(tree.codes == ["comment"])
        let diagnostic = try single(.comment, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.message.contains("unterminated"))
        #expect(tree.comments == [f.range])
        #expect(tree.root?[key: "a"]?.intValue == 1)
    }

    @Test func slashThatStartsNoComment() throws {
        let f = Fixture(#"[1, $[/x$]]"#)
        let tree = f.parse()
        #expect(tree.codes == ["unexpected-token"])
        #expect(try single(.unexpectedToken, in: tree).range == f.range)
        #expect(tree.comments.isEmpty)
    }
}

@Suite("Recovery: encoding")
struct EncodingRecoveryTests {
    @Test func byteOrderMark() throws {
        let f = Fixture(#"$[$xEF$xBB$xBF$]{"a": 1}"#)
        let tree = f.parse()
        #expect(tree.codes == ["byte-order-mark"])
        let diagnostic = try single(.byteOrderMark, in: tree)
        #expect(diagnostic.range == f.range)
        #expect(diagnostic.range == TextRange(0, 3))
        #expect(diagnostic.fixes.first?.edits == [.delete(f.range)])
        #expect(tree.root?.range == TextRange(3, f.bytes.count))
        #expect(tree.root?[key: "a"]?.intValue == 1)

        let fixed = try applying(diagnostic.fixes[0], to: f.bytes)
        #expect(text(fixed) == #"{"a": 1}"#)
        #expect(SyntaxTree.parse(fixed).diagnostics.isEmpty)
        expectWellFormed(tree)
    }

    @Test func invalidUTF8InsideString() throws {
        let f = Fixture(#"{"a": "x$[$xFF$]y", "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["invalid-utf8"])
        #expect(try single(.invalidUTF8, in: tree).range == f.range)
        #expect(tree.root?[key: "a"]?.stringValue == "x\u{FFFD}y")
        #expect(tree.root?[key: "b"]?.intValue == 2)
        expectWellFormed(tree)
    }

    @Test(arguments: [
        #"["$[$xE6$]$[$x97$]"]"#,            // a truncated three-byte sequence
        #"["$[$xC0$]$[$xAF$]"]"#,            // an overlong '/'
        #"["$[$xED$]$[$xA0$]$[$x80$]"]"#,    // an encoded surrogate
        #"["$[$xF4$]$[$x90$]$[$x80$]$[$x80$]"]"#, // above U+10FFFF
    ])
    func malformedSequencesAreReportedBytewise(_ marked: String) throws {
        let f = Fixture(marked)
        let tree = f.parse()
        #expect(tree.diagnostics(.invalidUTF8).map(\.range) == f.ranges)
        #expect(tree.codes.allSatisfy { $0 == "invalid-utf8" })
        #expect(tree.root?[index: 0]?.kind == .string)
        expectWellFormed(tree)
    }

    @Test func invalidUTF8OutsideStrings() throws {
        let f = Fixture(#"{"a": $[$xC3$], "b": 2}"#)
        let tree = f.parse()
        #expect(tree.codes == ["invalid-utf8"])
        #expect(try single(.invalidUTF8, in: tree).range == f.range)
        #expect(tree.root?[key: "a"]?.kind == .error)
        #expect(tree.root?[key: "b"]?.intValue == 2)
        expectWellFormed(tree)
    }

    @Test func invalidUTF8WhereAKeyShouldBe() throws {
        let f = Fixture(#"{$[$xFF$] "a": 1}"#)
        let tree = f.parse()
        // One report per byte: the scanner's, not a second one from the parser.
        #expect(tree.codes == ["invalid-utf8"])
        #expect(try single(.invalidUTF8, in: tree).range == f.range)
        #expect(tree.root?[key: "a"]?.intValue == 1)
    }

    @Test func invalidUTF8AtTopLevel() throws {
        let f = Fixture(#"$[$xFE$]$[$xFF$]"#)
        let tree = f.parse()
        #expect(tree.diagnostics(.invalidUTF8).map(\.range) == f.ranges)
        expectWellFormed(tree)
    }

    @Test func validMultibyteTextOutsideStringsIsOneToken() throws {
        let f = Fixture(#"[$[日本$]]"#)
        let tree = f.parse()
        #expect(tree.codes == ["unexpected-token"])
        #expect(try single(.unexpectedToken, in: tree).range == f.range)
    }
}

@Suite("Recovery: nesting")
struct NestingTests {
    static let limit = SyntaxTree.defaultMaxDepth

    @Test func nestingAtTheLimitIsFine() {
        let text = String(repeating: "[", count: Self.limit) + String(repeating: "]", count: Self.limit)
        let tree = SyntaxTree(text)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.nodeCount == Self.limit + 1)
    }

    @Test func nestingOneBeyondTheLimit() throws {
        let depth = Self.limit + 1
        let f = Fixture(String(repeating: "[", count: depth - 1) + "$[[$]" + String(repeating: "]", count: depth))
        let tree = f.parse()
        #expect(tree.codes == ["nesting-too-deep"])
        #expect(try single(.nestingTooDeep, in: tree).range == f.range)
        let tooDeep = try #require(tree.allNodes.last)
        #expect(tooDeep.kind == .error)
        #expect(tooDeep.range == TextRange(depth - 1, depth + 1))
        expectWellFormed(tree)
    }

    @Test func tooDeepValueInsideAnObjectKeepsLaterMembers() throws {
        let depth = Self.limit + 50
        let deep = String(repeating: "{\"x\": ", count: depth) + "1" + String(repeating: "}", count: depth)
        let tree = SyntaxTree("{\"deep\": [\(deep)], \"b\": 2}")
        #expect(tree.codes == ["nesting-too-deep"])
        #expect(tree.root?[key: "b"]?.intValue == 2)
        expectWellFormed(tree)
    }

    @Test func customMaxDepth() throws {
        let f = Fixture(#"[[$[[$]1]]]"#)
        let tree = SyntaxTree.parse(f.bytes, maxDepth: 2)
        #expect(tree.codes == ["nesting-too-deep"])
        #expect(try single(.nestingTooDeep, in: tree).range == f.range)
    }

    @Test func hundredThousandOpenBrackets() throws {
        let count = 100_000
        let tree = SyntaxTree.parse([UInt8](repeating: UInt8(ascii: "["), count: count))
        let tooDeep = try single(.nestingTooDeep, in: tree)
        #expect(tooDeep.range == TextRange(Self.limit, Self.limit + 1))
        #expect(tree.diagnostics(.unclosedArray).count == Self.limit)
        #expect(tree.nodeCount == Self.limit + 2)
        expectWellFormed(tree)
    }

    @Test func hundredThousandBalancedBrackets() throws {
        let count = 100_000
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: count) + [UInt8](repeating: UInt8(ascii: "]"), count: count)
        let tree = SyntaxTree.parse(bytes)
        #expect(tree.codes == ["nesting-too-deep"])
        #expect(tree.root?.range == TextRange(0, bytes.count))
        expectWellFormed(tree)
    }
}

@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test func bothOccurrencesAreMarkedAndPointAtEachOther() throws {
        let f = Fixture(#"{$["a"$]: 1, "b": 2, $["a"$]: 3}"#)
        let tree = f.parse()
        let duplicates = tree.diagnostics(.duplicateKey)
        #expect(duplicates.count == 2)
        #expect(duplicates.map(\.range).sorted() == f.ranges)
        #expect(duplicates.allSatisfy { $0.severity == .warning })
        #expect(!tree.hasErrors)
        for diagnostic in duplicates {
            #expect(diagnostic.related.map(\.range) == f.ranges.filter { $0 != diagnostic.range })
        }
        // The API keeps the last value.
        #expect(tree.root?[key: "a"]?.intValue == 3)
    }

    @Test func keysEqualAfterDecoding() throws {
        let f = Fixture(#"{$["a"$]: 1, $["\u0061"$]: 2}"#)
        let tree = f.parse()
        let duplicates = tree.diagnostics(.duplicateKey)
        #expect(duplicates.map(\.range).sorted() == f.ranges)
        for diagnostic in duplicates {
            #expect(diagnostic.related.map(\.range) == f.ranges.filter { $0 != diagnostic.range })
        }
        #expect(tree.root?[key: "a"]?.intValue == 2)
    }

    @Test func keysSpelledDifferentlyInQuotesAndEscapes() throws {
        let f = Fixture(#"{$["a/b"$]: 1, $["a\/b"$]: 2, $[a$]: 3, $["\u0061"$]: 4}"#)
        let tree = f.parse()
        let duplicates = tree.diagnostics(.duplicateKey)
        #expect(duplicates.map(\.range).sorted() == f.ranges)
        let aRanges = [f.ranges[2], f.ranges[3]]
        for diagnostic in duplicates where aRanges.contains(diagnostic.range) {
            #expect(diagnostic.related.map(\.range) == aRanges.filter { $0 != diagnostic.range })
        }
    }

    @Test func threeOccurrencesEachRelateToTheOtherTwo() throws {
        let f = Fixture(#"{$["k"$]: 1, $["k"$]: 2, $["k"$]: 3}"#)
        let tree = f.parse()
        let duplicates = tree.diagnostics(.duplicateKey)
        #expect(duplicates.map(\.range).sorted() == f.ranges)
        for diagnostic in duplicates {
            #expect(diagnostic.related.map(\.range) == f.ranges.filter { $0 != diagnostic.range })
        }
    }

    @Test func manyKeysWithOneDuplicateByEscape() throws {
        var marked = "{"
        for index in 0..<20 { marked += index == 7 ? "$[\"k7\"$]: \(index), " : "\"k\(index)\": \(index), " }
        marked += #"$["k\u0037"$]: 99}"#
        let f = Fixture(marked)
        let tree = f.parse()
        let duplicates = tree.diagnostics(.duplicateKey)
        #expect(duplicates.map(\.range).sorted() == f.ranges)
        #expect(tree.root?[key: "k7"]?.intValue == 99)
        #expect(tree.root?.members.count == 21)
    }

    @Test func sameNameInDifferentObjectsIsFine() {
        let tree = SyntaxTree(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#)
        #expect(tree.diagnostics.isEmpty)
    }

    @Test func duplicatesInAnUnclosedObject() throws {
        let f = Fixture(#"{$["a"$]: 1, $["a"$]: 2"#)
        let tree = f.parse()
        #expect(tree.diagnostics(.duplicateKey).map(\.range).sorted() == f.ranges)
    }
}
