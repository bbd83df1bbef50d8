import JSONSyntax

/// A position as an editor's status bar shows it: 1-based line, and 1-based
/// column counted in Unicode scalars (what editors call a "character").
struct EditorPosition: Equatable, Sendable {
    var line: Int
    var column: Int
}

extension CheckedFile {
    /// LSP's position: 0-based line, 0-based column in UTF-16 code units.
    func lspPosition(of offset: Int) -> LinePosition {
        lines.position(of: offset, in: .utf16)
    }

    func editorPosition(of offset: Int) -> EditorPosition {
        let line = lines.line(of: offset)
        let content = lines.lineRange(line)
        let offset = min(max(offset, content.start), content.end)
        let column = scalars.scalarCount(before: offset) - scalars.scalarCount(before: content.start)
        return EditorPosition(line: line + 1, column: column + 1)
    }
}
