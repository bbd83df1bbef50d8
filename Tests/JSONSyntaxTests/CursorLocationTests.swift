import Testing
@testable import JSONSyntax

@Suite("CursorLocation")
struct CursorLocationTests {
    func location(_ f: Fixture) -> (SyntaxTree, CursorLocation) {
        let tree = f.parse()
        return (tree, tree.location(at: f.offset))
    }

    // MARK: Keys

    @Test(arguments: [
        (#"{"na$0me": 1}"#, 2),
        (#"{"$0name": 1}"#, 0),
        (#"{$0"name": 1}"#, 0),
        (#"{"name"$0: 1}"#, 4),
        (#"{"\u00e9$0x": 1}"#, 2),
        (#"{"\u00$0e9x": 1}"#, 0),
    ])
    func inAKey(_ marked: String, _ decodedOffset: Int) throws {
        let (tree, location) = location(Fixture(marked))
        let member = try #require(tree.root?.members.first)
        #expect(location == .key(member: member, decodedOffset: decodedOffset))
    }

    @Test func inAnUnquotedKey() throws {
        let (tree, location) = location(Fixture(#"{na$0me: 1}"#))
        let member = try #require(tree.root?.members.first)
        #expect(location == .key(member: member, decodedOffset: 2))
    }

    @Test func inTheSecondKeyOfAnObject() throws {
        let (tree, location) = location(Fixture("{\n  \"a\": 1,\n  \"b$0\": 2\n}"))
        let member = try #require(tree.root?.member(named: "b"))
        #expect(location == .key(member: member, decodedOffset: 1))
    }

    @Test func inAMissingKey() throws {
        let (tree, location) = location(Fixture(#"{$0: 1}"#))
        let member = try #require(tree.root?.members.first)
        #expect(member.key?.kind == .error)
        #expect(location == .key(member: member, decodedOffset: 0))
    }

    // MARK: Values

    @Test(arguments: [
        (#"{"a": "he$0llo"}"#, 2),
        (#"{"a": "$0hello"}"#, 0),
        (#"{"a": "hello$0"}"#, 5),
        (#"{"a": "\n$0x"}"#, 1),
        (#"{"a": "\"hi\"$0 there"}"#, 4),
        (#"{"a": "😀$0"}"#, 4),
        (#"{"a": "abc$0"#, 3),
    ])
    func inStringContent(_ marked: String, _ decodedOffset: Int) throws {
        let (tree, location) = location(Fixture(marked))
        let value = try #require(tree.root?[key: "a"])
        #expect(location == .stringContent(value, decodedOffset: decodedOffset))
    }

    @Test(arguments: [#"{"a": $0"x"}"#, #"{"a": "x"$0}"#])
    func onTheQuotesOfAString(_ marked: String) throws {
        let (tree, location) = location(Fixture(marked))
        let value = try #require(tree.root?[key: "a"])
        #expect(location == .value(value))
    }

    @Test(arguments: [#"{"a": 1$02}"#, #"{"a": 12$0}"#, #"{"a": $012}"#, #"{"a": -1.5e$03}"#])
    func onANumber(_ marked: String) throws {
        let (tree, location) = location(Fixture(marked))
        let value = try #require(tree.root?[key: "a"])
        #expect(value.kind == .number)
        #expect(location == .value(value))
    }

    @Test func onALiteralAndAStrayWord() throws {
        let (tree, location) = location(Fixture(#"[tr$0ue, nope]"#))
        #expect(location == .value(try #require(tree.root?[index: 0])))
        let (strayTree, strayLocation) = self.location(Fixture(#"[true, no$0pe]"#))
        let stray = try #require(strayTree.root?[index: 1])
        #expect(stray.kind == .error)
        #expect(strayLocation == .value(stray))
    }

    // MARK: Member values

    @Test(arguments: [
        #"{"type": $0}"#,
        #"{"type":$0}"#,
        #"{"type": $0, "b": 1}"#,
        #"{"type": $0"#,
        "{\"type\":\n  $0\n}",
        #"{"type": $0 "x"}"#,
    ])
    func afterTheColon(_ marked: String) throws {
        let (tree, location) = location(Fixture(marked))
        let member = try #require(tree.root?.member(named: "type"))
        #expect(location == .memberValue(member: member))
    }

    @Test func betweenAKeyAndItsMissingColon() throws {
        let (tree, location) = location(Fixture(#"{"type" $0}"#))
        // No ':' yet, so the cursor is not where the value goes.
        #expect(location == .objectBody(try #require(tree.root)))
    }

    // MARK: Bodies

    @Test(arguments: [
        #"{"a": 1, $0 "b": 2}"#,
        #"{$0}"#,
        "{\n  $0\n}",
        #"{"a": 1 $0}"#,
        #"{"a": , $0}"#,
        #"{"a":,$0}"#,
    ])
    func inAnObjectBody(_ marked: String) throws {
        let (tree, location) = location(Fixture(marked))
        #expect(location == .objectBody(try #require(tree.root)))
    }

    @Test(arguments: [#"[1, $0]"#, #"[$0]"#, #"[1,$0 2]"#, "[\n  $0\n]"])
    func inAnArrayBody(_ marked: String) throws {
        let (tree, location) = location(Fixture(marked))
        #expect(location == .arrayBody(try #require(tree.root)))
    }

    @Test func inAnUnclosedObjectAtTheEndOfTheFile() throws {
        let (tree, location) = location(Fixture(#"{"a": 1, $0"#))
        #expect(location == .objectBody(try #require(tree.root)))

        let (nested, nestedLocation) = self.location(Fixture("{\"a\": {\"b\": 1,\n  $0"))
        #expect(nestedLocation == .objectBody(try #require(nested.root?[key: "a"])))
    }

    @Test func inAnUnclosedArrayInAMemberAtTheEndOfTheFile() throws {
        let (tree, location) = location(Fixture(#"{"a": [1, $0"#))
        #expect(location == .arrayBody(try #require(tree.root?[key: "a"])))

        let (spaced, spacedLocation) = self.location(Fixture("{\"a\": [\n  1,\n  $0\n"))
        #expect(spacedLocation == .arrayBody(try #require(spaced.root?[key: "a"])))
    }

    @Test func inAnUnclosedArrayClosedByTheOuterBrace() throws {
        let (tree, location) = location(Fixture(#"{"a": [1, $0 }"#))
        #expect(location == .arrayBody(try #require(tree.root?[key: "a"])))
    }

    // MARK: Comments and outside

    @Test(arguments: [
        "{ // hi$0\n}",
        "{ // $0hi\n}",
        "[1] // end$0",
        "[/* a$0b */]",
        "[/* a\n$0b */]",
        "[1] /* open$0",
    ])
    func insideAComment(_ marked: String) throws {
        let (tree, location) = location(Fixture(marked))
        let comment = try #require(tree.comments.first)
        #expect(location == .comment(comment))
    }

    @Test func atTheEdgesOfABlockComment() throws {
        let (tree, before) = location(Fixture("[$0/* ab */]"))
        #expect(before == .arrayBody(try #require(tree.root)))
        let (afterTree, after) = location(Fixture("[/* ab */$0]"))
        #expect(after == .arrayBody(try #require(afterTree.root)))
    }

    @Test(arguments: ["$0{}", "{}$0", "{} $0", "\n$0  {}", "$0", "  $0  "])
    func outsideTheRoot(_ marked: String) {
        let (_, location) = location(Fixture(marked))
        #expect(location == .outside)
    }

    // MARK: innermostNode

    @Test func innermostNodeAndItsAncestors() throws {
        let f = Fixture(#"{"a": [1, {"b": tr$0ue}]}"#)
        let tree = f.parse()
        let node = tree.innermostNode(at: f.offset)
        #expect(node.kind == .true)
        #expect(node.ancestors.map(\.kind) == [.member, .object, .array, .member, .object, .document])
        #expect(node == tree.root?[key: "a"]?[index: 1]?[key: "b"])
    }

    @Test func innermostNodePrefersTheTokenThatStartsAtTheCursor() throws {
        let f = Fixture(#"[1$0"b"]"#)
        let tree = f.parse()
        #expect(tree.innermostNode(at: f.offset) == tree.root?[index: 1])

        let g = Fixture(#"[1$0, 2]"#)
        let other = g.parse()
        #expect(other.innermostNode(at: g.offset) == other.root?[index: 0])
    }

    @Test(arguments: [("$0[1]", false), ("[1]$0", false), ("[$0]", true), ("[1, [2, $0", true)])
    func innermostNodeAtBrackets(_ marked: String, _ inArray: Bool) throws {
        let f = Fixture(marked)
        let tree = f.parse()
        let node = tree.innermostNode(at: f.offset)
        #expect(node.kind == (inArray ? .array : .document))
    }

    @Test func innermostNodeInMemberParts() throws {
        let f = Fixture(#"{"k": $0 1}"#)
        let tree = f.parse()
        let node = tree.innermostNode(at: f.offset)
        #expect(node == tree.root?.members.first)
        #expect(node.kind == .member)
    }
}
