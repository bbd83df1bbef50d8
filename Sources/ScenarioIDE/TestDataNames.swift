import JSONSyntax
import ScenarioModel

/// `{{test_profile…}}` keys, resolved in the inline test data where the
/// placeholder stands, as the checker resolves them (`InlineTestData`).
struct PlaceholderNames {
    let testData: InlineTestData?
    /// Where keys the test data lacks are looked up: the profile, else the
    /// case or the script.
    let testDataScope: TextRange

    init(testData: InlineTestData?, testDataScope: TextRange) {
        self.testData = testData
        self.testDataScope = testDataScope
    }

    /// In a suite case: its inline test data, else the case itself.
    init(_ suiteCase: SuiteCaseView) {
        let testData = InlineTestData(suiteCase)
        self.init(testData: testData, testDataScope: testData?.profile.range ?? suiteCase.node.range)
    }

    /// Each key of a test-profile placeholder (a nested path has several).
    func collect(_ placeholder: Placeholder, shiftedBy shift: Int, in text: MappedText, into found: inout [SymbolOccurrence]) {
        guard case .testProfile(let keys) = placeholder.kind else { return }
        let names = keys.map(\.name)
        let members = testData?.members(along: names) ?? []
        let content = Array(placeholder.content.utf8)
        for (index, key) in keys.enumerated() {
            let symbol: ScriptSymbol = if index < members.count, let defining = members[index].key {
                .defined(.testProfileKey, key.name, at: defining.contentRange)
            } else {
                .undefined(.testProfileKey, key.name, in: testDataScope, path: Array(names[..<index]))
            }
            let range = text.outer(key.range.lowerBound + shift..<key.range.upperBound + shift)
            let before = content[key.range.lowerBound - placeholder.contentRange.lowerBound - 1]
            found.append(SymbolOccurrence(symbol: symbol, range: range, extent: range, container: nil,
                                          spelling: Self.spelling(after: before, in: text, written: "{{\(placeholder.content)}}")))
        }
    }

    /// What a key can hold in the form it is written in: `.key` stops at a dot,
    /// a bracket or a blank, `['key']` at its quote; any form ends at a brace,
    /// and inside a tag's attribute value at the value's quote.
    private static func spelling(after byte: UInt8, in text: MappedText, written: String) -> Spelling {
        var spelling = Spelling(stringLayers: text.layers, form: written)
        spelling.forbidden = byte == UInt8(ascii: ".") ? [".", "[", " ", "\t", "\n", "\r"] : [Character(Unicode.Scalar(byte))]
        spelling.forbidden.formUnion(["{", "}"])
        if let quote = text.quote { spelling.forbidden.insert(quote) }
        return spelling
    }
}

/// The test-profile keys of a suite: the keys of its inline test data, and
/// the placeholders that name them in the cases' texts and scripts.
enum TestDataNames {
    /// What a position outside the scripts stands among: the keys of
    /// `defaults.test_profile`, or a case's own keys and the placeholders of its texts.
    static func collect(_ suite: SuiteView, around offset: Int, into found: inout [SymbolOccurrence]) {
        if let profile = suite.defaults?.value("test_profile"), profile.range.touches(offset) {
            return collectKeys(of: profile, into: &found)
        }
        guard let suiteCase = suite.cases.first(where: { $0.node.range.touches(offset) }) else { return }
        collect(suiteCase, PlaceholderNames(suiteCase), into: &found)
    }

    /// Every place a test-profile key may stand: the keys of each inline
    /// profile, and the placeholders of the cases whose test data the symbol
    /// is looked up in, scripts included.
    static func collect(_ suite: SuiteView, sharing symbol: ScriptSymbol, in document: ScenarioDocument, into found: inout [SymbolOccurrence]) {
        if let profile = suite.defaults?.value("test_profile") { collectKeys(of: profile, into: &found) }
        for suiteCase in suite.cases {
            let names = PlaceholderNames(suiteCase)
            guard symbol.isLookedUp(in: names.testDataScope) else { continue }
            collect(suiteCase, names, into: &found)
            guard let script = suiteCase.script else { continue }
            let occurrence = ScriptOccurrence(script: script, context: .suiteCase(suiteCase))
            var scriptNames = ScriptNames(occurrence, focus: document.focus(on: occurrence))
            scriptNames.testProfileKeysOnly = true
            scriptNames.collect(into: &found)
        }
    }

    /// A case's own keys and the placeholders of the texts the checker reads
    /// them in (its script is read with the scripts).
    private static func collect(_ suiteCase: SuiteCaseView, _ names: PlaceholderNames, into found: inout [SymbolOccurrence]) {
        if let profile = suiteCase.value("test_profile") { collectKeys(of: profile, into: &found) }
        for field in ["instructions", "expected_outcome", "first_message", "name"] {
            guard let string = suiteCase.value(field), string.kind == .string else { continue }
            let decoded = string.decoded
            let text = MappedText(outer: { decoded.sourceRange(ofDecoded: $0) }, layers: 1)
            for placeholder in ActionParser.placeholders(in: decoded.value) {
                names.collect(placeholder, shiftedBy: 0, in: text, into: &found)
            }
        }
    }

    /// Every key, at any depth, of an inline profile's `caller_variables` and `agent_variables`.
    private static func collectKeys(of profile: SyntaxNode, into found: inout [SymbolOccurrence]) {
        guard profile.kind == .object else { return }
        func collect(in object: SyntaxNode) {
            guard object.kind == .object else { return }
            for member in object.members {
                guard let key = member.key, key.kind == .string else { continue }
                found.append(SymbolOccurrence(symbol: .defined(.testProfileKey, member.keyName, at: key.contentRange), range: key.contentRange,
                                              extent: member.range, container: object.range, spelling: Spelling(stringLayers: 1)))
                if let value = member.value { collect(in: value) }
            }
        }
        for section in ["caller_variables", "agent_variables"] {
            if let object = profile[key: section] { collect(in: object) }
        }
    }
}
