import Foundation
import JSONSyntax
import ScenarioCheck
import ScenarioFixtures
import Testing

/// `spec-too-large`: the API takes a spec of at most 1 MB, unit unstated, so
/// the checker warns above 1,000,000 bytes and refuses above 1,048,576
/// (scenario-format.md §3.1). A fixture that size would weigh down the
/// repository, so the documents are built here: the benchmark's generated
/// suite, its description padded to an exact size.
struct SpecSizeTests {
    /// The generated suite, exactly `bytes` long; `padding` fills the suite's
    /// description (a field without a length limit).
    static func suite(bytes: Int, padding: Character = "x") -> String {
        var generator = SuiteGenerator()
        let base = generator.suite(cases: 150)
        let missing = bytes - base.utf8.count
        precondition(missing >= 0, "the generated suite is already \(base.utf8.count) bytes")
        let width = String(padding).utf8.count
        let pad = String(repeating: padding, count: missing / width) + String(repeating: "x", count: missing % width)
        let text = base.replacingFirst(#""description": "Generated for benchmarks""#, with: #""description": "Generated for benchmarks"# + pad + "\"")
        precondition(text.utf8.count == bytes)
        return text
    }

    static func sizeDiagnostics(_ text: String) -> [Diagnostic] {
        let result = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json")
        #expect(result.kind.kind == .testSuite)
        return result.diagnostics
    }

    @Test(arguments: [999_999, 1_000_000])
    func cleanUpTo1000000Bytes(bytes: Int) {
        #expect(Self.sizeDiagnostics(Self.suite(bytes: bytes)).isEmpty)
    }

    @Test(arguments: [1_000_001, 1_048_576])
    func warningAbove1000000Bytes(bytes: Int) throws {
        let diagnostics = Self.sizeDiagnostics(Self.suite(bytes: bytes))
        #expect(diagnostics.map(\.code) == ["spec-too-large"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .warning)
        // On the opening brace, not on the whole megabyte.
        #expect(diagnostic.range == TextRange(0, 1))
        #expect(diagnostic.message == "this spec is \(bytes) bytes; the API takes at most 1 MB, so it is close to the limit")
    }

    @Test(arguments: [1_048_577, 1_500_000])
    func errorAbove1048576Bytes(bytes: Int) throws {
        let diagnostics = Self.sizeDiagnostics(Self.suite(bytes: bytes))
        #expect(diagnostics.map(\.code) == ["spec-too-large"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range == TextRange(0, 1))
        #expect(diagnostic.message == "this spec is \(bytes) bytes; the API takes at most 1 MB")
    }

    /// The limit is on the bytes sent, so text outside ASCII counts 2 to 4 per character.
    @Test func bytesAreCountedNotCharacters() throws {
        let text = Self.suite(bytes: 1_048_577, padding: "語")
        #expect(text.unicodeScalars.count < 1_000_000)
        let diagnostic = try #require(Self.sizeDiagnostics(text).first)
        #expect(diagnostic.code == "spec-too-large")
        #expect(diagnostic.severity == .error)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { preconditionFailure("\(target) not found") }
        return replacingCharacters(in: range, with: replacement)
    }
}
