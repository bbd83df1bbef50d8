/// How serious a diagnostic is; the names and order follow LSP's
/// `DiagnosticSeverity` so that every layer above maps them one to one.
public enum Severity: Int, Sendable, Comparable, CaseIterable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4

    public var name: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .information: "information"
        case .hint: "hint"
        }
    }

    /// Lower raw value is more serious, so "less than" means "more serious".
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A replacement of the bytes in `range` by `newText`.
public struct TextEdit: Hashable, Sendable {
    public var range: TextRange
    public var newText: String

    public init(range: TextRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: .empty(at: offset), newText: text)
    }

    public static func delete(_ range: TextRange) -> TextEdit { TextEdit(range: range, newText: "") }
}

/// A named set of edits that repairs one diagnostic; the edits are relative to
/// the document the diagnostic was computed on and do not overlap.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]

    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}

/// Another place in the same document that explains a diagnostic (the other
/// occurrence of a duplicate key, the members of a loop).
public struct RelatedLocation: Hashable, Sendable {
    public var range: TextRange
    public var message: String

    public init(range: TextRange, message: String) {
        self.range = range
        self.message = message
    }
}

/// One problem found in a document: a stable code (see protocol-notes/diagnostics.md),
/// a plain message, and the exact byte range it is about.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: String
    public var message: String
    public var range: TextRange
    public var related: [RelatedLocation]
    public var fixes: [Fix]

    public init(
        severity: Severity, code: String, message: String, range: TextRange,
        related: [RelatedLocation] = [], fixes: [Fix] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.related = related
        self.fixes = fixes
    }
}
