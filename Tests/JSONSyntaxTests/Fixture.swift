@testable import JSONSyntax

/// A test document with its positions marked inline, in the manner of
/// rust-analyzer's fixtures:
///
/// - `$0` marks the cursor;
/// - `$[` and `$]` enclose a range (ranges may nest; they are listed in the
///   order their `$[` appears);
/// - `$xHH` stands for the raw byte 0xHH, so that invalid UTF-8 can be written.
///
/// The markers are removed, and every offset is a UTF-8 byte offset into the
/// cleaned bytes.
struct Fixture: CustomStringConvertible {
    let bytes: [UInt8]
    let cursor: Int?
    let ranges: [TextRange]

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var cursor: Int?
        var openStarts: [(start: Int, order: Int)] = []
        var ranges: [(order: Int, range: TextRange)] = []
        var opened = 0
        let marked = Array(marked.utf8)
        var index = 0
        while index < marked.count {
            let byte = marked[index]
            guard byte == UInt8(ascii: "$"), index + 1 < marked.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            switch marked[index + 1] {
            case UInt8(ascii: "0"):
                precondition(cursor == nil, "a fixture has at most one $0")
                cursor = bytes.count
                index += 2
            case UInt8(ascii: "["):
                openStarts.append((bytes.count, opened))
                opened += 1
                index += 2
            case UInt8(ascii: "]"):
                let open = openStarts.removeLast()
                ranges.append((open.order, TextRange(open.start, bytes.count)))
                index += 2
            case UInt8(ascii: "x"):
                let hex = String(decoding: marked[index + 2..<index + 4], as: UTF8.self)
                bytes.append(UInt8(hex, radix: 16)!)
                index += 4
            default:
                bytes.append(byte)
                index += 1
            }
        }
        precondition(openStarts.isEmpty, "unbalanced $[ in fixture")
        self.bytes = bytes
        self.cursor = cursor
        self.ranges = ranges.sorted { $0.order < $1.order }.map(\.range)
    }

    /// The cleaned text (invalid bytes shown as U+FFFD).
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var description: String { text }

    /// The `$0` offset; the fixture must have one.
    var offset: Int {
        guard let cursor else { preconditionFailure("fixture has no $0: \(text)") }
        return cursor
    }

    /// The only marked range.
    var range: TextRange {
        precondition(ranges.count == 1, "fixture has \(ranges.count) ranges, not 1: \(text)")
        return ranges[0]
    }

    func parse() -> SyntaxTree { SyntaxTree.parse(bytes) }
}

// MARK: Deterministic randomness

// MARK: Small helpers

extension SyntaxTree {
    func diagnostics(_ code: SyntaxCode) -> [Diagnostic] { diagnostics.filter { $0.code == code.rawValue } }

    var codes: [String] { diagnostics.map(\.code) }

    var errorCodes: [String] { diagnostics.filter { $0.severity == .error }.map(\.code) }

    /// Every node in pre-order, document first.
    var allNodes: [SyntaxNode] { (0..<nodeCount).map { SyntaxNode(tree: self, index: $0) } }
}

extension Diagnostic {
    var syntaxCode: SyntaxCode? { SyntaxCode(rawValue: code) }
}

/// A document's bytes with one fix applied.
func applying(_ fix: Fix, to bytes: [UInt8]) throws -> [UInt8] { try bytes.applying(fix.edits) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

// MARK: Values

/// A plain JSON value read from a tree, for comparing two documents by what
/// they mean: object members keep their order, numbers their spelling.
indirect enum Value: Equatable, CustomStringConvertible {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case error(String)

    init(_ node: SyntaxNode) {
        switch node.kind {
        case .object: self = .object(node.members.map { ($0.keyName, $0.value.map(Value.init) ?? .error("missing")) })
        case .array: self = .array(node.elements.map(Value.init))
        case .string: self = .string(node.decoded.value)
        case .number: self = .number(node.text)
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        case .null: self = .null
        case .document, .member, .error: self = .error(node.text)
        }
    }

    static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let left), .array(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.bool(let left), .bool(let right)): left == right
        case (.null, .null): true
        case (.error(let left), .error(let right)): left == right
        default: false
        }
    }

    var description: String {
        switch self {
        case .object(let members): "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .string(let string): "\"\(string)\""
        case .number(let text): text
        case .bool(let bool): "\(bool)"
        case .null: "null"
        case .error(let text): "<error \(text)>"
        }
    }
}

