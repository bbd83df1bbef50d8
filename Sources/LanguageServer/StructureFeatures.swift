import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE
import ScenarioModel

/// The features that show a document's structure: symbols, folding,
/// selection ranges, inlay hints and semantic tokens. `ScenarioIDE` computes
/// them on a worker over the snapshot the request names, in byte offsets;
/// they become LSP here, in the negotiated position encoding.
extension LanguageServer {
    // MARK: Symbols

    func documentSymbols(id: RequestID, params: JSONValue) {
        let encoding = client.positionEncoding, hierarchical = client.hierarchicalDocumentSymbols
        answer(id, params) { document, snapshot in
            let outline = DocumentSymbols.outline(of: document), lines = snapshot.document.lineIndex
            guard hierarchical else {
                return .array(SymbolSearch.flattened(outline).map { Self.information($0, uri: snapshot.uri, lines, encoding) })
            }
            return .array(outline.map { Self.json($0, lines, encoding) })
        }
    }

    /// `workspace/symbol`: the outlines of every open document, filtered by the query.
    func workspaceSymbols(id: RequestID, params: JSONValue) {
        guard let query = params["query"]?.stringValue else {
            return respond(id, .failure(.invalidParams("workspace/symbol needs a query")))
        }
        let encoding = client.positionEncoding
        let snapshots = documents.values.sorted { $0.uri < $1.uri }.map { ($0, association(for: $0)) }
        respondLater(id, work: {
            .success(.array(snapshots.flatMap { snapshot, decided in
                let outline = DocumentSymbols.outline(of: snapshot.scenarioDocument(decided: decided))
                return SymbolSearch.matching(query, in: outline).map { Self.information($0, uri: snapshot.uri, snapshot.document.lineIndex, encoding) }
            }))
        })
    }

