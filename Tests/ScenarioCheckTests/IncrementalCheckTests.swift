import JSONSyntax
@testable import ScenarioCheck
import ScenarioFixtures
import Testing

/// A check that reuses the findings of unchanged suite cases must give
/// exactly what a full check gives, after any edit: typing in a case, in
/// `defaults` or before it, breaking the syntax, adding and removing cases.
struct IncrementalCheckTests {
    /// Text an edit inserts: tags right and wrong, placeholders, JSON punctuation.
    static let insertions = [
        #"<silence time=\"2\" />"#, #"<spell>"#, #"</spell>"#, #"<Endcall/>"#, #"{{test_profile.nope}}"#, #"{{function.lookup}}"#,
        #"<voice provider=\"cartesia\" id=\"x\">"#, #"<dtmf digits=\"12 a\" />"#, #"[sigh]"#, "x", " ", #"\""#, #"\n"#,
        "\"", ",", "{", "}", "]", #"<silence time=\"1s\" time=\"2s\" />"#, #"{{test_profile.postcode}}"#,
    ]

    enum Edit: CaseIterable {
        case insertInString, deleteInString, insertAnywhere, dropCaseLanguage, editDefaults, editBeforeDefaults, duplicateCase, removeCase
    }

    @Test(arguments: [(false, UInt64(1)), (true, 2), (true, 3)])
    func matchesTheFullCheckAfterRandomEdits(scripts: Bool, seed: UInt64) {
        var generator = SuiteGenerator(seed: seed)
        var text = Array((scripts ? generator.scriptSuite(cases: 10) : generator.suite(cases: 16)).utf8)
        var random = SplitMix64(seed: seed)
        var cache: CaseCheckCache?
        var reused = 0
        for step in 0..<50 {
            let edit = Edit.allCases[Int(random.next() % UInt64(Edit.allCases.count))]
            text = Self.apply(edit, to: text, &random)
            let tree = SyntaxTree.parse(text)
            let incremental = FileCheck.run(tree, fileName: "cekura.tests.json", reusing: cache)
            let full = FileCheck.run(tree, fileName: "cekura.tests.json")
            #expect(incremental.result.diagnostics == full.diagnostics, "step \(step), after \(edit)")
            #expect(incremental.result.kind == full.kind)
            reused += incremental.cache?.reusedCases ?? 0
            cache = incremental.cache
        }
        // Most cases are unchanged at each step (until an edit breaks the syntax
        // around them): the comparison is about reused findings.
        #expect(reused >= 100)
    }

    /// A case whose findings point into `defaults` (the language it inherits)
    /// keeps pointing there when the case moves and `defaults` does not, and
    /// the other way round.
    @Test func findingsInDefaultsStayWithDefaults() throws {
        var generator = SuiteGenerator(seed: 5)
        var text = generator.scriptSuite(cases: 3)
        // The second case inherits its language.
        let secondCase = try #require(text.firstRange(of: #""key": "script_1""#)).upperBound
        let language = try #require(text[secondCase...].firstRange(of: #""language": "#)).lowerBound
        text.removeSubrange(language...(try #require(text[language...].firstIndex(of: "\n"))))
        var previous = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json", reusing: nil)
        #expect(previous.result.diagnostics.contains { $0.code == RuleCode.suiteLanguageFromDefaults.rawValue })
        // Typing in the first case moves the second; typing before `defaults` moves both.
        for (anchor, typed, reused) in [(#""key": "script_0"#, "0", 2), (#""version": "1","#, "  ", 3)] {
            let offset = try #require(text.firstRange(of: anchor)).upperBound
            text.insert(contentsOf: typed, at: offset)
            let tree = SyntaxTree(text)
            let next = FileCheck.run(tree, fileName: "cekura.tests.json", reusing: previous.cache)
            #expect(next.cache?.reusedCases == reused)
            #expect(next.result.diagnostics == FileCheck.run(tree, fileName: "cekura.tests.json").diagnostics)
            previous = next
        }
    }

    static func apply(_ edit: Edit, to text: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var text = text
        func pick(_ count: Int) -> Int { count > 0 ? Int(random.next() % UInt64(count)) : 0 }
        let tree = SyntaxTree.parse(text)
        let cases = tree.root?[key: "scenarios"]?.elements.filter { $0.kind == .object } ?? []
        switch edit {
        case .insertInString, .deleteInString:
            let strings = (0..<tree.nodeCount).map { tree.node(at: $0) }.filter { $0.kind == .string && $0.contentRange.length > 0 }
            guard !strings.isEmpty else { return text }
            let content = strings[pick(strings.count)].contentRange
            let offset = content.start + pick(content.length)
            if edit == .insertInString {
                text.insert(contentsOf: insertions[pick(insertions.count)].utf8, at: offset)
            } else {
                text.removeSubrange(offset..<min(content.end, offset + 1 + pick(3)))
            }
        case .insertAnywhere:
            text.insert(contentsOf: insertions[pick(insertions.count)].utf8, at: pick(text.count + 1))
        case .dropCaseLanguage:
            guard !cases.isEmpty, let member = cases[pick(cases.count)].member(named: "language") else { return text }
            text.removeSubrange(member.range.start..<member.range.end)
        case .editDefaults:
            guard let defaults = tree.root?[key: "defaults"], defaults.kind == .object else { return text }
            let addition = pick(2) == 0 ? #""test_profile": {"caller_variables": {"postcode": "X"}}, "# : #""tools": ["receive_dtmf"], "#
            text.insert(contentsOf: addition.utf8, at: defaults.range.start + 1)
        case .editBeforeDefaults:
            text.insert(contentsOf: "  ".utf8, at: 2)
        case .duplicateCase:
            guard !cases.isEmpty else { return text }
            let range = cases[pick(cases.count)].range
            text.insert(contentsOf: Array(text[range.start..<range.end]) + Array(",\n".utf8), at: range.start)
        case .removeCase:
            guard cases.count > 1 else { return text }
            let index = pick(cases.count - 1)
            text.removeSubrange(cases[index].range.start..<cases[index + 1].range.start)
        }
        return text
    }
}
