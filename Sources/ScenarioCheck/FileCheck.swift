import JSONSyntax
import ScenarioModel

/// What checking one document found: the kind it was taken for and the
/// diagnostics, ordered by position. The CLI and the server both call this.
public struct FileCheckResult: Sendable {
    public var kind: FileKindDecision
    public var diagnostics: [Diagnostic]
}

public enum FileCheck {
    /// Checks a parsed document. Files of kind `unknown` get no diagnostics,
    /// syntax ones included, so that a `tsconfig.json` with comments is left alone.
    public static func run(_ tree: SyntaxTree, fileName: String?) -> FileCheckResult {
        let decision = FileKind.detect(tree, fileName: fileName)
        guard decision.kind != .unknown else { return FileCheckResult(kind: decision, diagnostics: []) }
        return FileCheckResult(kind: decision, diagnostics: tree.diagnostics)
    }
}
