import JSONSyntax

/// The `capabilities` of the `initialize` result; protocol-notes/lsp.md lists
/// each with why.
enum ServerCapabilities {
    static func json(for client: ClientCapabilities) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("positionEncoding", .string(client.positionEncoding.rawValue)),
            // Incremental sync (kind 2); saves need no text: the server has it.
            ("textDocumentSync", ["openClose": true, "change": 2, "save": ["includeText": false]]),
            ("documentSymbolProvider", true),
            ("workspaceSymbolProvider", true),
            ("foldingRangeProvider", true),
            ("selectionRangeProvider", true),
            ("inlayHintProvider", true),
            ("semanticTokensProvider", ["legend": ["tokenTypes": .array(LanguageServer.semanticTokenTypes.map(JSONValue.string)), "tokenModifiers": []],
                                        "full": true, "range": true]),
            // `"` starts a key or a value, `:` a value; a space after either; `<` a tag and `{` a placeholder in
            // an action. Long lists leave their documentation to `completionItem/resolve`.
            ("completionProvider", ["triggerCharacters": ["\"", ":", " ", "<", "{"], "resolveProvider": true]),
            ("hoverProvider", true),
            ("codeActionProvider", ["codeActionKinds": ["quickfix", .string(LanguageServer.fixAllKind)], "resolveProvider": false]),
            ("documentFormattingProvider", true),
            ("documentRangeFormattingProvider", true),
            ("definitionProvider", true),
            ("referencesProvider", true),
            ("documentHighlightProvider", true),
            // Rename options may only be given to a client that sends `prepareRename`.
            ("renameProvider", client.preparesRename ? ["prepareProvider": true] : true),
            ("executeCommandProvider", ["commands": .array(ServerCommand.allCases.map { .string($0.rawValue) }), "workDoneProgress": true]),
            ("codeLensProvider", ["resolveProvider": false]),
        ]
        if client.pullsDiagnostics {
            members.append(("diagnosticProvider", ["identifier": "cekura", "interFileDependencies": false, "workspaceDiagnostics": false]))
        }
        return .object(members)
    }
}
