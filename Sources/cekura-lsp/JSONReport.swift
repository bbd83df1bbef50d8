import JSONSyntax

/// `check --format json`: every file with its kind and diagnostics, positions as
/// in LSP (0-based lines, UTF-16 columns), then the summary. Keys come in a
/// fixed order; `fixes` and `related` appear only on diagnostics that have them.
enum JSONReport {
    static func render(_ files: [CheckedFile]) -> String {
        let summary = CheckSummary(files)
        return JSONValue.object([
            ("files", .array(files.map(file))),
            ("summary", .object([
                ("files", .integer(summary.files)),
                ("errors", .integer(summary.errors)),
                ("warnings", .integer(summary.warnings)),
            ])),
        ]).serialized + "\n"
    }

    private static func file(_ file: CheckedFile) -> JSONValue {
        .object([
            ("path", .string(file.path)),
            ("kind", .string(file.kind.rawValue)),
            ("diagnostics", .array(file.diagnostics.map { diagnostic($0, in: file) })),
        ])
    }

    private static func diagnostic(_ diagnostic: Diagnostic, in file: CheckedFile) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("severity", .string(diagnostic.severity.name)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
            ("range", range(diagnostic.range, in: file)),
        ]
        if !diagnostic.fixes.isEmpty {
            members.append(("fixes", .array(diagnostic.fixes.map { fix in
                .object([
                    ("title", .string(fix.title)),
                    ("edits", .array(fix.edits.map { edit in
                        .object([("range", range(edit.range, in: file)), ("newText", .string(edit.newText))])
                    })),
                ])
            })))
        }
        if !diagnostic.related.isEmpty {
            members.append(("related", .array(diagnostic.related.map { related in
                .object([("range", range(related.range, in: file)), ("message", .string(related.message))])
            })))
        }
        return .object(members)
    }

    private static func range(_ range: TextRange, in file: CheckedFile) -> JSONValue {
        .object([("start", position(range.start, in: file)), ("end", position(range.end, in: file))])
    }

    private static func position(_ offset: Int, in file: CheckedFile) -> JSONValue {
        let position = file.lspPosition(of: offset)
        return .object([("line", .integer(position.line)), ("character", .integer(position.column))])
    }
}
