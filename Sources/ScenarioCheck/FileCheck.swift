import JSONSyntax
import ScenarioModel

/// What checking one document found: the kind it was taken for and the
/// diagnostics, ordered by position. The CLI and the server both call this.
public struct FileCheckResult: Sendable {
    public var kind: FileKindDecision
    public var diagnostics: [Diagnostic]
}

public enum FileCheck {
    /// Checks a parsed document: syntax first, then the rules of its kind, which
    /// work on whatever the tolerant parser could read. Files of kind `unknown`
    /// get no diagnostics, syntax ones included, so a `tsconfig.json` with
    /// comments is left alone.
    /// `decided` overrides the detection of the file's kind. Without
    /// `actionLanguage` the action tag language is left out (the bench measures
    /// what it adds to the rest).
    public static func run(_ tree: SyntaxTree, fileName: String?, decided: FileKindDecision? = nil,
                           actionLanguage: Bool = true) -> FileCheckResult {
        run(tree, fileName: fileName, decided: decided, actionLanguage: actionLanguage, reusing: nil).result
    }

    /// The same check, reusing what an earlier check of the same document
    /// found in the suite cases that did not change (`CaseCheckCache`); it
    /// gives exactly the diagnostics of a check without the cache, and the
    /// cache for the next check (nil for a document that is not a suite).
    public static func run(_ tree: SyntaxTree, fileName: String?, decided: FileKindDecision? = nil, actionLanguage: Bool = true,
                           reusing cache: CaseCheckCache?) -> (result: FileCheckResult, cache: CaseCheckCache?) {
        let document = ScenarioDocument(tree: tree, fileName: fileName, decided: decided)
        guard document.kind.kind != .unknown else { return (FileCheckResult(kind: document.kind, diagnostics: []), nil) }
        var nextCache: CaseCheckCache?
        let rules: [Diagnostic], scripts: [Diagnostic]
        switch document.root {
        case .suite(let suite):
            (rules, scripts, nextCache) = SuiteCheck(suite: suite, document: document, actionLanguage: actionLanguage)
                .run(reusing: cache, fileName: fileName)
        case .evaluator(let evaluator):
            rules = EvaluatorRules.check(evaluator) + EmbeddedScriptRules.check(evaluator)
            scripts = checkScripts(of: document, actionLanguage: actionLanguage)
        case .bulkUpdate(let payload):
            rules = BulkUpdateRules.check(payload)
            scripts = []
        case .script, .none:
            rules = []
            scripts = checkScripts(of: document, actionLanguage: actionLanguage)
        }
        let ordered = (tree.diagnostics + rules + scripts).enumerated()
            .sorted { ($0.element.range, $0.offset) < ($1.element.range, $1.offset) }
            .map(\.element)
        return (FileCheckResult(kind: document.kind, diagnostics: ordered), nextCache)
    }

    /// Scripts follow the same rules wherever they stand; one written as a
    /// JSON string is checked in its own text and mapped back.
    private static func checkScripts(of document: ScenarioDocument, actionLanguage: Bool) -> [Diagnostic] {
        document.scripts.flatMap { occurrence in
            let found = ScriptRules.check(occurrence, actionLanguage: actionLanguage)
            return occurrence.embedding.map { embedding in found.map(embedding.outer) } ?? found
        }
    }
}
