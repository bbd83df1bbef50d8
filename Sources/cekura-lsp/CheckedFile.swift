import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// One checked document with everything a report needs: the source, to quote
/// lines and convert byte offsets, the kind it was taken for, and its diagnostics.
struct CheckedFile: Sendable {
    /// The path as reported: as given or as found in a folder, or `<stdin>`.
    var path: String
    var source: [UInt8]
    var lines: LineIndex
    var scalars: ScalarIndex
    var kind: FileKind
    var diagnostics: [Diagnostic]
    /// Values that look like secrets: a quoted source line masks them.
    var redactions: [TextRange]
    /// Named on the command line (or read from standard input) rather than found
    /// in a folder: only then is a file that is not a Cekura file worth a note.
    var isExplicit: Bool

    /// Parses and checks `source`. `fileName` drives kind detection; it is nil
    /// for standard input without `--stdin-filename`.
    init(path: String, fileName: String?, source: [UInt8], isExplicit: Bool) {
        let tree = SyntaxTree.parse(source)
        let result = FileCheck.run(tree, fileName: fileName)
        self.init(path: path, source: source, kind: result.kind.kind, diagnostics: result.diagnostics,
                  redactions: Credentials.valueRanges(in: tree), isExplicit: isExplicit)
    }

    init(path: String, source: [UInt8], kind: FileKind, diagnostics: [Diagnostic], redactions: [TextRange] = [],
         isExplicit: Bool) {
        self.path = path
        self.source = source
        lines = LineIndex(source)
        scalars = ScalarIndex(source)
        self.kind = kind
        self.diagnostics = diagnostics
        self.redactions = redactions
        self.isExplicit = isExplicit
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The totals every report ends with.
struct CheckSummary: Sendable {
    var files = 0
    /// Files of kind unknown: counted, never checked.
    var unrecognised = 0
    var errors = 0
    var warnings = 0

    init(_ files: [CheckedFile]) {
        self.files = files.count
        for file in files {
            if file.kind == .unknown { unrecognised += 1 }
            for diagnostic in file.diagnostics {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .information, .hint: break
                }
            }
        }
    }
}