// MARK: Structural invariants

/// Everything a tree promises about its shape, whatever the input: returns a
/// description of each broken promise (empty when all hold).
func invariantViolations(of tree: SyntaxTree) -> [String] {
    var problems: [String] = []
    let count = tree.bytes.count
    let nodes = tree.nodes
    guard let first = nodes.first, first.kind == .document, first.start == 0, Int(first.end) == count,
          first.parent == -1, Int(first.subtreeEnd) == nodes.count
    else { return ["the first node is not a document spanning the input: \(String(describing: nodes.first))"] }

    for (index, node) in nodes.enumerated() {
        let start = Int(node.start), end = Int(node.end)
        if start < 0 || start > end || end > count { problems.append("node \(index) range \(start)..<\(end) outside 0..<\(count)") }
        if Int(node.subtreeEnd) <= index || Int(node.subtreeEnd) > nodes.count {
            problems.append("node \(index) subtreeEnd \(node.subtreeEnd)")
        }
        guard index > 0 else { continue }
        let parent = Int(node.parent)
        guard parent >= 0, parent < index else {
            problems.append("node \(index) parent \(parent)")
            continue
        }
        let parentNode = nodes[parent]
        if Int(parentNode.subtreeEnd) < Int(node.subtreeEnd) { problems.append("node \(index) escapes its parent's subtree") }
        if node.start < parentNode.start || node.end > parentNode.end {
            problems.append("node \(index) \(node.kind) \(start)..<\(end) outside parent \(parent) \(parentNode.kind) \(parentNode.start)..<\(parentNode.end)")
        }
    }
    // Children in order and not overlapping.
    for node in tree.allNodes {
        var previousEnd = Int(node.raw.start)
        for child in node.children {
            if child.parent != node { problems.append("child \(child.index) of \(node.index) names parent \(String(describing: child.parent?.index))") }
            if child.range.start < previousEnd {
                problems.append("child \(child) of \(node) starts before its previous sibling ends (\(previousEnd))")
            }
            previousEnd = child.range.end
        }
    }
    // Every byte that is not whitespace is covered by a node below the document
    // or by a comment (the byte order mark is reported, not covered).
    var covered = [Bool](repeating: false, count: count)
    if count >= 3, tree.bytes[0] == 0xEF, tree.bytes[1] == 0xBB, tree.bytes[2] == 0xBF {
        for offset in 0..<3 { covered[offset] = true }
    }
    for node in nodes.dropFirst() where node.parent == 0 {
        for offset in Int(node.start)..<Int(node.end) { covered[offset] = true }
    }
    for comment in tree.comments {
        guard comment.start >= 0, comment.end <= count else {
            problems.append("comment \(comment) outside the input")
            continue
        }
        for offset in comment.start..<comment.end { covered[offset] = true }
    }
    for offset in 0..<count where !covered[offset] && !tree.bytes[offset].isJSONWhitespace {
        problems.append("byte \(offset) (0x\(String(tree.bytes[offset], radix: 16))) lies in no node or comment")
        break
    }
    for diagnostic in tree.diagnostics where diagnostic.range.start < 0 || diagnostic.range.end > count {
        problems.append("diagnostic \(diagnostic.code) range \(diagnostic.range) outside 0..<\(count)")
    }
    for diagnostic in tree.diagnostics {
        for related in diagnostic.related where related.range.start < 0 || related.range.end > count {
            problems.append("related range \(related.range) of \(diagnostic.code) outside the input")
        }
        for fix in diagnostic.fixes {
            for edit in fix.edits where edit.range.start < 0 || edit.range.end > count {
                problems.append("fix edit \(edit.range) of \(diagnostic.code) outside the input")
            }
        }
    }
    return problems
}
