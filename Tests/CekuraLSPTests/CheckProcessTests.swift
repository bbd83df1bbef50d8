import Foundation
import Testing

/// Runs the built binary: exit statuses, file handling and the output formats
/// end to end. The exact layout of each format is covered by the reporter tests.
@Suite struct CheckProcessTests {
    static let validSuite = #"{"version": "1", "scenarios": [{"name": "a", "instructions": "b"}]}"#
    static let brokenSuite = #"{"version": "1", "scenarios": [{"name": "a", "instructions": "b"},]}"#
    static let duplicateKeySuite = #"{"version": "1", "version": "1", "scenarios": [{"name": "a", "instructions": "b"}]}"#

    @Test func aCleanFileExitsZero() throws {
        let folder = try TemporaryDirectory()
        try folder.write("ok.json", Self.validSuite)
        let run = try CommandLineRunner.run(["check", "ok.json"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == "1 file checked: 0 errors, 0 warnings\n")
        #expect(run.standardError == "")
    }

    @Test func warningsAloneExitZero() throws {
        let folder = try TemporaryDirectory()
        try folder.write("dup.json", Self.duplicateKeySuite)
        let run = try CommandLineRunner.run(["check", "dup.json"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput.hasSuffix("1 file checked: 0 errors, 2 warnings\n"))
    }

    @Test func errorsExitOne() throws {
        let folder = try TemporaryDirectory()
        try folder.write("bad.json", Self.brokenSuite)
        let run = try CommandLineRunner.run(["check", "bad.json"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardOutput == """
            bad.json:1:66: error: JSON does not allow a comma before the closing bracket [trailing-comma]
            \(Self.brokenSuite)
                                                                             ^
            1 file checked: 1 error, 0 warnings

            """)
    }

    @Test func aMissingFileIsReportedAndTheOthersStillChecked() throws {
        let folder = try TemporaryDirectory()
        try folder.write("bad.json", Self.brokenSuite)
        try folder.write("ok.json", Self.validSuite)
        let run = try CommandLineRunner.run(["check", "bad.json", "missing.json", "ok.json"], in: folder)
        #expect(run.status == 2, "an I/O problem outranks the error diagnostic")
        #expect(run.standardError == "cekura-lsp: missing.json: No such file or directory\n")
        #expect(run.standardOutput.hasPrefix("bad.json:1:66: error:"))
        #expect(run.standardOutput.hasSuffix("2 files checked: 1 error, 0 warnings\n"))
    }

    @Test func usageErrorsExitTwoWithTheUsage() throws {
        let folder = try TemporaryDirectory()
        for arguments in [["check", "--format", "xml", "a.json"], ["frobnicate"], ["--frobnicate"], ["check"]] {
            let run = try CommandLineRunner.run(arguments, in: folder)
            #expect(run.status == 2)
            #expect(run.standardOutput == "")
            #expect(run.standardError.hasPrefix("cekura-lsp: "))
            #expect(run.standardError.contains("usage: cekura-lsp"))
        }
    }

    @Test func helpVersionAndTheServerOnStandardIO() throws {
        let folder = try TemporaryDirectory()
        let help = try CommandLineRunner.run(["--help"], in: folder)
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("cekura-lsp check"))
        #expect(help.standardOutput.contains("cekura-lsp format"))
        let version = try CommandLineRunner.run(["--version"], in: folder)
        #expect(version.status == 0)
        #expect(version.standardOutput.hasPrefix("cekura-lsp "))
        // The server ends with its input: 1 without `shutdown`, 0 after `shutdown` and `exit`.
        for arguments in [[], ["--stdio"]] {
            let server = try CommandLineRunner.run(arguments, in: folder)
            #expect(server.status == 1)
            #expect(server.standardOutput.isEmpty)
            #expect(server.standardError.contains("standard input closed"))
        }
        let session = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ].map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }.joined()
        let served = try CommandLineRunner.run(["--stdio"], standardInput: session, in: folder)
        #expect(served.status == 0)
        #expect(served.standardOutput.contains(#""serverInfo":{"name":"cekura-lsp""#))
        #expect(served.standardOutput.contains(#"{"jsonrpc":"2.0","id":2,"result":null}"#))
    }

