import Foundation
import JSONSyntax
import Testing
@testable import cekura_lsp

/// A credential in a checked file never reaches the terminal or a CI log, in
/// any output format, even on a line quoted for another diagnostic.
struct CredentialRedactionTests {
    static let secret = "sk-live-7f3a9c2e"
    static let suite = """
        {
          "version": "1",
          "api_key": "\(secret)", "x" 1,
          "scenarios": [{"name": "日本", "instructions": "b", "test_profile": {"agent_variables": {"auth_token": "\(secret)"}}}]
        }
        """

    @Test(arguments: ["text", "json", "github", "sarif"])
    func noFormatPrintsTheSecret(format: String) throws {
        let folder = try TemporaryDirectory()
        try folder.write("cekura.tests.json", Self.suite)
        let run = try CommandLineRunner.run(["check", "--format", format, "cekura.tests.json"], in: folder)
        #expect(run.status == 1)
        #expect(!run.standardOutput.contains(Self.secret))
        #expect(!run.standardError.contains(Self.secret))
    }

    @Test func quotedLinesMaskTheValueCharacterForCharacter() {
        let file = CheckedFile(path: "cekura.tests.json", fileName: "cekura.tests.json", source: Array(Self.suite.utf8),
                               isExplicit: true)
        #expect(file.redactions.count == 2)
        let missingColon = file.diagnostics.first { $0.code == "missing-colon" }!
        let excerpt = SourceExcerpt(source: file.source, lines: file.lines, range: missingColon.range,
                                    redactions: file.redactions)
        #expect(excerpt.sourceLine == #"  "api_key": "****************", "x" 1,"#)
        // The caret still sits under the 1: masking keeps every column.
        #expect(excerpt.caretLine == String(repeating: " ", count: 37) + "^")
    }
}
