import Foundation
import Invariants
import Testing

/// The fuzz targets' invariants on every fixture and example, and on each
/// input fuzzing once broke (Fuzz/Regressions/<target>/), so a fix stays fixed.
struct InvariantsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(under folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.lastPathComponent != ".gitkeep" }
            .sorted { $0.path < $1.path }
    }

    @Test func syntaxInvariantsHoldForEveryFixtureAndPastFinding() throws {
        let inputs = Self.files(under: "Tests/ScenarioCheckTests/Fixtures") + Self.files(under: "examples") + Self.files(under: "Fuzz/Regressions/syntax")
        #expect(inputs.count > 100)
        for file in inputs {
            let violations = Invariants.syntax(Array(try Data(contentsOf: file)))
            #expect(violations.isEmpty, "\(file.lastPathComponent): \(violations.prefix(3))")
        }
    }

    @Test func actionInvariantsHoldForPastFindingsAndHardCases() throws {
        let cases = [#"Wait <silence time="1.5s" /> ok <endcall />"#, "<voice provider='cartesia' voice_id=\"x\">hi</voice> [laughter] {{test_profile.a}}",
                     "<", "</", "<a b=", "{{", "{{function.x.", "<ivr text=\"1 <hold/>\"/>", "é漢🚀<silence time=\"2s\"/>"]
        let inputs = try Self.files(under: "Fuzz/Regressions/actions").map { Array(try Data(contentsOf: $0)) } + cases.map { Array($0.utf8) }
        for input in inputs {
            let violations = Invariants.actions(input)
            #expect(violations.isEmpty, "\(String(decoding: input, as: UTF8.self)): \(violations.prefix(3))")
        }
    }

    @Test func framingInvariantsHoldForPastFindings() throws {
        let framed = Array("Content-Length: 2\r\n\r\n{}Content-Length: 5\r\nContent-Type: x\r\n\r\n[1,2]X: y\r\n\r\nContent-Length: 99999999\r\n\r\n".utf8)
        let inputs = try Self.files(under: "Fuzz/Regressions/framing").map { Array(try Data(contentsOf: $0)) } + [framed]
        for input in inputs {
            #expect(Invariants.framing(input).isEmpty)
        }
    }
}
