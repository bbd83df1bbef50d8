import JSONSyntax
import ScenarioCheck
import Testing

/// `suite-credentials-forbidden` reports where a secret is, never what it is:
/// check output ends up in CI logs and pull-request annotations, which are
/// read far more widely than the file.
struct SuiteCredentialsTests {
    static let secret = "ck_live_7Qw9Zr2Lx0Vb5Nm8"

    /// A credential at every level of a spec, under the names people use.
    static let documents: [String] = [
        #"{"version": "1", "api_key": "\#(secret)", "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "X-CEKURA-API-KEY": "\#(secret)", "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "apiKey": "\#(secret)", "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "suite": {"name": "s", "token": "\#(secret)"}, "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "defaults": {"password": "\#(secret)"}, "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "scenarios": [{"name": "a", "instructions": "b", "Authorization": "Bearer \#(secret)"}]}"#,
        #"{"version": "1", "scenarios": [{"name": "a", "instructions": "b", "personality": {"base": 3, "elevenlabs_api_key": "\#(secret)"}}]}"#,
        #"{"version": "1", "scenarios": [{"name": "a", "instructions": "b", "test_profile": {"access_token": "\#(secret)", "caller_variables": {"pin": "1234"}}}]}"#,
        // Values of every shape, and secrets in non-ASCII text.
        #"{"version": "1", "client_secret": {"value": "\#(secret)"}, "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "refresh_token": ["\#(secret)"], "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        #"{"version": "1", "secret": "Schlüssel \#(secret) 🔑", "scenarios": [{"name": "a", "instructions": "b"}]}"#,
        // Twice: the duplicate-key warning names the key only.
        #"{"version": "1", "api_key": "\#(secret)", "api_key": "\#(secret)", "scenarios": [{"name": "a", "instructions": "b"}]}"#,
    ]

    @Test(arguments: documents)
    func secretNeverAppearsInWhatIsReported(document: String) throws {
        let diagnostics = FileCheck.run(SyntaxTree(document), fileName: "cekura.tests.json").diagnostics
        let credentials = diagnostics.filter { $0.code == "suite-credentials-forbidden" }
        #expect(!credentials.isEmpty, "\(document)")
        #expect(credentials.allSatisfy { $0.severity == .error })
        for diagnostic in diagnostics {
            let reported = [diagnostic.message] + diagnostic.related.map(\.message) + diagnostic.fixes.map(\.title)
                + diagnostic.fixes.flatMap(\.edits).map(\.newText)
            #expect(!reported.contains { $0.contains(Self.secret) }, "\(diagnostic.code) repeats the secret: \(reported)")
            // The range is the key, so an editor underlines the name, not the value.
            if diagnostic.code == "suite-credentials-forbidden" {
                #expect(!SyntaxTree(document).text(in: diagnostic.range).contains(Self.secret))
            }
        }
    }

    /// The fix removes the member, value and all.
    @Test(arguments: documents)
    func fixRemovesTheSecret(document: String) throws {
        var text = document
        // One fix at a time, recomputed, until no credential is left.
        for _ in 0..<4 {
            let diagnostics = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json").diagnostics
            guard let fix = diagnostics.first(where: { $0.code == "suite-credentials-forbidden" })?.fixes.first else { break }
            text = String(decoding: try Array(text.utf8).applying(fix.edits), as: UTF8.self)
        }
        #expect(!text.contains(Self.secret), "\(text)")
        let after = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json")
        #expect(after.diagnostics.isEmpty, "\(text): \(after.diagnostics.map(\.code))")
    }
}
