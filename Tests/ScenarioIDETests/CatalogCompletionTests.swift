import JSONSyntax
import ScenarioModel
@testable import ScenarioIDE
import Testing

/// Completion and hover of personality ids, metric slugs and ids and
/// test-profile ids from the API's catalogs.
struct CatalogCompletionTests {
    static let catalogs = Catalogs(
        personalities: [Catalogs.Personality(id: 3, name: "Normal Male", language: "en", voice: "American · cartesia"),
                        Catalogs.Personality(id: 812, name: "Geduldige Kundin", language: "de", voice: nil)],
        metrics: [Catalogs.Metric(id: 412, name: "Greeting by name", slug: "greeting_by_name", description: "Greets by name")],
        predefinedMetrics: [Catalogs.Metric(id: 1, name: "Latency", slug: "latency", description: nil)],
        testProfiles: [Catalogs.TestProfile(id: 41, name: "Damaged order")])

    private func items(_ marked: String, fileName: String = "cekura.tests.json") -> (CursorFixture, [CompletionItem]) {
        let fixture = CursorFixture(marked, fileName: fileName)
        return (fixture, CatalogCompletion.items(in: fixture.document, at: fixture.offset, catalogs: Self.catalogs))
    }

    private func accepting(_ label: String, _ fixture: CursorFixture, _ items: [CompletionItem]) -> String? {
        guard let item = items.first(where: { $0.label == label }) else { return nil }
        var bytes = Array(fixture.text.utf8)
        bytes.replaceSubrange(item.range.start..<item.range.end, with: Array(item.newText.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func personalitiesByNameInsertTheirID() {
        let (fixture, items) = items(#"{"version": "1", "scenarios": [{"name": "🎉", "personality": $0}]}"#)
        #expect(items.map(\.label) == ["Normal Male", "Geduldige Kundin"])
        #expect(items[0].detail == "English (en) · American · cartesia")
        #expect(accepting("Geduldige Kundin", fixture, items) == #"{"version": "1", "scenarios": [{"name": "🎉", "personality": 812}]}"#)
        // Typing over a number, or the `base` of an inline personality.
        let (typed, over) = self.items(#"{"version": "1", "defaults": {"personality": {"base": 8$0}}, "scenarios": []}"#)
        #expect(accepting("Normal Male", typed, over) == #"{"version": "1", "defaults": {"personality": {"base": 3}}, "scenarios": []}"#)
        #expect(over[1].filterText == "Geduldige Kundin 812")
    }

    @Test func metricsInsertSlugsInSuitesAndIDsInEvaluators() {
        let (fixture, items) = items(#"{"version": "1", "scenarios": [{"name": "a", "metrics": ["latency", "gr$0"]}]}"#)
        #expect(items.map(\.label) == ["Greeting by name"], "latency is listed already")
        #expect(items[0].filterText == #""Greeting by name greeting_by_name 412"#)
        #expect(accepting("Greeting by name", fixture, items) == #"{"version": "1", "scenarios": [{"name": "a", "metrics": ["latency", "greeting_by_name"]}]}"#)
        let (evaluator, ids) = self.items(#"{"name": "e", "personality": 3, "metrics": [$0]}"#, fileName: "e.evaluator.json")
        #expect(accepting("Latency", evaluator, ids) == #"{"name": "e", "personality": 3, "metrics": [1]}"#)
    }

    @Test func testProfilesAndNothingElsewhere() {
        let (fixture, items) = items(#"{"version": "1", "scenarios": [{"name": "a", "test_profile": $0}]}"#)
        #expect(accepting("Damaged order", fixture, items) == #"{"version": "1", "scenarios": [{"name": "a", "test_profile": 41}]}"#)
        #expect(self.items(#"{"version": "1", "scenarios": [{"name": "a", "frequency": $0}]}"#).1.isEmpty)
        #expect(self.items(#"{"version": "1", "scenarios": [{"name": "a", "personality": {"speed": $0}}]}"#).1.isEmpty)
        #expect(self.items(#"{"role": "r", "conditions": [], "personality": $0}"#, fileName: "flow.json").1.isEmpty)
        let unknown = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "personality": $0}]}"#)
        #expect(CatalogCompletion.items(in: unknown.document, at: unknown.offset, catalogs: Catalogs()).isEmpty)
    }

    @Test func hoverNamesWhatAnIDStandsFor() throws {
        let personality = CursorFixture(#"{"name": "e", "personality": 8$012}"#, fileName: "e.evaluator.json")
        let info = try #require(CatalogCompletion.hover(in: personality.document, at: personality.offset, catalogs: Self.catalogs))
        #expect(info.markdown == "**Geduldige Kundin** — personality 812\n\nGerman (de)")
        #expect(personality.covered(info.range) == "812")
        let slug = CursorFixture(#"{"version": "1", "scenarios": [{"name": "a", "metrics": ["greet$0ing_by_name"]}]}"#)
        #expect(CatalogCompletion.hover(in: slug.document, at: slug.offset, catalogs: Self.catalogs)?.markdown
            == "**Greeting by name** — metric 412 (`greeting_by_name`)\n\nGreets by name")
        let missing = CursorFixture(#"{"name": "e", "personality": 9$099}"#, fileName: "e.evaluator.json")
        #expect(CatalogCompletion.hover(in: missing.document, at: missing.offset, catalogs: Self.catalogs) == nil)
    }
}
