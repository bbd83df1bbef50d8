import JSONSyntax
import ScenarioModel

/// The symbols around a position, with document ranges: condition ids and the
/// followups naming them, functions with their tags and placeholders,
/// functions' outputs, test-profile keys with their placeholders. Only what can
/// hold the symbol at the position is read: the script (or the case, or the
/// test data) around it, and for a test-profile key the cases that share its
/// test data, so that a request in a large suite reads one script. Scripts are
/// read wherever they stand, inside `instructions` too, and half-typed ones as
/// far as they go.
public struct ScriptSymbols: Sendable {
    /// The occurrence at the position.
    public let origin: SymbolOccurrence
    /// Every occurrence in what was read, in document order: those of
    /// `origin`'s symbol, and the definitions a new name must not collide with.
    public let occurrences: [SymbolOccurrence]

    /// Nil where no symbol is at `offset`.
    public init?(_ document: ScenarioDocument, around offset: Int) {
        var near: [SymbolOccurrence] = []
        if let script = document.scripts.first(where: { document.focus(on: $0).outer($0.script.node.range).touches(offset) }) {
            ScriptNames(script, focus: document.focus(on: script)).collect(into: &near)
        } else if case .suite(let suite) = document.root {
            TestDataNames.collect(suite, around: offset, into: &near)
        }
        // The one holding the offset, else one ending there (the cursor just after a name).
        guard let origin = near.first(where: { $0.range.contains(offset) }) ?? near.last(where: { $0.range.touches(offset) }) else { return nil }
        self.origin = origin
        if origin.symbol.kind == .testProfileKey, case .suite(let suite) = document.root {
            near = []
            TestDataNames.collect(suite, sharing: origin.symbol, in: document, into: &near)
        }
        occurrences = near.sorted { $0.range < $1.range }
    }

    /// The occurrences of `origin`'s symbol.
    public var ofOrigin: [SymbolOccurrence] { occurrences.filter { $0.symbol == origin.symbol } }
}

/// The names of one script: its condition ids, its functions and their
/// outputs, and the placeholders and tags that use them.
struct ScriptNames {
    let occurrence: ScriptOccurrence
    let focus: FocusedTree
    /// Set to read only test-profile keys, which other cases may share.
    var testProfileKeysOnly = false
    /// The script in the document: what its undefined names are looked up in.
    let scope: TextRange
    /// The first function of each name, as tags and placeholders find it.
    let functions: [String: FunctionView]
    let placeholders: PlaceholderNames

    init(_ occurrence: ScriptOccurrence, focus: FocusedTree) {
        self.occurrence = occurrence
        self.focus = focus
        scope = focus.outer(occurrence.script.node.range)
        var functions: [String: FunctionView] = [:]
        for function in occurrence.script.functions {
            if let name = function.name, functions[name] == nil { functions[name] = function }
        }
        self.functions = functions
        if case .suiteCase(let suiteCase) = occurrence.context {
            placeholders = PlaceholderNames(suiteCase)
        } else {
            placeholders = PlaceholderNames(testData: nil, testDataScope: scope)
        }
    }

    var layers: Int { focus.embedding == nil ? 1 : 2 }

    func collect(into found: inout [SymbolOccurrence]) {
        if !testProfileKeysOnly {
            collectConditions(into: &found)
            collectFunctions(into: &found)
        }
        let script = occurrence.script
        if let role = script.value("role") { collectPlaceholders(in: role, into: &found) }
        for condition in script.conditions {
            if let text = condition.conditionNode { collectPlaceholders(in: text, into: &found) }
            if let action = condition.actionNode, action.kind == .string { collectAction(condition, action, into: &found) }
        }
        for function in script.functions {
            guard let config = function.config else { continue }
            for string in config.stringValues { collectPlaceholders(in: string, into: &found) }
        }
    }

    // MARK: Condition ids

    private func collectConditions(into found: inout [SymbolOccurrence]) {
        let conditions = occurrence.script.conditions
        for condition in conditions {
            if let (symbol, node) = idSymbol(of: condition) {
                found.append(SymbolOccurrence(symbol: symbol, range: symbol.definition!, extent: focus.outer(condition.node.range),
                                              container: scope, spelling: Spelling(stringLayers: node.kind == .string ? layers : 0)))
            }
            // An id in `condition` names the condition it follows, as the checker resolves it.
            guard let reference = condition.reference, let node = condition.conditionNode else { continue }
            let symbol = ConditionalActionsView.target(of: reference, from: condition, among: conditions).flatMap { idSymbol(of: $0)?.symbol }
                ?? .undefined(.conditionID, String(reference), in: scope)
            let range = focus.outer(node.range)
            found.append(SymbolOccurrence(symbol: symbol, range: range, extent: range, container: nil, spelling: Spelling(stringLayers: 0)))
        }
    }

    /// A condition's id as a definition: a number's digits, or the digits
    /// inside a string (`"1"`, which the checker reports but still resolves).
    private func idSymbol(of condition: ConditionView) -> (symbol: ScriptSymbol, node: SyntaxNode)? {
        guard let id = condition.lenientID, let node = condition.idNode else { return nil }
        return (.defined(.conditionID, String(id), at: focus.outer(node.kind == .string ? node.contentRange : node.range)), node)
    }

