import JSONSyntax
import LanguageServerProtocol
import ScenarioModel

/// `textDocument/formatting` and `rangeFormatting`: the `format` command's
/// layout as the smallest edits, in the editor's indentation. A document with
/// syntax errors is left as it is (formatting a guess could lose text).
extension LanguageServer {
    func formatting(id: RequestID, params: JSONValue, range rangeRequired: Bool) {
        guard let snapshot = openDocument(params, id: id) else { return }
        let encoding = client.positionEncoding
        var range: TextRange?
        if rangeRequired {
            guard let lspRange = lineRange(json: params["range"]) else {
                return respond(id, .failure(.invalidParams("expected a range")))
            }
            range = snapshot.document.lineIndex.textRange(from: lspRange.start, to: lspRange.end, in: encoding)
        }
        let decided = association(for: snapshot)
        let tabSize = params["options"]?["tabSize"]?.intValue ?? 2
        let tabs = params["options"]?["insertSpaces"]?.boolValue == false
        respondLater(id, work: { [log, range] in
            // Other JSON files are left to whatever else formats them, as they get no diagnostics.
            guard ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided).kind.kind != .unknown else {
                return .success(.null)
            }
            guard let edits = JSONFormatter.edits(snapshot.document.tree, indentWidth: min(max(tabSize, 1), 8), tabs: tabs, within: range) else {
                log.log(.info, "\(snapshot.path ?? snapshot.uri) not formatted: it has syntax errors")
                return .success(.null)
            }
            return .success(WorkspaceEdits.textEdits(edits, lineIndex: snapshot.document.lineIndex, encoding: encoding))
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }
}