    private static func json(_ symbol: OutlineSymbol, _ lines: LineIndex, _ encoding: PositionEncoding) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(symbol.name)),
            ("kind", .integer(symbolKind(symbol.kind))),
            ("range", lines.json(symbol.range, in: encoding)),
            ("selectionRange", lines.json(symbol.selectionRange, in: encoding)),
        ]
        if let detail = symbol.detail { members.append(("detail", .string(detail))) }
        if !symbol.children.isEmpty { members.append(("children", .array(symbol.children.map { json($0, lines, encoding) }))) }
        return .object(members)
    }

    /// A `SymbolInformation`: the flat form, with the parent's name as its container.
    private static func information(_ flat: SymbolSearch.FlatSymbol, uri: String, _ lines: LineIndex, _ encoding: PositionEncoding) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(flat.symbol.name)),
            ("kind", .integer(symbolKind(flat.symbol.kind))),
            ("location", ["uri": .string(uri), "range": lines.json(flat.symbol.range, in: encoding)]),
        ]
        if let container = flat.container { members.append(("containerName", .string(container))) }
        return .object(members)
    }

    /// LSP `SymbolKind`s, all from the protocol's first version (1–18), which
    /// every client shows without declaring a `valueSet`: a suite is a module
    /// of cases; a case and an evaluator are each one scenario (class); a
    /// condition is a rule the simulated caller runs (method); a function is a
    /// function; a bulk update is a package of changes with its fields as
    /// properties, and the evaluators it names are ids (number).
    private static func symbolKind(_ kind: OutlineSymbol.Kind) -> Int {
        switch kind {
        case .suite: 2
        case .bulkUpdate: 4
        case .testCase, .evaluator: 5
        case .condition: 6
        case .field: 7
        case .function: 12
        case .evaluatorReference: 16
        }
    }

    // MARK: Folding

    func foldingRanges(id: RequestID, params: JSONValue) {
        let encoding = client.positionEncoding, lineFoldingOnly = client.lineFoldingOnly, limit = client.foldingRangeLimit
        answer(id, params) { document, snapshot in
            let lines = snapshot.document.lineIndex
            return .array(Folding.regions(in: document, lines: lines, lineFoldingOnly: lineFoldingOnly, limit: limit).map { region in
                var members: [(key: String, value: JSONValue)] = [("startLine", .integer(region.startLine)), ("endLine", .integer(region.endLine))]
                if !lineFoldingOnly {
                    members.append(("startCharacter", .integer(lines.position(of: region.start, in: encoding).column)))
                    members.append(("endCharacter", .integer(lines.position(of: region.end, in: encoding).column)))
                }
                if region.kind == .comment { members.append(("kind", "comment")) }
                return .object(members)
            })
        }
    }

    // MARK: Selection ranges

    /// One `SelectionRange` per position, innermost first with each `parent`
    /// around it; a position with nothing around it gets its own empty range.
    func selectionRanges(id: RequestID, params: JSONValue) {
        let written = params["positions"]?.arrayValue
        let positions = written?.compactMap { LinePosition(json: $0) } ?? []
        guard let written, positions.count == written.count else {
            return respond(id, .failure(.invalidParams("textDocument/selectionRange needs positions")))
        }
        let encoding = client.positionEncoding
        answer(id, params) { document, snapshot in
            let lines = snapshot.document.lineIndex
            return .array(positions.map { position in
                let offset = lines.offset(of: position, in: encoding)
                let chain = SelectionRanges.chain(in: document, at: offset)
                let outermost: JSONValue = ["range": lines.json(chain.last ?? .empty(at: offset), in: encoding)]
                return chain.dropLast().reversed().reduce(outermost) { parent, range in
                    ["range": lines.json(range, in: encoding), "parent": parent]
                }
            })
        }
    }

    // MARK: Inlay hints

    func inlayHints(id: RequestID, params: JSONValue) {
        guard let requested = lineRange(json: params["range"]) else {
            return respond(id, .failure(.invalidParams("textDocument/inlayHint needs a range")))
        }
        let encoding = client.positionEncoding
        answer(id, params) { document, snapshot in
            let lines = snapshot.document.lineIndex
            let range = lines.textRange(from: requested.start, to: requested.end, in: encoding)
            return .array(InlayHints.hints(in: document, within: range).map { hint in
                // No `kind`: a followup's target is neither a type nor a parameter name.
                ["position": lines.position(of: hint.position, in: encoding).json, "label": .string(hint.label),
                 "tooltip": .string(hint.tooltip), "paddingLeft": true]
            })
        }
    }

    // MARK: Semantic tokens

    /// `textDocument/semanticTokens/full`, and `/range` when `params.range` is set.
    func semanticTokens(id: RequestID, params: JSONValue) {
        let requested = lineRange(json: params["range"])
        let encoding = client.positionEncoding
        answer(id, params) { document, snapshot in
            let lines = snapshot.document.lineIndex
            let range = requested.map { lines.textRange(from: $0.start, to: $0.end, in: encoding) }
            let tokens = ActionTokens.tokens(in: document, within: range).map { ($0.range, Self.semanticTokenType($0.kind)) }
            return ["data": .array(Self.semanticTokenData(tokens, lines: lines, encoding: encoding).map { .integer($0) })]
        }
    }

    /// The legend's token types: a token's type is its index here.
    static let semanticTokenTypes = ["keyword", "property", "string", "macro", "variable", "function", "enumMember"]

    /// Types from LSP's standard set, which themes colour with no
    /// configuration: a tag is an instruction to the voice, not words to say
    /// (keyword); attributes are a tag's properties and their values stay
    /// strings; a placeholder is expanded before the call, like a macro, and its
    /// keys name values (variable), a function's name a function; the emotion
    /// markers are a fixed set of named sounds (enumMember, coloured as constants).
    private static func semanticTokenType(_ kind: ActionToken.Kind) -> Int {
        switch kind {
        case .tag, .closingTag: 0
        case .attributeName: 1
        case .attributeValue: 2
        case .placeholder: 3
        case .placeholderKey: 4
        case .placeholderFunction: 5
        case .marker: 6
        }
    }

    /// Tokens in LSP's relative form: five integers each (line delta, start
    /// delta, length, type, no modifiers), in the negotiated encoding. Tokens
    /// come from JSON strings, which hold no line break, but one that crossed
    /// a line would be split at the line ends: no client in the capability sets
    /// takes multi-line tokens, and pieces suit every client.
    static func semanticTokenData(_ tokens: [(range: TextRange, type: Int)], lines: LineIndex, encoding: PositionEncoding) -> [Int] {
        var data: [Int] = []
        var previous = LinePosition(line: 0, column: 0)
        for token in tokens.sorted(by: { $0.range < $1.range }) {
            let (first, last) = (lines.line(of: token.range.start), lines.line(of: token.range.end))
            for line in first...last {
                let lineRange = lines.lineRange(line)
                let piece = TextRange(max(token.range.start, lineRange.start), max(min(token.range.end, lineRange.end), lineRange.start))
                let (start, end) = lines.range(of: piece, in: encoding)
                guard end.column > start.column else { continue }
                data += [start.line - previous.line, start.line == previous.line ? start.column - previous.column : start.column,
                         end.column - start.column, token.type, 0]
                previous = start
            }
        }
        return data
    }

    // MARK: Running

    /// Runs `work` on a worker over the snapshot of the document
    /// `params.textDocument` names, read as a scenario file, and answers with
    /// its result; -32801 when the document changed meanwhile.
    private func answer(_ id: RequestID, _ params: JSONValue,
                        _ work: @escaping @Sendable (ScenarioDocument, OpenDocument) -> JSONValue) {
        guard let snapshot = openDocument(params, id: id) else { return }
        let decided = association(for: snapshot)
        respondLater(id, work: { .success(work(snapshot.scenarioDocument(decided: decided), snapshot)) },
                     isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }
}

extension OpenDocument {
    /// The snapshot read as a scenario file, its kind from the user's association when one matches.
    func scenarioDocument(decided: FileKindDecision?) -> ScenarioDocument {
        ScenarioDocument(tree: document.tree, fileName: path, decided: decided)
    }
}
