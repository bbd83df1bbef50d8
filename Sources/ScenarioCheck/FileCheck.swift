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
        let document = ScenarioDocument(tree: tree, fileName: fileName, decided: decided)
        guard document.kind.kind != .unknown else { return FileCheckResult(kind: document.kind, diagnostics: []) }
        let rules: [Diagnostic] = switch document.root {
        case .suite(let suite): SuiteRules.check(suite, document)
        case .evaluator(let evaluator): EvaluatorRules.check(evaluator) + EmbeddedScriptRules.check(evaluator)
        case .bulkUpdate(let payload): BulkUpdateRules.check(payload)
        case .script, .none: []
        }
        // Scripts follow the same rules wherever they stand; one written as a
        // JSON string is checked in its own text and mapped back.
        let scripts = document.scripts.flatMap { occurrence in
            let found = ScriptRules.check(occurrence, actionLanguage: actionLanguage)
            return occurrence.embedding.map { embedding in found.map(embedding.outer) } ?? found
        }
        let ordered = (tree.diagnostics + rules + scripts).enumerated()
            .sorted { ($0.element.range, $0.offset) < ($1.element.range, $1.offset) }
            .map(\.element)
        return FileCheckResult(kind: document.kind, diagnostics: ordered)
    }
}
