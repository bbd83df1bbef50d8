import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// One entry of a document's outline, in byte offsets: what the protocol
/// layer turns into a `DocumentSymbol` (or a flat `SymbolInformation`).
public struct OutlineSymbol: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case suite, testCase, evaluator, condition, function, bulkUpdate, field, evaluatorReference
    }

    /// Never empty: editors refuse symbols without a name.
    public var name: String
    public var detail: String?
    public var kind: Kind
    /// The whole node.
    public var range: TextRange
    /// What names the symbol (a `name`, an `id`), inside `range`.
    public var selectionRange: TextRange
    public var children: [OutlineSymbol]
}

/// The outline of a scenario file: a suite's cases with their scripts, an
/// evaluator with its script (structured, or JSON inside `instructions`), a
/// standalone script's conditions and functions, a bulk update's fields and
/// evaluators. Files of kind `unknown` have none.
public enum DocumentSymbols {
    public static func outline(of document: ScenarioDocument) -> [OutlineSymbol] {
        switch document.root {
        case .suite(let suite):
            return [symbol(of: suite)]
        case .evaluator(let evaluator):
            let name = evaluator.string("name").flatMap(nonBlank) ?? "evaluator"
            return [OutlineSymbol(name: shown(name, limit: 80), detail: evaluator.scenarioType, kind: .evaluator, range: evaluator.node.range,
                                  selectionRange: nameRange(of: evaluator.node),
                                  children: document.scripts.flatMap(symbols(of:)))]
        case .script:
            return document.scripts.flatMap(symbols(of:))
        case .bulkUpdate(let payload):
            return [symbol(of: payload)]
        case .none:
            return []
        }
    }

    // MARK: Suites

    private static func symbol(of suite: SuiteView) -> OutlineSymbol {
        let suiteName = suite.value("suite")?[key: "name"]
        let cases = suite.cases
        let selection = suiteName.map(\.range) ?? suite.member("suite")?.key?.range ?? head(of: suite.node)
        return OutlineSymbol(name: suiteName?.stringValue.flatMap(nonBlank).map { shown($0, limit: 80) } ?? "test suite",
                             detail: cases.count == 1 ? "1 case" : "\(cases.count) cases", kind: .suite,
                             range: suite.node.range, selectionRange: selection, children: cases.map(symbol(of:)))
    }

    private static func symbol(of suiteCase: SuiteCaseView) -> OutlineSymbol {
        let name = suiteCase.string("name").flatMap(nonBlank).map { shown($0, limit: 80) } ?? "scenarios[\(suiteCase.index)]"
        let script = suiteCase.script.map { symbols(of: ScriptOccurrence(script: $0, context: .suiteCase(suiteCase))) } ?? []
        return OutlineSymbol(name: name, detail: suiteCase.type, kind: .testCase, range: suiteCase.node.range,
                             selectionRange: nameRange(of: suiteCase.node), children: script)
    }

    // MARK: Scripts

    /// A script's conditions and functions, in document ranges.
    private static func symbols(of occurrence: ScriptOccurrence) -> [OutlineSymbol] {
        let conditions = occurrence.script.conditions.map { condition in
            let name = condition.trigger(limit: 60).map { $0.hasPrefix("→") ? "\(condition.label) \($0)" : "\(condition.label): \($0)" }
            return OutlineSymbol(name: name ?? condition.label, detail: condition.action.map { shown($0, limit: 60) }, kind: .condition,
                                 range: occurrence.outer(condition.node.range),
                                 selectionRange: occurrence.outer(condition.idNode?.range ?? head(of: condition.node)), children: [])
        }
        let elements = occurrence.script.value("functions")?.elements ?? []
        let functions = occurrence.script.functions.map { function in
            let url = function.config?[key: "url"]?.stringValue.map { shown($0, limit: 60) }
            return OutlineSymbol(name: function.label(at: elements.firstIndex(of: function.node) ?? 0), detail: url, kind: .function,
                                 range: occurrence.outer(function.node.range), selectionRange: occurrence.outer(nameRange(of: function.node)),
                                 children: [])
        }
        return conditions + functions
    }

    // MARK: Bulk updates

    private static func symbol(of payload: BulkUpdateView) -> OutlineSymbol {
        let fields = payload.node.members.compactMap { member -> OutlineSymbol? in
            guard let key = member.key, let name = nonBlank(member.keyName) else { return nil }
            let value = member.value
            let evaluators = member.hasKey("scenarios") ? (value?.elements ?? []).map(evaluatorSymbol) : []
            return OutlineSymbol(name: name, detail: value.map(summary), kind: .field, range: member.range,
                                 selectionRange: key.range, children: evaluators)
        }
        let count = payload.value("scenarios")?.elementCount ?? 0
        return OutlineSymbol(name: "bulk update", detail: count == 1 ? "1 evaluator" : "\(count) evaluators", kind: .bulkUpdate,
                             range: payload.node.range, selectionRange: head(of: payload.node), children: fields)
    }

    /// An evaluator the payload names, by its id (written as an object with
    /// `id` by mistake, as the CLI's pages show it, it is still that evaluator).
    private static func evaluatorSymbol(_ item: SyntaxNode) -> OutlineSymbol {
        let id = item.kind == .object ? item[key: "id"] : item
        return OutlineSymbol(name: "evaluator \(id.map { shown($0.stringValue ?? $0.text, limit: 40) } ?? "?")", detail: nil,
                             kind: .evaluatorReference, range: item.range, selectionRange: id?.range ?? head(of: item), children: [])
    }

    /// A value on one line: scalars as written, containers by their size.
    private static func summary(_ value: SyntaxNode) -> String {
        switch value.kind {
        case .array: value.elementCount == 1 ? "1 item" : "\(value.elementCount) items"
        case .object: "{…}"
        case .string: shown(value.stringValue ?? "", limit: 40).jsonQuoted
        default: shown(value.text, limit: 40)
        }
    }

    // MARK: Ranges

    /// The `name` value of an object, else its first byte.
    private static func nameRange(of node: SyntaxNode) -> TextRange {
        node[key: "name"]?.range ?? head(of: node)
    }

    private static func head(of node: SyntaxNode) -> TextRange {
        TextRange(node.range.start, min(node.range.end, node.range.start + 1))
    }

    private static func nonBlank(_ text: String) -> String? { text.allSatisfy(\.isWhitespace) ? nil : text }
}
