import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE
import ScenarioModel

/// Completion and hover: computed by `ScenarioIDE` on a worker over the
/// snapshot the request names, in byte offsets, and turned into LSP here.
extension LanguageServer {
    func completion(id: RequestID, params: JSONValue) {
        guard let (snapshot, offset) = locate(params, id: id) else { return }
        let encoding = client.positionEncoding, snippets = client.acceptsSnippets, markdown = client.completionMarkdown
        let decided = association(for: snapshot)
        respondLater(id, work: {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            let items = Completion.items(in: document, at: offset).enumerated().map { index, item in
                Self.json(item, order: index, lineIndex: snapshot.document.lineIndex, encoding: encoding, snippets: snippets, markdown: markdown)
            }
            return .success(["isIncomplete": false, "items": .array(items)])
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    func hover(id: RequestID, params: JSONValue) {
        guard let (snapshot, offset) = locate(params, id: id) else { return }
        let encoding = client.positionEncoding, markdown = client.hoverMarkdown
        let decided = association(for: snapshot)
        respondLater(id, work: {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            guard let info = Hover.info(in: document, at: offset) else { return .success(.null) }
            return .success(["contents": Self.markup(info.markdown, markdown),
                             "range": snapshot.document.lineIndex.json(info.range, in: encoding)])
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    /// The open document and byte offset a `TextDocumentPositionParams` names;
    /// answers the request with an error and returns nil when it cannot.
    func locate(_ params: JSONValue, id: RequestID) -> (OpenDocument, Int)? {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let position = LinePosition(json: params["position"]) else {
            respond(id, .failure(.invalidParams("expected textDocument.uri and position")))
            return nil
        }
        guard let snapshot = documents[uri] else {
            respond(id, .failure(.invalidParams("\(uri) is not open")))
            return nil
        }
        return (snapshot, snapshot.document.lineIndex.offset(of: position, in: client.positionEncoding))
    }

    /// Markdown as `MarkupContent` for clients that take it; otherwise the bare
    /// string, which every client accepts (and the text reads well as it is).
    private static func markup(_ text: String, _ markdown: Bool) -> JSONValue {
        markdown ? ["kind": "markdown", "value": .string(text)] : .string(text)
    }

    private static func json(_ item: CompletionItem, order: Int, lineIndex: LineIndex, encoding: PositionEncoding,
                             snippets: Bool, markdown: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("label", .string(item.label)),
            // LSP's CompletionItemKind: Property 10, Value 12, Snippet 15.
            ("kind", .integer(item.kind == .property ? 10 : item.kind == .value ? 12 : 15)),
            ("sortText", .string(String(repeating: "0", count: max(0, 4 - String(order).count)) + String(order))),
            ("filterText", .string(item.label)),
            ("textEdit", ["range": lineIndex.json(item.range, in: encoding), "newText": .string(snippets ? item.newText : item.plainText)]),
            ("insertTextFormat", .integer(snippets && item.isSnippet ? 2 : 1)),
        ]
        if let detail = item.detail { members.append(("detail", .string(detail))) }
        if let documentation = item.documentation { members.append(("documentation", markup(documentation, markdown))) }
        return .object(members)
    }
}
