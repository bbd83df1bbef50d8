import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE

/// `textDocument/codeAction`: the checker's quick fixes for the diagnostics in
/// the range, `source.fixAll` for every safe fix in the file, and the API
/// commands of the scenario at the range's start (CodeLenses.swift). Edits are
/// computed with the actions (they are small and cheap), so no resolve step.
extension LanguageServer {
    static let fixAllKind = "source.fixAll"

    func codeActions(id: RequestID, params: JSONValue) {
        guard let snapshot = openDocument(params, id: id) else { return }
        guard let lspRange = lineRange(json: params["range"]) else {
            return respond(id, .failure(.invalidParams("expected a range")))
        }
        let encoding = client.positionEncoding
        let range = snapshot.document.lineIndex.textRange(from: lspRange.start, to: lspRange.end, in: encoding)
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        let settings = self.settings, decided = association(for: snapshot)
        // The API commands have no kind: they come only when no kind is asked for.
        let commands: @Sendable () -> [JSONValue] = { only == nil ? Self.commands(in: snapshot, at: range.start, decided: decided, encoding: encoding) : [] }
        // Clients without literal support take only commands.
        guard client.acceptsCodeActionLiterals else { return respondLater(id, work: { .success(.array(commands())) }) }
        let conversion = DiagnosticConversion(lineIndex: snapshot.document.lineIndex, encoding: encoding, uri: snapshot.uri, client: client)
        let edits = WorkspaceEdits(snapshot: snapshot, encoding: encoding, versioned: client.versionsWorkspaceEdits)
        let remote = remoteDiagnosticsJob(for: snapshot), previous = checks.caseFindings(snapshot.uri)
        respondLater(id, work: {
            var actions: [JSONValue] = []
            if Self.wants("quickfix", only) {
                for diagnostic in Self.check(snapshot, settings, reusing: previous).diagnostics + remote() where diagnostic.range.overlaps(range) {
                    for fix in diagnostic.fixes {
                        actions.append(["title": .string(fix.title), "kind": "quickfix", "diagnostics": [conversion.json(diagnostic)],
                                        "isPreferred": .bool(diagnostic.fixes.count == 1), "edit": edits.json(fix.edits)])
                    }
                }
            }
            if Self.wants(Self.fixAllKind, only),
               let fixes = FixAll.edits(snapshot.document.tree, fileName: snapshot.path, decided: decided) {
                actions.append(["title": "Fix all safe problems (Cekura)", "kind": .string(Self.fixAllKind), "edit": edits.json(fixes)])
            }
            actions += commands().map { ["title": $0["title"] ?? "", "command": $0] }
            return .success(.array(actions))
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    /// Whether `only` (the kinds the client asks for) takes actions of `kind`:
    /// LSP kinds are dotted and a prefix asks for all below it.
    private static func wants(_ kind: String, _ only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }
}

extension TextRange {
    /// Whether the ranges share a byte, or an empty one touches the other
    /// (a cursor at the edge of a diagnostic asks for its fixes).
    func overlaps(_ other: TextRange) -> Bool {
        start < other.end && other.start < end || (isEmpty && other.touches(start)) || (other.isEmpty && touches(other.start))
    }
}
