import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// What the API commands act on at a position: the test-suite case around
/// it, the whole suite when it is outside every case, or the evaluator body.
/// Scripts and bulk updates cannot be run on their own.
public enum RunTarget: Sendable {
    case suite(SuiteView)
    case suiteCase(SuiteView, SuiteCaseView)
    case evaluator(EvaluatorView)

    public static func at(_ offset: Int, in document: ScenarioDocument) -> RunTarget? {
        switch document.root {
        case .suite(let suite):
            if let suiteCase = suite.cases.first(where: { $0.node.range.touches(offset) }) { return .suiteCase(suite, suiteCase) }
            return .suite(suite)
        case .evaluator(let evaluator):
            return .evaluator(evaluator)
        case .script, .bulkUpdate, .none:
            return nil
        }
    }

    /// The single scenario this target is, when it is one (not a whole suite).
    public var scenario: ScenarioView? {
        switch self {
        case .suite: nil
        case .suiteCase(_, let suiteCase): ScenarioView(node: suiteCase.node, isScript: suiteCase.isScript)
        case .evaluator(let evaluator): ScenarioView(node: evaluator.node, isScript: evaluator.scenarioType == "conditional_actions")
        }
    }

    /// The suite or the evaluator, not one case of several.
    public var isWholeDocument: Bool {
        if case .suiteCase = self { return false }
        return true
    }

    /// How messages name the target: `"Refund"`, `the suite "Nightly"`.
    public var title: String {
        switch self {
        case .suite(let suite):
            return suite.value("suite")?[key: "name"]?.stringValue.map { "the suite \($0.quotedForPeople)" } ?? "the test suite"
        case .suiteCase(_, let suiteCase):
            return suiteCase.string("name").map(\.quotedForPeople) ?? "case \(suiteCase.index + 1)"
        case .evaluator(let evaluator):
            return evaluator.string("name").map(\.quotedForPeople) ?? "the evaluator"
        }
    }
}

/// A suite case or an evaluator, read the same way where the two kinds share
/// a meaning: its name, its caller instructions, its expected outcome.
public struct ScenarioView: ObjectView {
    public let node: SyntaxNode
    /// A conditional-actions script: it has no free-text instructions.
    public let isScript: Bool

    /// The `instructions` string node, when the scenario has one.
    public var instructions: SyntaxNode? { value("instructions").flatMap { $0.kind == .string ? $0 : nil } }

    /// `expected_outcome` in a case, `expected_outcome_prompt` in an evaluator.
    public var expectedOutcome: String? { string("expected_outcome") ?? string("expected_outcome_prompt") }
}

extension String {
    /// In curly quotes, for messages to people (the text may hold straight ones).
    var quotedForPeople: String { "\u{201C}\(self)\u{201D}" }
}

extension ScenarioView {
    /// The edit that makes `text` the scenario's instructions: the string
    /// replaced, or the member added when there is none.
    public func instructionsEdit(_ text: String) -> TextEdit {
        if let instructions { return TextEdit(range: instructions.range, newText: text.jsonQuoted) }
        return MemberEdits.insert(key: "instructions", value: text.jsonQuoted, into: node)
    }
}
