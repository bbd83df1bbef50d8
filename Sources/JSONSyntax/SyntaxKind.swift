/// What a node of the syntax tree is. `document` is the single root that holds
/// the top-level value and whatever stray tokens surround it.
public enum SyntaxKind: UInt8, Sendable, CaseIterable {
    case document
    case object
    case array
    case member
    case string
    case number
    case `true`
    case `false`
    case null
    case error

    public var isScalar: Bool {
        switch self {
        case .string, .number, .true, .false, .null: true
        default: false
        }
    }

    public var isContainer: Bool { self == .object || self == .array }
}

/// Nodes live in one flat array in pre-order. A node's descendants follow it
/// directly, and `subtreeEnd` is the index just past the last of them, so
/// walking children needs no per-node allocation.
struct RawNode {
    var kind: SyntaxKind
    var flags: StringFlags
    var start: Int32
    var end: Int32
    var parent: Int32
    var subtreeEnd: Int32
    /// Members: the offset of the ':' (-1 if missing). Others: unused (-1).
    var colon: Int32
}

extension RawNode {
    /// For a string node, the bytes of its content: between the quotes (an
    /// unterminated string runs to the end of its token), or the whole word of an
    /// unquoted key.
    var contentRange: TextRange {
        guard !flags.contains(.unquoted) else { return TextRange(Int(start), Int(end)) }
        let contentStart = min(Int(start) + 1, Int(end))
        let contentEnd = flags.contains(.unterminated) ? Int(end) : max(contentStart, Int(end) - 1)
        return TextRange(contentStart, contentEnd)
    }
}