    @Test func foldersAreWalkedSkippingToolFoldersAndOtherJSON() throws {
        let folder = try TemporaryDirectory()
        try folder.write("suites/b.json", Self.brokenSuite)
        try folder.write("suites/a/ok.json", Self.validSuite)
        try folder.write("suites/package.json", #"{"name": "x", "dependencies": {} // c"#)
        try folder.write("suites/notes.txt", Self.brokenSuite)
        for skipped in [".git", ".build", ".build-cli", "node_modules"] {
            try folder.write("suites/\(skipped)/x.json", Self.brokenSuite)
        }
        let run = try CommandLineRunner.run(["check", "--format", "github", "suites"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardOutput == """
            ::error file=suites/b.json,line=1,col=66,endLine=1,endColumn=67,title=trailing-comma::JSON does not allow a comma before the closing bracket

            """)

        let text = try CommandLineRunner.run(["check", "suites"], in: folder)
        #expect(!text.standardOutput.contains("not recognised"), "walked files are skipped silently")
        #expect(text.standardOutput.hasSuffix("3 files checked (1 not a Cekura file, skipped): 1 error, 0 warnings\n"))
    }

    @Test func anExplicitFileThatIsNotCekuraGetsANote() throws {
        let folder = try TemporaryDirectory()
        try folder.write("package.json", #"{"name": "x",}"#)
        let run = try CommandLineRunner.run(["check", "package.json"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == """
            package.json: note: not recognised as a Cekura file; not checked
            1 file checked (1 not a Cekura file, skipped): 0 errors, 0 warnings

            """)
    }

    @Test func standardInputIsNamedStdinOrAfterStdinFilename() throws {
        let folder = try TemporaryDirectory()
        let byShape = try CommandLineRunner.run(["check", "-"], standardInput: Self.brokenSuite, in: folder)
        #expect(byShape.status == 1)
        #expect(byShape.standardOutput.hasPrefix("<stdin>:1:66: error:"))

        // Without a name, the shape says nothing: not a Cekura file.
        let shapeless = #"{"steps": [1,]}"#
        let unnamed = try CommandLineRunner.run(["check", "-"], standardInput: shapeless, in: folder)
        #expect(unnamed.status == 0)
        #expect(unnamed.standardOutput.hasPrefix("<stdin>: note: not recognised as a Cekura file"))

        let named = try CommandLineRunner.run(["check", "--stdin-filename", "x.cekura.json", "-"],
                                              standardInput: shapeless, in: folder)
        #expect(named.status == 1)
        // Named as a Cekura file, it is checked: its trailing comma is reported.
        #expect(named.standardOutput.contains("x.cekura.json:1:13: error: JSON does not allow a comma"))
    }

    @Test func jsonFormatParsesBack() throws {
        let folder = try TemporaryDirectory()
        try folder.write("bad.json", "{\"version\": \"1\",\n \"scenarios\": [{\"name\": \"🎉\" \"instructions\": \"b\"}]}")
        try folder.write("ok.json", Self.validSuite)
        let run = try CommandLineRunner.run(["check", "--format", "json", "bad.json", "ok.json"], in: folder)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["files", "summary"])
        #expect((object["summary"] as? [String: Int]) == ["files": 2, "errors": 1, "warnings": 0])

        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["bad.json", "ok.json"])
        #expect(files.map { $0["kind"] as? String } == ["test-suite", "test-suite"])
        #expect((files[1]["diagnostics"] as? [Any])?.isEmpty == true)

        let diagnostics = try #require(files[0]["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["code"] as? String == "missing-comma")
        #expect(diagnostic["message"] as? String == "a comma should separate this from what comes before")
        // Line 1 (0-based) is ` "scenarios": [{"name": "🎉" "instructions": "b"}]}`;
        // `"instructions"` starts at UTF-16 column 29, after the two units of "🎉".
        let range = try #require(diagnostic["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 1, "character": 29])
        #expect(range["end"] == ["line": 1, "character": 43])
        let fixes = try #require(diagnostic["fixes"] as? [[String: Any]])
        let edits = try #require(fixes.first?["edits"] as? [[String: Any]])
        #expect(edits.first?["newText"] as? String == ",")
        #expect(diagnostic["related"] == nil)
    }

    @Test func sarifFormatHasTheExpectedStructure() throws {
        let folder = try TemporaryDirectory()
        try folder.write("sub dir/bad.json", "{\"version\": \"1\",\n \"scenarios\": [{\"name\": \"🎉\" \"instructions\": \"b\"}]}")
        let run = try CommandLineRunner.run(["check", "--format", "sarif", "sub dir"], in: folder)
        #expect(run.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs[0]["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "cekura-lsp")
        #expect(driver["version"] is String)
        #expect(driver["informationUri"] is String)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["missing-comma"])
        #expect((rules[0]["shortDescription"] as? [String: String])?["text"]
            == "Two members or elements without a comma between them.")

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["ruleId"] as? String == "missing-comma")
        #expect(results[0]["ruleIndex"] as? Int == 0)
        #expect(results[0]["level"] as? String == "error")
        #expect((results[0]["message"] as? [String: String])?["text"] == "a comma should separate this from what comes before")
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: String])?["uri"] == "sub%20dir/bad.json")
        // `"instructions"` follows "🎉" (two UTF-16 units) without a comma.
        #expect((location["region"] as? [String: Int])
            == ["startLine": 2, "startColumn": 30, "endLine": 2, "endColumn": 44])
    }
}
