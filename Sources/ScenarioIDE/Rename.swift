import JSONSyntax
import ScenarioModel

/// Renaming a symbol the document defines: its definition and every use,
/// each written as its place needs (escaped for the strings around it).
public enum Rename {
    /// What a rename at a position would change: the name under the cursor
    /// and its text.
    public struct Target: Sendable, Equatable {
        public let range: TextRange
        public let name: String
    }

    /// Why a rename cannot be done, in words for the user.
    public struct Refusal: Error, Sendable, Equatable {
        public let message: String
    }

    /// The name a rename at `offset` would change; nil where there is no
    /// symbol, a refusal where there is one that cannot be renamed here.
    public static func prepare(in document: ScenarioDocument, at offset: Int) -> Result<Target, Refusal>? {
        guard let (origin, all) = Navigation.occurrences(in: document, at: offset) else { return nil }
        guard all.contains(where: \.isDefinition) else { return .failure(undefined(origin.symbol)) }
        return .success(Target(range: origin.range, name: origin.symbol.name))
    }

    /// The edits that rename the symbol at `offset` to `newName`, in document order.
    public static func edits(in document: ScenarioDocument, at offset: Int, to newName: String) -> Result<[TextEdit], Refusal> {
        guard let symbols = Navigation.symbols(in: document, at: offset) else {
            return .failure(Refusal(message: "there is no condition id, function, function output or test-profile key here to rename"))
        }
        let symbol = symbols.origin.symbol
        let all = symbols.ofOrigin
        guard let definition = all.first(where: \.isDefinition) else { return .failure(undefined(symbol)) }
        let name: String
        switch validated(newName, for: symbol) {
        case .success(let valid): name = valid
        case .failure(let refusal): return .failure(refusal)
        }
        if let container = definition.container,
           symbols.occurrences.contains(where: { other in
               other.isDefinition && other.symbol.kind == symbol.kind && other.container == container
                   && other.symbol.name == name && other.range != definition.range
           }) {
            return .failure(inUse(name, symbol.kind))
        }
        for occurrence in all {
            if let bad = name.first(where: occurrence.spelling.forbidden.contains) {
                return .failure(Refusal(message: "\(shown(name)) cannot stand in `\(occurrence.spelling.form)`, where \(describe(bad)) is syntax; choose a key without it, or write that placeholder in another form first (`.key`, `['key']` or `[\"key\"]`)"))
            }
        }
        return .success(all.map { TextEdit(range: $0.range, newText: $0.spelling.written(name)) })
    }

    /// The new name as it will be written, or why it cannot be.
    private static func validated(_ newName: String, for symbol: ScriptSymbol) -> Result<String, Refusal> {
        switch symbol.kind {
        case .conditionID:
            guard let id = Int(newName) else {
                return .failure(Refusal(message: "a condition id is a whole number, like 3; \(shown(newName)) is not"))
            }
            return .success(String(id))
        case .function:
            if let problem = FunctionView.nameProblem(newName) { return .failure(Refusal(message: "\(FunctionView.nameRule); \(problem)")) }
        case .functionOutput:
            if newName.isEmpty || !newName.unicodeScalars.allSatisfy(FunctionView.isNameScalar) {
                return .failure(Refusal(message: "an output name is letters, digits, `_` or `-`, so that `{{function.name.output}}` reads it; \(shown(newName)) is not"))
            }
        case .testProfileKey:
            if newName.isEmpty { return .failure(Refusal(message: "a test-profile key cannot be empty")) }
        }
        return .success(newName)
    }

    private static func undefined(_ symbol: ScriptSymbol) -> Refusal {
        let message = switch symbol.kind {
        case .conditionID: "no condition has id \(symbol.name), so there is nothing to rename"
        case .function: "no function named \(shown(symbol.name)) is declared in this script, so there is nothing to rename"
        case .functionOutput: "no function's `response_mapping` here defines the output \(shown(symbol.name)), so there is nothing to rename"
        case .testProfileKey:
            "`\(symbol.name)` is not a key of inline test data in this file; a test profile saved in Cekura is renamed where it is kept"
        }
        return Refusal(message: message)
    }

    private static func inUse(_ name: String, _ kind: ScriptSymbol.Kind) -> Refusal {
        let message = switch kind {
        case .conditionID: "another condition already has id \(name); condition ids must be unique"
        case .function: "another function is already named \(shown(name)); function names must be unique"
        case .functionOutput: "this `response_mapping` already has an output \(shown(name))"
        case .testProfileKey: "this object already has a key \(shown(name))"
        }
        return Refusal(message: message)
    }

    private static func shown(_ text: String) -> String { text.jsonQuoted }

    private static func describe(_ character: Character) -> String {
        switch character {
        case " ", "\t", "\n", "\r": "a blank"
        default: "`\(character)`"
        }
    }
}
