import Testing
@testable import cekura_lsp

@Suite struct ArgumentParserTests {
    private func parse(_ arguments: String...) throws(UsageError) -> Invocation {
        try ArgumentParser.parse(arguments)
    }

    @Test func noArgumentsOrStdioRunTheServer() throws {
        #expect(try parse() == .languageServer)
        #expect(try parse("--stdio") == .languageServer)
    }

    @Test func helpAndVersion() throws {
        #expect(try parse("--help") == .help)
        #expect(try parse("help") == .help)
        #expect(try parse("-h") == .help)
        #expect(try parse("check", "--help") == .help)
        #expect(try parse("--version") == .version)
    }

    @Test func checkOptions() throws {
        let expected = CheckOptions(format: .sarif, noColor: true, standardInputFileName: "a.cekura.json",
                                    paths: ["-", "dir", "--odd"])
        #expect(try parse("check", "--format", "sarif", "--no-color", "-", "--stdin-filename=a.cekura.json",
                          "dir", "--", "--odd") == .check(expected))
        #expect(try parse("check", "--format=json", "x") == .check(CheckOptions(format: .json, paths: ["x"])))
    }

    @Test func formatOptions() throws {
        #expect(try parse("format", "--check", "a", "-") == .format(FormatOptions(checkOnly: true, paths: ["a", "-"])))
        #expect(try parse("format", "a") == .format(FormatOptions(checkOnly: false, paths: ["a"])))
    }

    @Test func usageErrors() {
        let cases: [([String], String)] = [
            (["lint"], "unknown subcommand 'lint'"),
            (["--bogus"], "unknown option '--bogus'"),
            (["check"], "check needs at least one PATH (use - for standard input)"),
            (["check", "--format"], "--format needs a value"),
            (["check", "--format", "xml", "a"], "unknown format 'xml' (choose text, json, github, sarif)"),
            (["check", "--check", "a"], "unknown option '--check' for check"),
            (["check", "--no-color=yes", "a"], "unknown option '--no-color' for check"),
            (["format", "--format", "json", "a"], "unknown option '--format' for format"),
            (["format"], "format needs at least one PATH (use - for standard input)"),
            (["--version", "x"], "unexpected argument 'x' after --version"),
            (["--stdio", "--verbose"], "unexpected argument '--verbose' after --stdio"),
        ]
        for (arguments, message) in cases {
            #expect(throws: UsageError(message: message)) { try ArgumentParser.parse(arguments) }
        }
    }
}
