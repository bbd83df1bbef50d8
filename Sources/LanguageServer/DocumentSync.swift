import JSONSyntax
import LanguageServerProtocol

/// `didOpen`, `didChange` and `didClose`: the open documents, one immutable
/// version after another.
extension LanguageServer {
    func didOpen(_ params: JSONValue) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.stringValue, let text = item?["text"]?.stringValue else {
            return log.log(.error, "didOpen without a text document uri and text")
        }
        let version = item?["version"]?.intValue ?? 0
        documents[uri] = OpenDocument(uri: uri, version: version, document: JSONDocument(text: text))
        schedulePush(uri)
    }

    func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let changes = params["contentChanges"]?.arrayValue else {
            return log.log(.error, "didChange without a text document uri and content changes")
        }
        guard let current = documents[uri] else {
            return log.log(.error, "didChange for \(uri), which is not open", toClient: true)
        }
        let version = params["textDocument"]?["version"]?.intValue ?? current.version + 1
        if version <= current.version {
            // The text is still the editor's: apply it, but say so.
            log.log(.warning, "didChange for \(uri) goes from version \(current.version) to \(version); versions should increase")
        }
        var parsed: [JSONDocument.Change] = []
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                return log.log(.error, "didChange for \(uri) has a change without text; the document may be out of step", toClient: true)
            }
            if let range = change["range"], !range.isNull {
                guard let positions = lineRange(json: range) else {
                    return log.log(.error, "didChange for \(uri) has a change with an unreadable range; the document may be out of step", toClient: true)
                }
                parsed.append(JSONDocument.Change(range: positions, text: text))
            } else {
                parsed.append(JSONDocument.Change(range: nil, text: text))
            }
        }
        documents[uri] = current.with(version: version, document: current.document.applying(parsed, encoding: client.positionEncoding))
        schedulePush(uri)
    }

    func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return log.log(.error, "didClose without a text document uri")
        }
        documents[uri] = nil
        checks.forget(uri)
        api.findings[uri] = nil
        pendingPushes.removeValue(forKey: uri)?.cancel()
        if !client.pullsDiagnostics {
            notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
        }
    }
}
