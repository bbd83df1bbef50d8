import JSONSyntax
import ScenarioCheck
import ScenarioModel
import Testing

/// The checks against the API's catalogs; silent where a catalog is not known.
struct CatalogRuleTests {
    static let catalogs = Catalogs(
        personalities: [Catalogs.Personality(id: 3, name: "Normal Male", language: "en", voice: nil),
                        Catalogs.Personality(id: 812, name: "Geduldige Kundin", language: "de", voice: nil),
                        Catalogs.Personality(id: 900, name: "Polyglot", language: "multi", voice: nil)],
        metrics: [Catalogs.Metric(id: 412, name: "Greeting by name", slug: "greeting_by_name", description: nil)],
        predefinedMetrics: [Catalogs.Metric(id: 1, name: "Latency", slug: "latency", description: nil)])

    private func check(_ text: String, fileName: String = "cekura.tests.json", catalogs: Catalogs = Self.catalogs) -> [String] {
        let tree = SyntaxTree(text)
        return CatalogRules.check(ScenarioDocument(tree: tree, fileName: fileName), catalogs).map { diagnostic in
            "\(diagnostic.code) \(diagnostic.severity.name) \(tree.text(in: diagnostic.range)): \(diagnostic.message)"
        }
    }

    @Test func unknownMetricsAndPersonalitiesInASuite() {
        let text = #"{"version": "1", "defaults": {"metrics": ["latency", 7], "personality": {"base": 9}}, "#
            + #""scenarios": [{"name": "a", "metrics": ["greeting_by_nam", 412], "personality": 3}]}"#
        #expect(check(text) == [
            "metric-not-found warning 7: no metric with id 7 in the project's metrics; the API refuses unknown metrics",
            "personality-not-found warning 9: no personality with id 9 among the 3 your API key can use; the API refuses unknown personalities",
            #"metric-not-found warning "greeting_by_nam": no metric with slug `greeting_by_nam` in the project's metrics (did you mean `greeting_by_name`?); the API refuses unknown metrics"#,
        ])
    }

    @Test func anEvaluatorLanguageItsPersonalityDoesNotSpeak() throws {
        let text = #"{"name": "e", "personality": 812, "scenario_language": "en", "metrics": [412]}"#
        let tree = SyntaxTree(text)
        let found = CatalogRules.check(ScenarioDocument(tree: tree, fileName: "e.evaluator.json"), Self.catalogs)
        let mismatch = try #require(found.first)
        #expect(found.count == 1 && mismatch.code == "language-personality-mismatch" && mismatch.severity == .error)
        #expect(tree.text(in: mismatch.range) == #""en""#)
        #expect(mismatch.related.map { tree.text(in: $0.range) } == ["812"])
        #expect(mismatch.fixes.first?.edits == [TextEdit(range: mismatch.range, newText: #""de""#)])
        #expect(check(#"{"name": "e", "personality": 900, "scenario_language": "en"}"#, fileName: "e.evaluator.json").isEmpty, "multi speaks all")
    }

    @Test func unknownCatalogsSaySilent() {
        let text = #"{"version": "1", "scenarios": [{"name": "a", "metrics": ["nope"], "personality": 9}]}"#
        #expect(check(text, catalogs: Catalogs()).isEmpty)
        // Personalities known, metrics not (no agent or project): only personalities are checked.
        #expect(check(text, catalogs: Catalogs(personalities: [])).count == 1)
    }
}
