import JSONSyntax
import ScenarioModel

/// The API commands a target offers, as code actions at the cursor and as
/// code lenses above each case and evaluator. The server names and runs them.
public enum ScenarioAction: Sendable, Equatable, CaseIterable {
    case runText
    /// An evaluator saved on Cekura (it has an `id`).
    case runSavedText
    case checkRemote
    /// Instruction scenarios only: a script has no free-text instructions.
    case generateInstructions
    /// Instruction scenarios that have instructions; asks the user for feedback.
    case improveInstructions
}

extension RunTarget {
    public var actions: [ScenarioAction] {
        var actions: [ScenarioAction] = [.runText]
        if case .evaluator(let evaluator) = self, evaluator.integer("id") != nil { actions.append(.runSavedText) }
        actions.append(.checkRemote)
        if let scenario, !scenario.isScript {
            actions.append(.generateInstructions)
            if scenario.instructions != nil { actions.append(.improveInstructions) }
        }
        return actions
    }
}

/// A code lens: where it stands and what it runs; the command's position is
/// the range's start, which finds the same target again.
public struct ScenarioLens: Sendable, Equatable {
    public let range: TextRange
    public let actions: [ScenarioAction]
}

public enum ScenarioLenses {
    /// Above a suite's `scenarios` (the whole suite), each case and an
    /// evaluator. Improving needs feedback typed by the user, so no lens offers it.
    public static func lenses(in document: ScenarioDocument) -> [ScenarioLens] {
        var targets: [(TextRange, RunTarget)] = []
        switch document.root {
        case .suite(let suite):
            if let key = suite.member("scenarios")?.key, !suite.cases.isEmpty { targets.append((key.range, .suite(suite))) }
            targets += suite.cases.map { (opening($0.node), .suiteCase(suite, $0)) }
        case .evaluator(let evaluator):
            targets.append((opening(evaluator.node), .evaluator(evaluator)))
        case .script, .bulkUpdate, .none:
            break
        }
        return targets.map { range, target in
            ScenarioLens(range: range, actions: target.actions.filter { $0 != .improveInstructions })
        }
    }

    /// The opening brace of an object: a lens stands on the object's first line.
    private static func opening(_ object: SyntaxNode) -> TextRange { TextRange(object.range.start, object.range.start + 1) }
}
