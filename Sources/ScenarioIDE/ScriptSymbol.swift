import JSONSyntax

/// A name a script defines or uses: a condition's id, a function, a
/// function's output, a test-profile key. Two occurrences name the same symbol
/// when they resolve to the same definition, as the checker resolves them; a
/// name the document does not define is one symbol per place it is looked up in.
public struct ScriptSymbol: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case conditionID, function, functionOutput, testProfileKey
    }

    public let kind: Kind
    /// Decoded: an id's digits, a function's name, an output, a key.
    public let name: String
    /// The range of the definition's name in the document; nil when the
    /// document does not define the symbol.
    public let definition: TextRange?
    /// For an undefined symbol: where it was looked up (a script, a case, a
    /// test profile) and the names that lead to it (a function before its
    /// output, the keys before a nested key).
    private let scope: TextRange?
    private let path: [String]

    static func defined(_ kind: Kind, _ name: String, at range: TextRange) -> ScriptSymbol {
        ScriptSymbol(kind: kind, name: name, definition: range, scope: nil, path: [])
    }

    static func undefined(_ kind: Kind, _ name: String, in scope: TextRange, path: [String] = []) -> ScriptSymbol {
        ScriptSymbol(kind: kind, name: name, definition: nil, scope: scope, path: path)
    }

    /// Whether placeholders that look keys up in `testDataScope` (a profile, a
    /// case, a script) may name this key.
    func isLookedUp(in testDataScope: TextRange) -> Bool {
        if let definition { return testDataScope.contains(definition) }
        return scope == testDataScope
    }
}

/// Where a symbol is written: its definition or a use.
public struct SymbolOccurrence: Sendable {
    public let symbol: ScriptSymbol
    /// Just the name: inside the quotes of a value or a key, of a tag's
    /// attribute, or inside a placeholder; a number's digits.
    public let range: TextRange
    /// For a definition, all it defines (the condition, the function, the
    /// member); for a use, `range`.
    public let extent: TextRange
    /// For a definition, where no two of its kind may share a name (the
    /// script, the `response_mapping`, the object holding the key).
    let container: TextRange?
    let spelling: Spelling

    public var isDefinition: Bool { symbol.definition == range }
}

/// How a name is written where it stands.
struct Spelling: Sendable {
    /// The JSON strings the name sits in: 0 for a number, 1 inside a string,
    /// 2 inside a string of the script written in `instructions`.
    var stringLayers: Int
    /// Characters this place cannot hold (a placeholder's syntax, the quote
    /// around a tag's attribute value), and the text to show when one would.
    var forbidden: Set<Character> = []
    var form = ""

    init(stringLayers: Int, form: String = "") {
        self.stringLayers = stringLayers
        self.form = form
    }

    /// `name` as the source writes it here: escaped for each string around it.
    func written(_ name: String) -> String {
        (0..<stringLayers).reduce(name) { text, _ in text.jsonStringContent }
    }
}
