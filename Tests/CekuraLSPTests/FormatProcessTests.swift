import Foundation
import Testing

@Suite struct FormatProcessTests {
    static let messySuite = #"{"version":1,"scenarios":[{"name":"日本 🎉"}]}"#
    static let formattedSuite = """
        {
          "version": 1,
          "scenarios": [
            {
              "name": "日本 🎉"
            }
          ]
        }

        """
    static let brokenSuite = #"{"version":1,"scenarios":[1,]}"#

    @Test func checkListsFilesThatWouldChangeAndWritesNothing() throws {
        let folder = try TemporaryDirectory()
        try folder.write("messy.json", Self.messySuite)
        try folder.write("tidy.json", Self.formattedSuite)
        let run = try CommandLineRunner.run(["format", "--check", "messy.json", "tidy.json"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardOutput == "messy.json\n")
        #expect(try folder.read("messy.json") == Array(Self.messySuite.utf8))

        let clean = try CommandLineRunner.run(["format", "--check", "tidy.json"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "")
    }

    @Test func changedFilesAreRewrittenInPlaceKeepingTheirPermissions() throws {
        let folder = try TemporaryDirectory()
        let messy = try folder.write("messy.json", Self.messySuite)
        try folder.write("tidy.json", Self.formattedSuite)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy)
        let run = try CommandLineRunner.run(["format", "messy.json", "tidy.json"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == "formatted messy.json\n")
        #expect(run.standardError == "")
        #expect(try folder.read("messy.json") == Array(Self.formattedSuite.utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: messy)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(leftovers == ["messy.json", "tidy.json"], "no temporary file is left behind")
    }

    @Test func aFileWithSyntaxErrorsIsLeftByteForByteUntouched() throws {
        let folder = try TemporaryDirectory()
        let broken = Array("\u{FEFF}{\"version\": 1, // note\r\n \"scenarios\": [1,]}".utf8)
        try folder.write("bad.json", bytes: broken)
        try folder.write("messy.json", Self.messySuite)
        let run = try CommandLineRunner.run(["format", "bad.json", "messy.json"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError == "bad.json: not formatted: 3 syntax errors (run cekura-lsp check bad.json)\n")
        #expect(try folder.read("bad.json") == broken)
        #expect(try folder.read("messy.json") == Array(Self.formattedSuite.utf8), "the other files are still formatted")
    }

    @Test func standardInputIsFormattedToStandardOutput() throws {
        let folder = try TemporaryDirectory()
        let run = try CommandLineRunner.run(["format", "-"], standardInput: Self.messySuite, in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == Self.formattedSuite)

        let unchanged = try CommandLineRunner.run(["format", "-"], standardInput: Self.formattedSuite, in: folder)
        #expect(unchanged.standardOutput == Self.formattedSuite)

        let check = try CommandLineRunner.run(["format", "--check", "-"], standardInput: Self.messySuite, in: folder)
        #expect(check.status == 1)
        #expect(check.standardOutput == "<stdin>\n")

        let broken = try CommandLineRunner.run(["format", "-"], standardInput: Self.brokenSuite, in: folder)
        #expect(broken.status == 1)
        #expect(broken.standardOutput == "")
        #expect(broken.standardError == "<stdin>: not formatted: 1 syntax error (run cekura-lsp check <stdin>)\n")
    }

    @Test func inFoldersOnlyCekuraFilesAreFormatted() throws {
        let folder = try TemporaryDirectory()
        let other = #"{"name":"x","private":true}"#
        try folder.write("d/suite.json", Self.messySuite)
        try folder.write("d/other.json", other)
        try folder.write("d/node_modules/suite.json", Self.messySuite)
        try folder.write("d/broken-other.json", #"{"a": 1,}"#)
        let run = try CommandLineRunner.run(["format", "d"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == "formatted d/suite.json\n")
        #expect(try folder.read("d/other.json") == Array(other.utf8))
        #expect(try folder.read("d/node_modules/suite.json") == Array(Self.messySuite.utf8))

        let named = try CommandLineRunner.run(["format", "d", "d/other.json"], in: folder)
        #expect(named.status == 0)
        #expect(named.standardOutput == "formatted d/other.json\n", "a file named explicitly is formatted whatever its kind")
    }

    @Test func aMissingFileExitsTwoAndTheRestAreFormatted() throws {
        let folder = try TemporaryDirectory()
        try folder.write("messy.json", Self.messySuite)
        let run = try CommandLineRunner.run(["format", "missing.json", "messy.json"], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError == "cekura-lsp: missing.json: No such file or directory\n")
        #expect(run.standardOutput == "formatted messy.json\n")
    }
}
