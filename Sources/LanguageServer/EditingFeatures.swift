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
        let decided = association(for: snapshot), catalogs = api.catalogs
        respondLater(id, work: {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            let found = Self.completionItems(in: document, at: offset, catalogs: catalogs)
            // A long list leaves its documentation to `completionItem/resolve`.
            let lazy = found.count > Self.documentedItemLimit
            let items = found.enumerated().map { index, item in
                var json = Self.json(lazy ? item.withoutDocumentation : item, order: index, lineIndex: snapshot.document.lineIndex,
                                     encoding: encoding, snippets: snippets, markdown: markdown)
                if lazy, item.documentation != nil, case .object(var members) = json {
                    members.append(("data", ["uri": .string(snapshot.uri), "version": .integer(snapshot.version),
                                             "offset": .integer(offset), "index": .integer(index)]))
                    json = .object(members)
                }
                return json
            }
            return .success(["isIncomplete": false, "items": .array(items)])
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    /// The items of the specs, then those of the API's catalogs; resolve finds an item again by its index here.
    static func completionItems(in document: ScenarioDocument, at offset: Int, catalogs: Catalogs) -> [CompletionItem] {
        Completion.items(in: document, at: offset) + CatalogCompletion.items(in: document, at: offset, catalogs: catalogs)
    }

    /// Lists longer than this (languages, sounds) are sent without documentation.
    static let documentedItemLimit = 25

    /// `completionItem/resolve`: the documentation of an item of a long list,
    /// found again from its `data` when the document is still at that version;
    /// otherwise the item comes back as it was.
    func resolveCompletion(id: RequestID, params: JSONValue) {
        guard case .object(let item) = params, let label = params["label"]?.stringValue else {
            return respond(id, .failure(.invalidParams("expected a CompletionItem")))
        }
        let data = params["data"]
        guard let uri = data?["uri"]?.stringValue, let version = data?["version"]?.intValue, let offset = data?["offset"]?.intValue,
              let index = data?["index"]?.intValue, let snapshot = documents[uri], snapshot.version == version else {
            return respond(id, .success(params))
        }
        let markdown = client.completionMarkdown
        let decided = association(for: snapshot), catalogs = api.catalogs
        respondLater(id, work: {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            let items = Self.completionItems(in: document, at: offset, catalogs: catalogs)
            guard index >= 0, index < items.count, items[index].label == label, let documentation = items[index].documentation else {
                return .success(params)
            }
            return .success(.object(item.filter { $0.key != "documentation" } + [("documentation", Self.markup(documentation, markdown))]))
        })
    }

    func hover(id: RequestID, params: JSONValue) {
        guard let (snapshot, offset) = locate(params, id: id) else { return }
        let encoding = client.positionEncoding, markdown = client.hoverMarkdown
        let decided = association(for: snapshot), catalogs = api.catalogs
        respondLater(id, work: {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            guard let info = Hover.info(in: document, at: offset) ?? CatalogCompletion.hover(in: document, at: offset, catalogs: catalogs) else {
                return .success(.null)
            }
            return .success(["contents": Self.markup(info.markdown, markdown),
                             "range": snapshot.document.lineIndex.json(info.range, in: encoding)])
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    /// The open document and byte offset a `TextDocumentPositionParams` names;
    /// answers the request with an error and returns nil when it cannot.
    func locate(_ params: JSONValue, id: RequestID) -> (OpenDocument, Int)? {
        guard let position = LinePosition(json: params["position"]) else {
            respond(id, .failure(.invalidParams("expected a position")))
            return nil
        }
        guard let snapshot = openDocument(params, id: id) else { return nil }
        return (snapshot, snapshot.document.lineIndex.offset(of: position, in: client.positionEncoding))
    }

    /// The open document `textDocument.uri` names; answers the request with an
    /// error and returns nil when there is none.
    func openDocument(_ params: JSONValue, id: RequestID) -> OpenDocument? {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            respond(id, .failure(.invalidParams("expected textDocument.uri")))
            return nil
        }
        guard let snapshot = documents[uri] else {
            respond(id, .failure(.invalidParams("\(uri) is not open")))
            return nil
        }
        return snapshot
    }

    /// Markdown as `MarkupContent` for clients that take it; otherwise the bare
    /// string, which every client accepts (and the text reads well as it is).
    static func markup(_ text: String, _ markdown: Bool) -> JSONValue {
        markdown ? ["kind": "markdown", "value": .string(text)] : .string(text)
    }

    /// LSP's `CompletionItemKind`.
    private static func kind(_ kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .function: 3
        case .variable: 6
        case .property: 10
        case .value: 12
        case .keyword: 14
        case .snippet: 15
        case .reference: 18
        }
    }

    private static func json(_ item: CompletionItem, order: Int, lineIndex: LineIndex, encoding: PositionEncoding,
                             snippets: Bool, markdown: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("label", .string(item.label)),
            ("kind", .integer(kind(item.kind))),
            ("sortText", .string(String(repeating: "0", count: max(0, 4 - String(order).count)) + String(order))),
            ("filterText", .string(item.filterText ?? item.label)),
            ("textEdit", ["range": lineIndex.json(item.range, in: encoding), "newText": .string(snippets ? item.newText : item.plainText)]),
            ("insertTextFormat", .integer(snippets && item.isSnippet ? 2 : 1)),
        ]
        if let detail = item.detail { members.append(("detail", .string(detail))) }
        if let documentation = item.documentation { members.append(("documentation", markup(documentation, markdown))) }
        return .object(members)
    }
}
