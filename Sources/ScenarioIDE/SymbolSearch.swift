/// The flat symbol lists: `workspace/symbol`, and the outline for clients that
/// take no hierarchy.
public enum SymbolSearch {
    public typealias FlatSymbol = (symbol: OutlineSymbol, container: String?)

    /// The symbols and all their descendants in document order, each with its
    /// parent's name.
    public static func flattened(_ symbols: [OutlineSymbol], container: String? = nil) -> [FlatSymbol] {
        symbols.flatMap { [($0, container)] + flattened($0.children, container: $0.name) }
    }

    /// The symbols of an outline whose names hold the query's characters in
    /// order, ignoring case, as editors filter symbols (`lpar` finds "Late
    /// parcel"); an empty query finds all of them.
    public static func matching(_ query: String, in outline: [OutlineSymbol]) -> [FlatSymbol] {
        let wanted = Array(query.lowercased())
        return flattened(outline).filter { isSubsequence(wanted, of: $0.symbol.name) }
    }

    static func isSubsequence(_ wanted: [Character], of name: String) -> Bool {
        var next = wanted.startIndex
        for character in name.lowercased() where next < wanted.endIndex && character == wanted[next] {
            next += 1
        }
        return next == wanted.endIndex
    }
}
