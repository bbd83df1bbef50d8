extension JSONFormatter {
    /// Formatting as the smallest edits: one per run of blanks between tokens
    /// that changes, so an editor keeps its cursor, marks and folds everywhere
    /// else. With `range`, only the edits inside it (range formatting). Nil
    /// when the document has syntax errors, as for `format`.
    public static func edits(_ tree: SyntaxTree, indentWidth: Int = 2, tabs: Bool = false, within range: TextRange? = nil) -> [TextEdit]? {
        guard let formatted = format(tree, indentWidth: indentWidth, tabs: tabs) else { return nil }
        let edits = blankRunEdits(from: tree, to: Array(formatted.utf8))
        guard let range else { return edits }
        // A run of blanks belongs to the range when the tokens on both its
        // sides do: it starts after the range's first byte and ends before its last.
        return edits.filter { $0.range.start > range.start && $0.range.end < range.end }
    }

    /// The formatter only changes blanks outside strings, so the two texts
    /// hold the same tokens in the same order: walk them side by side and
    /// compare the blanks between each pair of tokens.
    private static func blankRunEdits(from tree: SyntaxTree, to formatted: [UInt8]) -> [TextEdit] {
        let original = tree.bytes
        var edits: [TextEdit] = []
        var old = 0, new = 0
        var inString = false, escaped = false
        while old < original.count || new < formatted.count {
            if !inString {
                let oldStart = old, newStart = new
                while old < original.count, original[old].isJSONWhitespace { old += 1 }
                while new < formatted.count, formatted[new].isJSONWhitespace { new += 1 }
                if !original[oldStart..<old].elementsEqual(formatted[newStart..<new]) {
                    edits.append(TextEdit(range: TextRange(oldStart, old), newText: String(decoding: formatted[newStart..<new], as: UTF8.self)))
                }
                if old == original.count, new == formatted.count { break }
            }
            // The formatter copied every token byte for byte; anything else
            // means it did more than reflow, and an edit list would be wrong.
            guard old < original.count, new < formatted.count, original[old] == formatted[new] else {
                return [TextEdit(range: TextRange(0, original.count), newText: String(decoding: formatted, as: UTF8.self))]
            }
            let byte = original[old]
            if inString {
                if escaped { escaped = false } else if byte == .backslash { escaped = true } else if byte == .quote { inString = false }
            } else if byte == .quote {
                inString = true
            }
            old += 1
            new += 1
        }
        return edits
    }
}
