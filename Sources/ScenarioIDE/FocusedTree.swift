import JSONSyntax
import ScenarioModel

/// The tree a position stands in: the document's own, or, inside the
/// `instructions` string of a conditional-actions evaluator, the script JSON
/// that string holds. Every feature reads a script the same way in both forms;
/// offsets are the focused tree's, and `outer` maps a range back to the
/// document through the string's escapes.
public struct FocusedTree: Sendable {
    public let tree: SyntaxTree
    /// The position in `tree`.
    public let offset: Int
    /// Set when `tree` is a script inside a string of the document.
    public let embedding: Embedding?
    /// The spec of `tree`'s root object.
    public let rootSpec: ObjectSpec?
    /// The scripts whose objects lie in `tree`.
    public let scripts: [ScriptOccurrence]
    /// The suite cases in `tree` (none in a script inside a string).
    public let suiteCases: [SuiteCaseView]

    public func outer(_ range: TextRange) -> TextRange { embedding?.outerRange(range) ?? range }

    /// The script whose object holds `node` (a node of `tree`).
    public func script(containing node: SyntaxNode) -> ScriptOccurrence? {
        scripts.first { $0.script.node.range.contains(node.range) }
    }

    /// The inline test data `{{test_profile…}}` in `node` is filled from, as
    /// the checker looks it up: the suite case's around the node.
    public func testProfile(for node: SyntaxNode) -> TestProfileData? {
        if let occurrence = script(containing: node) { return TestProfileData.of(occurrence.context) }
        return suiteCases.first { $0.node.range.contains(node.range) }.flatMap(TestProfileData.init)
    }
}

extension ScenarioDocument {
    /// The tree `offset` stands in, and the offset there.
    public func focus(at offset: Int) -> FocusedTree {
        let all = scripts
        for occurrence in all {
            guard let embedding = occurrence.embedding else { continue }
            // The cursor just before the closing quote is still typing the script.
            guard embedding.string.contentRange.touches(offset) else { continue }
            return FocusedTree(tree: embedding.tree, offset: embedding.decoded.decodedOffset(ofSource: offset), embedding: embedding,
                               rootSpec: ScriptSpecs.conditionalActions, scripts: [occurrence], suiteCases: [])
        }
        var suiteCases: [SuiteCaseView] = []
        if case .suite(let suite) = root { suiteCases = suite.cases }
        return FocusedTree(tree: tree, offset: offset, embedding: nil, rootSpec: rootSpec, scripts: all.filter { $0.embedding == nil },
                           suiteCases: suiteCases)
    }

    /// The tree a script's nodes lie in, at the script's start, holding only
    /// that script: how features that read whole scripts map their ranges.
    public func focus(on occurrence: ScriptOccurrence) -> FocusedTree {
        guard let embedding = occurrence.embedding else {
            var suiteCases: [SuiteCaseView] = []
            if case .suiteCase(let suiteCase) = occurrence.context { suiteCases = [suiteCase] }
            return FocusedTree(tree: tree, offset: occurrence.script.node.range.start, embedding: nil, rootSpec: rootSpec, scripts: [occurrence],
                               suiteCases: suiteCases)
        }
        return FocusedTree(tree: embedding.tree, offset: occurrence.script.node.range.start, embedding: embedding,
                           rootSpec: ScriptSpecs.conditionalActions, scripts: [occurrence], suiteCases: [])
    }
}
