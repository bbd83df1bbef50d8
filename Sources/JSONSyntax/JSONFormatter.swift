/// Pretty-prints a document with two-space indentation, one member or element
/// per line, keys in their order and every string and number spelled exactly
/// as written. The line ending is the document's own (its first one).
public enum JSONFormatter {
    /// The formatted text, or nil when the document has syntax errors: a
    /// formatter that guessed at broken input could lose what the user typed.
    /// `indentWidth` spaces a level, or one tab with `tabs` (an editor's
    /// `insertSpaces: false`).
    public static func format(_ tree: SyntaxTree, indentWidth: Int = 2, tabs: Bool = false) -> String? {
        guard !tree.hasErrors, let root = tree.root else { return nil }
        let unit = tabs ? [UInt8.tab] : [UInt8](repeating: .space, count: indentWidth)
        var writer = Writer(bytes: tree.bytes, indentUnit: unit, newline: lineEnding(of: tree.bytes))
        writer.write(root, depth: 0)
        writer.out.append(contentsOf: writer.newline)
        return String(decoding: writer.out, as: UTF8.self)
    }

    static func lineEnding(of bytes: [UInt8]) -> [UInt8] {
        guard let index = bytes.firstIndex(where: { $0 == .newline || $0 == .carriageReturn }) else { return [.newline] }
        if bytes[index] == .newline { return [.newline] }
        return index + 1 < bytes.count && bytes[index + 1] == .newline ? [.carriageReturn, .newline] : [.carriageReturn]
    }

    private struct Writer {
        let bytes: [UInt8]
        let indentUnit: [UInt8]
        let newline: [UInt8]
        var out: [UInt8] = []

        init(bytes: [UInt8], indentUnit: [UInt8], newline: [UInt8]) {
            self.bytes = bytes
            self.indentUnit = indentUnit
            self.newline = newline
            out.reserveCapacity(bytes.count + bytes.count / 4)
        }

        mutating func write(_ node: SyntaxNode, depth: Int) {
            switch node.kind {
            case .object:
                writeContainer(Array(node.members), open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), depth: depth) {
                    writer, member in
                    if let key = member.key { writer.copy(key.range) }
                    writer.out.append(contentsOf: [UInt8(ascii: ":"), .space])
                    if let value = member.value { writer.write(value, depth: depth + 1) }
                }
            case .array:
                writeContainer(node.elements, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), depth: depth) {
                    writer, element in writer.write(element, depth: depth + 1)
                }
            default:
                copy(node.range)
            }
        }

        private mutating func writeContainer(
            _ items: [SyntaxNode], open: UInt8, close: UInt8, depth: Int,
            item: (inout Writer, SyntaxNode) -> Void
        ) {
            out.append(open)
            guard !items.isEmpty else {
                out.append(close)
                return
            }
            for (position, node) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: newline)
                indent(depth + 1)
                item(&self, node)
            }
            out.append(contentsOf: newline)
            indent(depth)
            out.append(close)
        }

        private mutating func indent(_ depth: Int) {
            for _ in 0..<depth { out.append(contentsOf: indentUnit) }
        }

        private mutating func copy(_ range: TextRange) {
            out.append(contentsOf: bytes[range.start..<range.end])
        }
    }
}