    // MARK: Functions

    private func collectFunctions(into found: inout [SymbolOccurrence]) {
        for function in occurrence.script.functions {
            if let node = function.value("name"), let name = node.stringValue {
                let range = focus.outer(node.contentRange)
                found.append(SymbolOccurrence(symbol: .defined(.function, name, at: range), range: range, extent: focus.outer(function.node.range),
                                              container: scope, spelling: Spelling(stringLayers: layers)))
            }
            guard let mapping = Self.mapping(of: function) else { continue }
            for member in mapping.members {
                guard let key = member.key, key.kind == .string else { continue }
                let range = focus.outer(key.contentRange)
                found.append(SymbolOccurrence(symbol: .defined(.functionOutput, member.keyName, at: range), range: range,
                                              extent: focus.outer(member.range), container: focus.outer(mapping.range),
                                              spelling: Spelling(stringLayers: layers)))
            }
        }
    }

    private static func mapping(of function: FunctionView) -> SyntaxNode? {
        function.config?[key: "response_mapping"].flatMap { $0.kind == .object ? $0 : nil }
    }

    private func functionSymbol(_ name: String) -> ScriptSymbol {
        guard let node = functions[name]?.value("name") else { return .undefined(.function, name, in: scope) }
        return .defined(.function, name, at: focus.outer(node.contentRange))
    }

    /// The output of `{{function.x.y}}`: the `response_mapping` key of the
    /// function the placeholder names (the last of equal keys, as the API keeps).
    private func outputSymbol(_ output: String, of function: String) -> ScriptSymbol {
        guard let mapping = functions[function].flatMap(Self.mapping), let key = mapping.member(named: output)?.key, key.kind == .string else {
            return .undefined(.functionOutput, output, in: scope, path: [function])
        }
        return .defined(.functionOutput, output, at: focus.outer(key.contentRange))
    }

    // MARK: Texts

    private func collectAction(_ condition: ConditionView, _ action: SyntaxNode, into found: inout [SymbolOccurrence]) {
        // Actions are most of a script: when only keys are wanted, most need no parse.
        if testProfileKeysOnly, !(action.stringValue ?? "").contains("test_profile") { return }
        let action = ActionFocus(focus: focus, occurrence: occurrence, condition: condition, string: action, offset: 0)
        let text = MappedText(outer: action.outer, layers: layers)
        for element in action.markup.elements {
            switch element {
            case .placeholder(let placeholder):
                collect(placeholder, shiftedBy: 0, in: text, into: &found)
            case .tag(let tag):
                for attribute in tag.attributes {
                    guard let value = attribute.value, let valueRange = attribute.valueRange else { continue }
                    if tag.name.lowercased() == "function", attribute.name == "name", !value.isEmpty {
                        let range = action.outer(valueRange)
                        found.append(SymbolOccurrence(symbol: functionSymbol(value), range: range, extent: range, container: nil,
                                                      spelling: Spelling(stringLayers: layers)))
                    }
                    var inAttribute = text
                    inAttribute.quote = attribute.quote
                    for placeholder in ActionParser.placeholders(in: value) {
                        collect(placeholder, shiftedBy: valueRange.lowerBound, in: inAttribute, into: &found)
                    }
                }
            default:
                break
            }
        }
    }

    private func collectPlaceholders(in string: SyntaxNode, into found: inout [SymbolOccurrence]) {
        guard string.kind == .string else { return }
        let decoded = string.decoded
        let text = MappedText(outer: { focus.outer(decoded.sourceRange(ofDecoded: $0)) }, layers: layers)
        for placeholder in ActionParser.placeholders(in: decoded.value) { collect(placeholder, shiftedBy: 0, in: text, into: &found) }
    }

    private func collect(_ placeholder: Placeholder, shiftedBy shift: Int, in text: MappedText, into found: inout [SymbolOccurrence]) {
        guard case .function(let name, let output) = placeholder.kind else {
            return placeholders.collect(placeholder, shiftedBy: shift, in: text, into: &found)
        }
        let nameRange = text.outer(name.range.lowerBound + shift..<name.range.upperBound + shift)
        found.append(SymbolOccurrence(symbol: functionSymbol(name.name), range: nameRange, extent: nameRange, container: nil,
                                      spelling: Spelling(stringLayers: text.layers)))
        guard let output else { return }
        let outputRange = text.outer(output.range.lowerBound + shift..<output.range.upperBound + shift)
        found.append(SymbolOccurrence(symbol: outputSymbol(output.name, of: name.name), range: outputRange, extent: outputRange,
                                      container: nil, spelling: Spelling(stringLayers: text.layers)))
    }
}

/// A decoded text that holds placeholders, and the way from its ranges to the document.
struct MappedText {
    let outer: (Range<Int>) -> TextRange
    /// The JSON strings the text sits in (see `Spelling`).
    let layers: Int
    /// The quote of the tag attribute the text is the value of.
    var quote: Character?
}
