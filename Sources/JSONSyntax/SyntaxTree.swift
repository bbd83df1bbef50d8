/// A parsed JSON document: the source bytes, every node with its byte range,
/// the comments, and the syntax diagnostics. Parsing never fails and keeps every
/// byte: whatever is not whitespace lies inside a node or a comment.
public final class SyntaxTree: Sendable {
    public let bytes: [UInt8]
    let nodes: [RawNode]
    /// In file order (by range; equal ranges in the order they were found).
    public let diagnostics: [Diagnostic]
    public let comments: [TextRange]

    /// Deep enough for any scenario file (they nest about eight levels), and
    /// shallow enough that every recursive walk above this layer stays far from
    /// the 512 KiB stack of a secondary thread, even in a debug build.
    public static let defaultMaxDepth = 128

    /// Documents are addressed with 32-bit offsets.
    public static let maxDocumentSize = Int(Int32.max)

    init(bytes: [UInt8], nodes: [RawNode], diagnostics: [Diagnostic], comments: [TextRange]) {
        self.bytes = bytes
        self.nodes = nodes
        self.diagnostics = diagnostics
        self.comments = comments
    }

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) -> SyntaxTree {
        guard bytes.count < maxDocumentSize else {
            let document = RawNode(kind: .document, flags: [], start: 0, end: 0, parent: -1, subtreeEnd: 1, colon: -1)
            return SyntaxTree(bytes: bytes, nodes: [document], diagnostics: [
                Diagnostic(.documentTooLarge, "this document is larger than 2 GiB and is not analysed", .empty(at: 0)),
            ], comments: [])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer)
            let tokens = scanner.scanAll()
            var parser = Parser(bytes: buffer, tokens: tokens, maxDepth: maxDepth)
            parser.parseDocument()
            // File order, whatever reported them: the parser reports a duplicate
            // key when its object closes, after the errors inside it.
            let diagnostics = (scanner.diagnostics + parser.diagnostics).enumerated()
                .sorted { ($0.element.range, $0.offset) < ($1.element.range, $1.offset) }
                .map(\.element)
            return SyntaxTree(bytes: bytes, nodes: parser.nodes, diagnostics: diagnostics, comments: scanner.comments)
        }
    }

    public convenience init(_ text: String) {
        let tree = SyntaxTree.parse(Array(text.utf8))
        self.init(bytes: tree.bytes, nodes: tree.nodes, diagnostics: tree.diagnostics, comments: tree.comments)
    }

    /// The node that holds everything; its children are the top-level value and
    /// any stray tokens.
    public var document: SyntaxNode { SyntaxNode(tree: self, index: 0) }

    /// The node at a position of the pre-order node array (`SyntaxNode.index`),
    /// for views that keep indices rather than handles.
    public func node(at index: Int) -> SyntaxNode { SyntaxNode(tree: self, index: index) }

    /// The top-level value, if the document has one.
    public var root: SyntaxNode? { document.children.first { $0.kind != .error } }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var nodeCount: Int { nodes.count }

    /// The source text of a range, as a string (invalid bytes become U+FFFD).
    public func text(in range: TextRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }
}
