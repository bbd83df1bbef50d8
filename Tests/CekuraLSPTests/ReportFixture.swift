import JSONSyntax
@testable import cekura_lsp

/// A small set of checked files shared by the reporter tests. Line 4 of the
/// suite puts CJK (two columns wide, one UTF-16 unit each) and an emoji (two
/// columns, two UTF-16 units, one scalar) before its diagnostics, so text
/// columns, UTF-16 columns and caret alignment all differ.
enum ReportFixture {
    static let suiteLine = #"    {"name": "日本 🎉", "instructions": "x" "type": "y", "name": 2}"#

    static let suiteSource = """
        {
          "version": 1,
          "scenarios": [
        \(suiteLine)
          ]
        }

        """

    /// A test suite with an error (missing comma, with a fix) between two
    /// duplicate-key warnings (with related locations). It carries its syntax
    /// diagnostics only: these tests are about rendering, not about the rules.
    static var suite: CheckedFile {
        let source = Array(suiteSource.utf8)
        return CheckedFile(path: "suites/a.json", source: source, kind: .testSuite,
                           diagnostics: SyntaxTree.parse(source).diagnostics, isExplicit: true)
    }

    /// Named on the command line, but not a Cekura file.
    static var package: CheckedFile {
        CheckedFile(path: "package.json", fileName: "package.json", source: Array(#"{"name": "x"}"#.utf8),
                    isExplicit: true)
    }

    /// Found in a folder, and not a Cekura file.
    static var walkedUnknown: CheckedFile {
        CheckedFile(path: "suites/tsconfig.json", fileName: "suites/tsconfig.json",
                    source: Array("{\"compilerOptions\": {} // c\n}".utf8), isExplicit: false)
    }

    static var files: [CheckedFile] { [suite, package, walkedUnknown] }

    /// A file holding `text`, for tests that set their own diagnostics.
    static func file(_ text: String, path: String = "x.cekura.json") -> CheckedFile {
        CheckedFile(path: path, fileName: path, source: Array(text.utf8), isExplicit: true)
    }
}
