import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// Every rule has a failing fixture, whose diagnostics must be exactly the
/// marked ones (severity, code and range), and a passing one, which must check
/// clean.
struct RuleFixtureTests {
    @Test(arguments: RuleFixtures.all)
    func fixtureGetsExactlyItsMarkedDiagnostics(file: RuleFixtures.File) throws {
        let fixture = try RuleFixture(name: file.description, marked: String(contentsOf: file.path, encoding: .utf8))
        let result = FileCheck.run(SyntaxTree(fixture.text), fileName: file.fileName)
        let found = result.diagnostics.map {
            RuleFixture.Expectation(severity: $0.severity.name, code: $0.code, range: $0.range)
        }.sorted()
        if file.isPassing {
            #expect(fixture.expectations.isEmpty, "a passing fixture marks nothing")
            #expect(found.isEmpty, "\(file): \(result.diagnostics.map { "\($0.code): \($0.message)" })")
        } else {
            #expect(fixture.expectations.contains { $0.code == file.code }, "\(file) must expect its own code")
            #expect(found == fixture.expectations, "\(file)\nmessages: \(result.diagnostics.map { "\($0.code) \($0.range): \($0.message)" })")
        }
        #expect(result.kind.kind.rawValue != "unknown", "\(file) must be recognised as a Cekura file")
    }

    /// Rules whose fixtures cannot be files, each with the test that covers it instead.
    static let testedWithoutFixtures: Set<RuleCode> = [
        // Needs a document over 1 MB, too big to commit: SpecSizeTests builds them in memory.
        .specTooLarge,
        // Need the API's catalogs, which fixture files do not have: CatalogRuleTests gives them.
        .metricNotFound, .personalityNotFound, .languagePersonalityMismatch,
    ]

    @Test(arguments: RuleCode.allCases)
    func everyRuleHasAFailingAndAPassingFixture(code: RuleCode) {
        guard !Self.testedWithoutFixtures.contains(code) else { return }
        let files = RuleFixtures.all.filter { $0.code == code.rawValue }
        #expect(files.contains { !$0.isPassing }, "no failing fixture for \(code.rawValue)")
        #expect(files.contains { $0.isPassing }, "no passing fixture for \(code.rawValue)")
    }

    @Test func markersAreParsedIntoByteRanges() throws {
        let fixture = try RuleFixture(name: "inline", marked: #"{"name": «"日本"»{error:x}, "n": ««1»{warning:y}»{hint:z}}"#)
        #expect(fixture.text == #"{"name": "日本", "n": 1}"#)
        #expect(fixture.expectations == [
            RuleFixture.Expectation(severity: "error", code: "x", range: TextRange(9, 17)),
            RuleFixture.Expectation(severity: "warning", code: "y", range: TextRange(24, 25)),
            RuleFixture.Expectation(severity: "hint", code: "z", range: TextRange(24, 25)),
        ])
    }
}
