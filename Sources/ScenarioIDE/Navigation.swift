import JSONSyntax
import ScenarioModel

/// Go to definition, find references and highlights for the symbol under the
/// cursor (`ScriptSymbols`), in document byte ranges.
public enum Navigation {
    /// The occurrence under the cursor and every occurrence of its symbol, in document order.
    public static func occurrences(in document: ScenarioDocument, at offset: Int) -> (origin: SymbolOccurrence, all: [SymbolOccurrence])? {
        symbols(in: document, at: offset).map { ($0.origin, $0.ofOrigin) }
    }

    static func symbols(in document: ScenarioDocument, at offset: Int) -> ScriptSymbols? {
        guard document.kind.kind != .unknown else { return nil }
        return ScriptSymbols(document, around: offset)
    }

    /// The definition of the symbol under the cursor (itself on a definition),
    /// with the occurrence the cursor is on; nil where the document does not
    /// define it.
    public static func definition(in document: ScenarioDocument, at offset: Int) -> (origin: SymbolOccurrence, definition: SymbolOccurrence)? {
        guard let (origin, all) = occurrences(in: document, at: offset), let definition = all.first(where: \.isDefinition) else { return nil }
        return (origin, definition)
    }

    /// The uses of the symbol under the cursor, and its definition when asked.
    public static func references(in document: ScenarioDocument, at offset: Int, includeDeclaration: Bool) -> [SymbolOccurrence] {
        (occurrences(in: document, at: offset)?.all ?? []).filter { includeDeclaration || !$0.isDefinition }
    }
}
