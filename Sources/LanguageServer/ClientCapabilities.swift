import JSONSyntax
import LanguageServerProtocol

/// What the server reads from the client's `initialize` capabilities.
struct ClientCapabilities: Sendable {
    var positionEncoding: PositionEncoding = .utf16
    /// `textDocument.diagnostic`: the client pulls diagnostics, so the server
    /// does not push them (a client doing both would show each twice).
    var pullsDiagnostics = false
    /// `workspace.diagnostics.refreshSupport`: the server may ask for a new pull.
    var refreshesDiagnostics = false
    /// `workspace.configuration`: the server may pull its settings.
    var providesConfiguration = false
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`: the
    /// outline may nest; otherwise it is a flat list of `SymbolInformation`.
    var hierarchicalDocumentSymbols = false
    /// `textDocument.foldingRange.lineFoldingOnly`: folds cover whole lines;
    /// otherwise they may start and end within lines.
    var lineFoldingOnly = false
    /// `textDocument.foldingRange.rangeLimit`: at most this many folds per document.
    var foldingRangeLimit: Int?
    /// `textDocument.completion.completionItem.snippetSupport`: completions may hold tab stops.
    var acceptsSnippets = false
    /// Whether completion documentation and hovers may be Markdown
    /// (`documentationFormat`, `contentFormat`); plain text otherwise.
    var completionMarkdown = false
    var hoverMarkdown = false
    /// `textDocument.publishDiagnostics.relatedInformation`.
    var acceptsRelatedInformation = false
    /// `textDocument.codeAction.codeActionLiteralSupport`: code actions may be
    /// `CodeAction` objects with edits, not only commands.
    var acceptsCodeActionLiterals = false
    /// `textDocument.definition.linkSupport`: definitions may be `LocationLink`s.
    var acceptsDefinitionLinks = false
    /// `textDocument.rename.prepareSupport`: the client asks `prepareRename` first.
    var preparesRename = false
    /// `workspace.workspaceEdit.documentChanges`: edits may name the version they apply to.
    var versionsWorkspaceEdits = false
    /// `window.workDoneProgress`: the server may create progress tokens.
    var showsWorkDoneProgress = false
    /// `window.showDocument.support`: the server may open a document (a run report).
    var showsDocuments = false
    /// `workspace.applyEdit`: the server may ask the client to edit.
    var appliesEdits = false

    init() {}

    init(_ capabilities: JSONValue?) {
        positionEncoding = .negotiated(offered: capabilities?["general"]?["positionEncodings"])
        let textDocument = capabilities?["textDocument"]
        pullsDiagnostics = textDocument?["diagnostic"]?.objectValue != nil
        refreshesDiagnostics = capabilities?["workspace"]?["diagnostics"]?["refreshSupport"]?.boolValue ?? false
        providesConfiguration = capabilities?["workspace"]?["configuration"]?.boolValue ?? false
        hierarchicalDocumentSymbols = textDocument?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
        lineFoldingOnly = textDocument?["foldingRange"]?["lineFoldingOnly"]?.boolValue ?? false
        foldingRangeLimit = textDocument?["foldingRange"]?["rangeLimit"]?.intValue
        acceptsSnippets = textDocument?["completion"]?["completionItem"]?["snippetSupport"]?.boolValue ?? false
        func offersMarkdown(_ formats: JSONValue?) -> Bool { formats?.arrayValue?.contains("markdown") ?? false }
        completionMarkdown = offersMarkdown(textDocument?["completion"]?["completionItem"]?["documentationFormat"])
        hoverMarkdown = offersMarkdown(textDocument?["hover"]?["contentFormat"])
        let publish = textDocument?["publishDiagnostics"]
        acceptsRelatedInformation = publish?["relatedInformation"]?.boolValue ?? false
        acceptsCodeActionLiterals = textDocument?["codeAction"]?["codeActionLiteralSupport"]?.objectValue != nil
        acceptsDefinitionLinks = textDocument?["definition"]?["linkSupport"]?.boolValue ?? false
        preparesRename = textDocument?["rename"]?["prepareSupport"]?.boolValue ?? false
        versionsWorkspaceEdits = capabilities?["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        showsWorkDoneProgress = capabilities?["window"]?["workDoneProgress"]?.boolValue ?? false
        showsDocuments = capabilities?["window"]?["showDocument"]?["support"]?.boolValue ?? false
        appliesEdits = capabilities?["workspace"]?["applyEdit"]?.boolValue ?? false
    }
}
