import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Symbols, folding, selection ranges, inlay hints and semantic tokens
/// through the protocol, with positions after emoji and CJK text.
struct StructureFeatureTests {
    /// A suite whose script stands after astral and CJK text on its lines.
    static let suite = """
        {"suite": {"name": "🚀 漢字"}, "version": "1", "scenarios": [
          {"name": "Café ☕", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [
            {"id": 0, "condition": "FIRST_MESSAGE 🎉", "action": "Hi 漢字 <silence time=\\"1s\\"/> {{test_profile.name}} [sigh]", "type": "standard", "fixed_message": true},
            {"id": 1, "action": "ok 🚀 <endcall />", "condition": 0, "type": "action_followup", "fixed_message": true}]}}]}
        """
    static let scriptURI = "file:///work/project/flows/parcel.cekura.json"
    static let script = #"{"role": "🚀", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi"}]}"#

    /// Clients that take a nested outline, in each encoding.
    static let encodings: [(String, JSONValue)] = [
        ("utf-8", ["general": ["positionEncodings": ["utf-8", "utf-16"]],
                   "textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]]),
        ("utf-16", ["textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]]),
    ]

    /// The LSP position where the `occurrence`-th `needle` starts in `text`, plus `offset` characters (ASCII ones).
    static func position(of needle: String, in text: String, occurrence: Int = 0, plus offset: Int = 0, _ encoding: String) -> JSONValue {
        var searched = text.startIndex
        var found = text.range(of: needle)!
        for _ in 0..<occurrence {
            searched = found.upperBound
            found = text.range(of: needle, range: searched..<text.endIndex)!
        }
        let before = text[..<found.lowerBound]
        let line = before.filter { $0 == "\n" }.count
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return ["line": .integer(line), "character": .integer(Samples.column(String(before[lineStart...]), encoding) + offset)]
    }

    /// A server for a client that offers only `encoding`, once it has announced `capability`, with `suite` open.
    static func serverWithSuite(_ encoding: String, announcing capability: String) throws -> (ServerHarness, JSONValue) {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: ["general": ["positionEncodings": encoding == "utf-8" ? ["utf-8"] : []]])
        let provider = try #require(result["capabilities"]?[capability])
        harness.open(Samples.suiteURI, Self.suite)
        return (harness, provider)
    }

    static func request(_ harness: ServerHarness, _ method: String, _ uri: String = Samples.suiteURI,
                        _ extra: [(key: String, value: JSONValue)] = []) throws -> JSONValue {
        let response = try harness.request(method, .object([("textDocument", ["uri": .string(uri)])] + extra))
        #expect(response["error"] == nil, "\(response)")
        return try #require(response["result"])
    }

    // MARK: Symbols

    @Test(arguments: encodings)
    func outlineNestsCasesAndConditionsWithRangesAfterAstralText(encoding: String, capabilities: JSONValue) throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: capabilities)
        #expect(result["capabilities"]?["documentSymbolProvider"] == true)
        harness.open(Samples.suiteURI, Self.suite)
        let symbols = try Self.request(harness, "textDocument/documentSymbol")
        let suite = try #require(symbols.arrayValue?.first)
        #expect(suite["name"] == "🚀 漢字")
        #expect(suite["kind"] == 2)
        #expect(suite["selectionRange"]?["start"] == Self.position(of: #""🚀 漢字""#, in: Self.suite, encoding))
        let testCase = try #require(suite["children"]?.arrayValue?.first)
        #expect(testCase["name"] == "Café ☕")
        let followup = try #require(testCase["children"]?.arrayValue?.last)
        #expect(followup["name"] == "#1 → #0")
        #expect(followup["kind"] == 6)
        #expect(followup["range"]?["start"] == Self.position(of: #"{"id": 1"#, in: Self.suite, encoding))
        #expect(followup["selectionRange"]?["start"] == Self.position(of: #""id": 1"#, in: Self.suite, plus: 6, encoding))
    }

    @Test func clientsWithoutHierarchyGetAFlatList() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode)
        harness.open(Samples.suiteURI, Self.suite)
        let symbols = try #require(try Self.request(harness, "textDocument/documentSymbol").arrayValue)
        #expect(symbols.map { $0["name"]?.stringValue } == ["🚀 漢字", "Café ☕", "#0: FIRST_MESSAGE 🎉", "#1 → #0"])
        #expect(symbols.map { $0["containerName"]?.stringValue } == [nil, "🚀 漢字", "Café ☕", "Café ☕"])
        #expect(symbols[2]["location"]?["uri"] == .string(Samples.suiteURI))
        #expect(symbols[2]["location"]?["range"]?["start"] == Self.position(of: #"{"id": 0"#, in: Self.suite, "utf-16"))
        #expect(symbols.allSatisfy { $0["children"] == nil && $0["selectionRange"] == nil })
    }

    @Test func filesThatAreNotScenarioFilesHaveNoSymbols() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Self.encodings[0].1)
        harness.open(Samples.otherURI, #"{"name": "web", "scripts": {"build": "swift build"}}"#)
        #expect(try Self.request(harness, "textDocument/documentSymbol", Samples.otherURI) == [])
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func workspaceSymbolsSearchEveryOpenDocument(encoding: String) throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: encoding == "utf-8" ? Self.encodings[0].1 : Clients.vscode)
        #expect(result["capabilities"]?["workspaceSymbolProvider"] == true)
        harness.open(Samples.suiteURI, Self.suite)
        harness.open(Self.scriptURI, Self.script)
        harness.open(Samples.otherURI, #"{"name": "first message"}"#)
        let response = try harness.request("workspace/symbol", ["query": "FIRSTmes"])
        let symbols = try #require(response["result"]?.arrayValue)
        #expect(symbols.map { $0["location"]?["uri"]?.stringValue } == [Samples.suiteURI, Self.scriptURI])
        #expect(symbols.map { $0["name"]?.stringValue } == ["#0: FIRST_MESSAGE 🎉", "#0: FIRST_MESSAGE"])
        #expect(symbols[0]["location"]?["range"]?["start"] == Self.position(of: #"{"id": 0"#, in: Self.suite, encoding))
        #expect(symbols[1]["location"]?["range"]?["start"] == Self.position(of: #"{"id": 0"#, in: Self.script, encoding))
        #expect(symbols[1]["containerName"] == nil)
    }

    // MARK: Folding

    /// The array's bracket stands after astral and CJK text.
    static let foldable = """
        {
          "suite": {"name": "🚀 漢字", "description": "d"}, "scenarios": [
            {"name": "n", "instructions": "i"}
          ], "version": "1"
        }
        """

    @Test(arguments: ["utf-8", "utf-16"])
    func foldsWithinLinesAfterAstralText(encoding: String) throws {
        let harness = ServerHarness()
        let offered: JSONValue = encoding == "utf-8" ? ["utf-8"] : ["utf-16"]
        let result = try harness.initialize(capabilities: ["general": ["positionEncodings": offered],
                                                           "textDocument": ["foldingRange": ["lineFoldingOnly": false]]])
        #expect(result["capabilities"]?["foldingRangeProvider"] == true)
        harness.open(Samples.suiteURI, Self.foldable)
        let afterBracket = Self.position(of: "[", in: Self.foldable, plus: 1, encoding)["character"]!
        #expect(try Self.request(harness, "textDocument/foldingRange") == [
            ["startLine": 0, "endLine": 4, "startCharacter": 1, "endCharacter": 0],
            ["startLine": 1, "endLine": 3, "startCharacter": afterBracket, "endCharacter": 2],
        ])
    }

    @Test func lineFoldingClientsGetWholeLinesWithinTheirLimit() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: ["textDocument": ["foldingRange": ["lineFoldingOnly": true, "rangeLimit": 1]]])
        harness.open(Samples.suiteURI, Self.foldable)
        #expect(try Self.request(harness, "textDocument/foldingRange") == [["startLine": 0, "endLine": 3]])
        harness.open(Samples.otherURI, "{\n  \"a\": [\n    1\n  ]\n}")
        #expect(try Self.request(harness, "textDocument/foldingRange", Samples.otherURI) == [])
    }

    // MARK: Selection ranges

    @Test(arguments: ["utf-8", "utf-16"])
    func selectionGrowsFromAnAttributeValueAfterCJKText(encoding: String) throws {
        let (harness, provider) = try Self.serverWithSuite(encoding, announcing: "selectionRangeProvider")
        #expect(provider == true)
        let inValue = Self.position(of: #"1s\""#, in: Self.suite, plus: 1, encoding)
        let ranges = try #require(try Self.request(harness, "textDocument/selectionRange", Samples.suiteURI,
                                                   [("positions", [inValue, ["line": 0, "character": 0]])]).arrayValue)
        #expect(ranges.count == 2)
        #expect(ranges[0]["range"] == ["start": Self.position(of: #"1s\""#, in: Self.suite, encoding),
                                       "end": Self.position(of: #"1s\""#, in: Self.suite, plus: 2, encoding)])
        #expect(ranges[0]["parent"]?["range"]?["start"] == Self.position(of: "time=", in: Self.suite, encoding))
        #expect(ranges[0]["parent"]?["parent"]?["range"]?["start"] == Self.position(of: "<silence", in: Self.suite, encoding))
        var outermost = ranges[0]
        while let parent = outermost["parent"] { outermost = parent }
        #expect(outermost["range"]?["start"] == ["line": 0, "character": 0])
        // Before the top-level value there is nothing to select but the position.
        #expect(ranges[1] == ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]]])
        #expect(try Self.request(harness, "textDocument/selectionRange", Samples.suiteURI, [("positions", [])]) == [])
        let malformed = try harness.request("textDocument/selectionRange", ["textDocument": ["uri": .string(Samples.suiteURI)],
                                                                             "positions": [["line": 0]]])
        #expect(malformed["error"]?["code"] == .integer(ResponseError.invalidParamsCode))
    }

    // MARK: Inlay hints

    @Test(arguments: ["utf-8", "utf-16"])
    func followupHintStandsAfterItsIdPastAstralText(encoding: String) throws {
        let (harness, provider) = try Self.serverWithSuite(encoding, announcing: "inlayHintProvider")
        #expect(provider == true)
        let whole: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]]
        let hints = try #require(try Self.request(harness, "textDocument/inlayHint", Samples.suiteURI, [("range", whole)]).arrayValue)
        #expect(hints.count == 1)
        let hint = try #require(hints.first)
        #expect(hint["label"] == "→ #0 FIRST_MESSAGE 🎉")
        #expect(hint["position"] == Self.position(of: #""condition": 0"#, in: Self.suite, plus: 14, encoding))
        #expect(hint["tooltip"]?.stringValue?.hasPrefix("#0: FIRST_MESSAGE 🎉\nAction: Hi 漢字") == true)
        #expect(hint["paddingLeft"] == true)
        // A range that ends before the followup's line holds no hint.
        let early: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 2, "character": 0]]
        #expect(try Self.request(harness, "textDocument/inlayHint", Samples.suiteURI, [("range", early)]) == [])
    }

    // MARK: Semantic tokens

    /// Relative token data read back as absolute tokens: line, character, length and type name.
    static func absolute(_ data: JSONValue?, legend: JSONValue?) -> [String] {
        let numbers = data?.arrayValue?.compactMap(\.intValue) ?? []
        let names = legend?.arrayValue?.compactMap(\.stringValue) ?? []
        var tokens: [String] = []
        var line = 0, character = 0
        for start in stride(from: 0, to: numbers.count - 4, by: 5) {
            line += numbers[start]
            character = numbers[start] == 0 ? character + numbers[start + 1] : numbers[start + 1]
            tokens.append("\(line):\(character)+\(numbers[start + 2]) \(names[numbers[start + 3]])")
        }
        return tokens
    }

    static func token(_ needle: String, _ length: Int, _ type: String, _ encoding: String) -> String {
        let position = Self.position(of: needle, in: Self.suite, encoding)
        return "\(position["line"]?.intValue ?? -1):\(position["character"]?.intValue ?? -1)+\(length) \(type)"
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func tagLanguageTokensAfterCJKAndAstralText(encoding: String) throws {
        let (harness, provider) = try Self.serverWithSuite(encoding, announcing: "semanticTokensProvider")
        #expect(provider["full"] == true && provider["range"] == true)
        let legend = provider["legend"]?["tokenTypes"]
        let full = try Self.request(harness, "textDocument/semanticTokens/full")
        #expect(Self.absolute(full["data"], legend: legend) == [
            Self.token("<silence", 8, "keyword", encoding), Self.token("time=", 4, "property", encoding),
            Self.token(#"\"1s"#, 6, "string", encoding), Self.token("/> {{", 2, "keyword", encoding),
            Self.token("{{test", 15, "macro", encoding), Self.token("name}}", 4, "variable", encoding),
            Self.token("}} [", 2, "macro", encoding), Self.token("[sigh]", 6, "enumMember", encoding),
            Self.token("<endcall", 8, "keyword", encoding), Self.token("/>\"", 2, "keyword", encoding),
        ])
        let lastLine: JSONValue = ["start": ["line": 3, "character": 0], "end": ["line": 4, "character": 0]]
        let range = try Self.request(harness, "textDocument/semanticTokens/range", Samples.suiteURI, [("range", lastLine)])
        #expect(Self.absolute(range["data"], legend: legend) == [
            Self.token("<endcall", 8, "keyword", encoding), Self.token("/>\"", 2, "keyword", encoding),
        ])
    }

    @Test(arguments: [("utf-8", [0, 1, 1, 3, 0, 1, 0, 7, 3, 0]), ("utf-16", [0, 1, 1, 3, 0, 1, 0, 5, 3, 0])])
    func aTokenOverALineEndIsSplit(encoding: String, expected: [Int]) {
        let text = "ab\ncd😀ef\ng"
        let lines = LineIndex(Array(text.utf8))
        let token = (range: TextRange(1, "ab\ncd😀e".utf8.count), type: 3)
        #expect(LanguageServer.semanticTokenData([token], lines: lines, encoding: PositionEncoding(rawValue: encoding)!) == expected)
    }
}
