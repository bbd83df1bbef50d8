import JSONSyntax
import LanguageServerProtocol

/// Edits to one open document as an LSP `WorkspaceEdit`: versioned
/// `documentChanges` for clients that take them (the edit then fails rather
/// than land on a newer text), else the plain `changes` map.
struct WorkspaceEdits {
    let snapshot: OpenDocument
    let encoding: PositionEncoding
    let versioned: Bool

    func json(_ edits: [TextEdit]) -> JSONValue {
        let textEdits = Self.textEdits(edits, lineIndex: snapshot.document.lineIndex, encoding: encoding)
        guard versioned else { return ["changes": .object([(snapshot.uri, textEdits)])] }
        return ["documentChanges": [["textDocument": ["uri": .string(snapshot.uri), "version": .integer(snapshot.version)],
                                     "edits": textEdits]]]
    }

    /// LSP `TextEdit[]`.
    static func textEdits(_ edits: [TextEdit], lineIndex: LineIndex, encoding: PositionEncoding) -> JSONValue {
        .array(edits.map { ["range": lineIndex.json($0.range, in: encoding), "newText": .string($0.newText)] })
    }
}
