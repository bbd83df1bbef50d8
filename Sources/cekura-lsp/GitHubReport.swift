import JSONSyntax

/// `check --format github`: one workflow command per diagnostic, which GitHub
/// Actions turns into an annotation on the file,
///
///     ::error file=suite.json,line=4,col=42,endLine=4,endColumn=48,title=missing-comma::a comma should ...
///
/// Lines and columns are 1-based, columns in Unicode scalars as in the text
/// report; `endColumn` is the column just after the range.
enum GitHubReport {
    static func render(_ files: [CheckedFile]) -> String {
        var text = ""
        for file in files {
            for diagnostic in file.diagnostics {
                let start = file.editorPosition(of: diagnostic.range.start)
                let end = file.editorPosition(of: diagnostic.range.end)
                let properties = [
                    "file=" + escapedProperty(file.path),
                    "line=\(start.line)", "col=\(start.column)",
                    "endLine=\(end.line)", "endColumn=\(end.column)",
                    "title=" + escapedProperty(diagnostic.code),
                ]
                text += "::\(command(for: diagnostic.severity)) \(properties.joined(separator: ","))::"
                    + escapedData(diagnostic.message) + "\n"
            }
        }
        return text
    }

    private static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .information, .hint: "notice"
        }
    }

    /// The escaping of the Actions toolkit's `escapeData`.
    static func escapedData(_ text: String) -> String {
        escaped(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// The escaping of the Actions toolkit's `escapeProperty`: data escaping, and
    /// the `:` and `,` that would end a property.
    static func escapedProperty(_ text: String) -> String {
        escaped(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// Works on scalars: as a `Character`, "\r\n" is one unit and would not match "\r".
    private static func escaped(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
