import JSONSyntax
import ScenarioCheck
import ScenarioFixtures
import Testing

/// The benchmark's input must stay what it claims to be: a valid, realistic
/// 1 MB test-suite spec, the same bytes on every run.
struct GeneratedSuiteTests {
    @Test func isAbout1MBOfValidSuiteWithNonASCIIText() {
        var generator = SuiteGenerator()
        let text = generator.suite()
        #expect((900_000...1_100_000).contains(text.utf8.count))
        #expect(text.unicodeScalars.contains { !$0.isASCII })
        let result = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json")
        #expect(result.kind.kind == .testSuite)
        #expect(result.diagnostics.isEmpty)
        #expect(SyntaxTree(text).root?[key: "scenarios"]?.elements.count == 200)
    }

    @Test func isDeterministicPerSeed() {
        var first = SuiteGenerator(), second = SuiteGenerator(), other = SuiteGenerator(seed: 7)
        let text = first.suite(cases: 10)
        #expect(text == second.suite(cases: 10))
        #expect(text != other.suite(cases: 10))
    }

    @Test func formatsToTheSameValues() throws {
        var generator = SuiteGenerator()
        let tree = SyntaxTree(generator.suite(cases: 20))
        let formatted = try #require(JSONFormatter.format(tree))
        let reformatted = try #require(JSONFormatter.format(SyntaxTree(formatted)))
        #expect(formatted == reformatted)
        #expect(SyntaxTree(formatted).node(at: JSONPath(api: "scenarios[2].conditional_actions.conditions[4].action")!)?.stringValue
            == tree.node(at: JSONPath(api: "scenarios[2].conditional_actions.conditions[4].action")!)?.stringValue)
    }
}

/// The tag layer's benchmark input: about 1 MB of scripts, every kind of tag
/// and placeholder, and clean.
struct GeneratedScriptSuiteTests {
    @Test func isAbout1MBOfCleanScripts() {
        var generator = SuiteGenerator()
        let text = generator.scriptSuite()
        #expect((900_000...1_200_000).contains(text.utf8.count), "\(text.utf8.count) bytes")
        let result = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json")
        #expect(result.kind.kind == .testSuite)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5).map { "\($0.code): \($0.message)" })")
    }
}
