import Testing
@testable import JSONSyntax

@Suite("JSONPath")
struct JSONPathTests {
    static let document = #"""
    {
      "scenarios": [
        {"name": "x", "metrics": [1, {"id": $0}]},
        {"name": "y"}
      ],
      "first name": {"a.b": {"~/": [true]}},
      "q\"\\": 1,
      "test-profile": {"0": "zero", "": "empty", "é": "e"}
    }
    """#

    @Test(arguments: [
        (#"{"id": $02}"#, "scenarios[0].metrics[1].id", "/scenarios/0/metrics/1/id"),
        (#"{"id": 2}, $0"x""#, "scenarios[0].metrics[2]", "/scenarios/0/metrics/2"),
    ])
    func pathsOfNestedValues(_ replacement: String, _ api: String, _ pointer: String) throws {
        let f = Fixture(Self.document.replacingEvery(#"{"id": $0}"#, with: replacement))
        let tree = f.parse()
        #expect(tree.diagnostics.isEmpty)
        let node = tree.innermostNode(at: f.offset)
        #expect(node.kind.isScalar)
        #expect(node.path.apiString == api)
        #expect(node.path.jsonPointer == pointer)
        #expect(node.path.description == api)
        #expect(tree.node(at: node.path) == node)
        #expect(tree.node(at: try #require(JSONPath(api: api))) == node)
        #expect(tree.node(at: try #require(JSONPath(jsonPointer: pointer))) == node)
    }

    static let tree: SyntaxTree = {
        let tree = SyntaxTree(Self.document.replacingEvery("$0", with: "2"))
        precondition(tree.diagnostics.isEmpty)
        return tree
    }()

    @Test(arguments: [
        ("", "", [PathComponent]()),
        ("scenarios", "/scenarios", [.key("scenarios")]),
        ("scenarios[1].name", "/scenarios/1/name", [.key("scenarios"), .index(1), .key("name")]),
        (#"["first name"]["a.b"]["~/"][0]"#, "/first name/a.b/~0~1/0",
         [.key("first name"), .key("a.b"), .key("~/"), .index(0)]),
        (#"["q\"\\"]"#, #"/q"\"#, [.key(#"q"\"#)]),
        ("test-profile.0", "/test-profile/0", [.key("test-profile"), .key("0")]),
        (#"test-profile[""]"#, "/test-profile/", [.key("test-profile"), .key("")]),
        (#"test-profile["é"]"#, "/test-profile/é", [.key("test-profile"), .key("é")]),
    ])
    func keysNeedingBracketsAndEscapes(_ api: String, _ pointer: String, _ components: [PathComponent]) throws {
        let path = JSONPath(components)
        #expect(path.apiString == api)
        #expect(path.jsonPointer == pointer)
        #expect(JSONPath(api: api) == path)
        let fromPointer = try #require(JSONPath(jsonPointer: pointer))
        // A pointer cannot tell the key "0" from the index 0, but finds the same node.
        let node = try #require(Self.tree.node(at: path))
        #expect(Self.tree.node(at: fromPointer) == node)
        #expect(node.path == path)
    }

    @Test func everyValueIsFoundByItsOwnPath() throws {
        let tree = Self.tree
        var checked = 0
        for node in tree.allNodes where node.kind != .document && node.kind != .member {
            let path = node.path
            let isKey = node.parent?.kind == .member && node.parent?.key == node
            let expected = isKey ? node.parent?.value : node
            #expect(tree.node(at: path) == expected, "\(node) at \(path)")
            #expect(tree.node(at: try #require(JSONPath(api: path.apiString))) == expected, "\(path.apiString)")
            #expect(tree.node(at: try #require(JSONPath(jsonPointer: path.jsonPointer))) == expected, "\(path.jsonPointer)")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func membersAndKeysShareTheirValuesPath() throws {
        let f = Fixture(#"{"a": {"$0b": [1]}}"#)
        let tree = f.parse()
        let key = tree.innermostNode(at: f.offset)
        let member = try #require(key.parent)
        #expect(member.kind == .member)
        #expect(key.path.apiString == "a.b")
        #expect(member.path == key.path)
        #expect(member.value?.path == key.path)
    }

    @Test func pointerTokensThatLookLikeIndexes() {
        #expect(JSONPath(jsonPointer: "/a/0")?.components == [.key("a"), .index(0)])
        #expect(JSONPath(jsonPointer: "/a/01")?.components == [.key("a"), .key("01")])
        #expect(JSONPath(jsonPointer: "/a/-1")?.components == [.key("a"), .key("-1")])
        #expect(JSONPath(jsonPointer: "/~01")?.components == [.key("~1")])
        #expect(JSONPath(jsonPointer: "/~10")?.components == [.key("/0")])
        #expect(JSONPath(jsonPointer: "")?.components == [])
        #expect(JSONPath(jsonPointer: "/")?.components == [.key("")])
        #expect(JSONPath(jsonPointer: "a/b") == nil)
    }

    @Test(arguments: [
        ".a", "a..b", "a.", "a[", "a[0", "a[x]", "a[-1]", #"a["b]"#, #"a["b""#, "a[0]b", "[", "[]",
        "a[99999999999999999999]", "a[0]]", ".", "a.[0]",
    ])
    func malformedAPIPaths(_ text: String) {
        #expect(JSONPath(api: text) == nil)
    }

    @Test(arguments: ["scenarios[7]", "scenarios.name", "scenarios[0].name[0]", "missing", "scenarios[0].nope"])
    func pathsThatLeadNowhere(_ api: String) throws {
        let path = try #require(JSONPath(api: api))
        #expect(Self.tree.node(at: path) == nil)
    }

    @Test func arrayIndexGivenAsKeyAndObjectKeyGivenAsIndex() throws {
        let tree = SyntaxTree(#"{"list": [10, 20], "map": {"1": "one"}}"#)
        #expect(tree.node(at: JSONPath([.key("list"), .key("1")]))?.intValue == 20)
        #expect(tree.node(at: JSONPath([.key("map"), .index(1)]))?.stringValue == "one")
        #expect(tree.node(at: JSONPath([.key("list"), .key("x")])) == nil)
    }

    @Test func duplicateKeysResolveToTheLast() throws {
        let tree = SyntaxTree(#"{"a": 1, "a": {"b": 2}}"#)
        #expect(tree.node(at: try #require(JSONPath(api: "a.b")))?.intValue == 2)
    }

    @Test func emptyDocumentHasNoNodeAtAnyPath() {
        #expect(SyntaxTree("").node(at: JSONPath()) == nil)
        #expect(SyntaxTree("[1]").node(at: JSONPath())?.kind == .array)
    }

    @Test func appending() {
        let path = JSONPath().appending(.key("scenarios")).appending(.index(3)).appending(.key("a b"))
        #expect(path.apiString == #"scenarios[3]["a b"]"#)
        #expect(path.jsonPointer == "/scenarios/3/a b")
    }
}
