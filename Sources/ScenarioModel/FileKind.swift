import JSONSyntax

/// The kinds of Cekura file the tools understand. A JSON file that is none of
/// them is `unknown` and gets no diagnostics at all: the server may be attached
/// to every JSON file, and must never nag about `package.json`.
public enum FileKind: String, Sendable, CaseIterable {
    case testSuite = "test-suite"
    case evaluator
    case conditionalActions = "conditional-actions"
    case bulkUpdate = "bulk-update"
    case unknown

    public var displayName: String {
        switch self {
        case .testSuite: "test-suite spec"
        case .evaluator: "evaluator body"
        case .conditionalActions: "conditional-actions script"
        case .bulkUpdate: "bulk-update payload"
        case .unknown: "not a Cekura file"
        }
    }
}

/// Why a kind was chosen, so that users can see why rules apply (shown by the
/// CLI and, later, the server's hover).
public enum FileKindReason: Sendable, Equatable {
    case schema(String)
    /// A file association the user configured (the server's `files` setting), by its pattern.
    case association(String)
    case fileName(String)
    case shape
    case none
}

public struct FileKindDecision: Sendable, Equatable {
    public var kind: FileKind
    public var reason: FileKindReason
    /// A `$schema` that names a test-suite version this tool does not know.
    public var unknownSuiteVersion: Bool

    public init(kind: FileKind, reason: FileKindReason, unknownSuiteVersion: Bool = false) {
        self.kind = kind
        self.reason = reason
        self.unknownSuiteVersion = unknownSuiteVersion
    }
}
