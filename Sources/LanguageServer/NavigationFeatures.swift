import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE
import ScenarioModel

/// Definition, references, highlights and rename of script symbols: found by
/// `ScenarioIDE` on a worker over the snapshot the request names, in byte
/// offsets, and turned into LSP here. Every symbol lives in the one document.
extension LanguageServer {
    func definition(id: RequestID, params: JSONValue) {
        let links = client.acceptsDefinitionLinks
        answer(id, params) { document, offset, snapshot, encoding in
            guard let (origin, definition) = Navigation.definition(in: document, at: offset) else { return .success(.null) }
            let lines = snapshot.document.lineIndex
            guard links else { return .success([Self.location(definition.range, in: snapshot, encoding)]) }
            return .success([[
                "originSelectionRange": lines.json(origin.range, in: encoding),
                "targetUri": .string(snapshot.uri),
                "targetRange": lines.json(definition.extent, in: encoding),
                "targetSelectionRange": lines.json(definition.range, in: encoding),
            ]])
        }
    }

    func references(id: RequestID, params: JSONValue) {
        let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? false
        answer(id, params) { document, offset, snapshot, encoding in
            let found = Navigation.references(in: document, at: offset, includeDeclaration: includeDeclaration)
            return .success(.array(found.map { Self.location($0.range, in: snapshot, encoding) }))
        }
    }

    func documentHighlight(id: RequestID, params: JSONValue) {
        answer(id, params) { document, offset, snapshot, encoding in
            let found = Navigation.occurrences(in: document, at: offset)?.all ?? []
            // DocumentHighlightKind: Read 2, Write 3; the definition is where the name is written.
            return .success(.array(found.map { occurrence in
                ["range": snapshot.document.lineIndex.json(occurrence.range, in: encoding), "kind": occurrence.isDefinition ? 3 : 2]
            }))
        }
    }

    func prepareRename(id: RequestID, params: JSONValue) {
        answer(id, params) { document, offset, snapshot, encoding in
            switch Rename.prepare(in: document, at: offset) {
            case nil: .success(.null)
            case .failure(let refusal)?: .failure(.requestFailed(refusal.message))
            case .success(let target)?:
                .success(["range": snapshot.document.lineIndex.json(target.range, in: encoding), "placeholder": .string(target.name)])
            }
        }
    }

    func rename(id: RequestID, params: JSONValue) {
        guard let newName = params["newName"]?.stringValue else {
            return respond(id, .failure(.invalidParams("textDocument/rename needs newName")))
        }
        let versioned = client.versionsWorkspaceEdits
        answer(id, params) { document, offset, snapshot, encoding in
            switch Rename.edits(in: document, at: offset, to: newName) {
            case .failure(let refusal): .failure(.requestFailed(refusal.message))
            case .success(let edits): .success(WorkspaceEdits(snapshot: snapshot, encoding: encoding, versioned: versioned).json(edits))
            }
        }
    }

    /// Answers a request at a position from a worker: `work` reads the
    /// snapshot as a scenario file; the answer is refused as stale if the
    /// document changed meanwhile (edits and ranges are of the version read).
    private func answer(_ id: RequestID, _ params: JSONValue,
                        _ work: @escaping @Sendable (ScenarioDocument, Int, OpenDocument, PositionEncoding) -> Result<JSONValue, ResponseError>) {
        guard let (snapshot, offset) = locate(params, id: id) else { return }
        let encoding = client.positionEncoding
        let decided = association(for: snapshot)
        respondLater(id, work: {
            work(ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided), offset, snapshot, encoding)
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    private static func location(_ range: TextRange, in snapshot: OpenDocument, _ encoding: PositionEncoding) -> JSONValue {
        ["uri": .string(snapshot.uri), "range": snapshot.document.lineIndex.json(range, in: encoding)]
    }
}
