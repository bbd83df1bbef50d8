import JSONSyntax

/// Edits that add, rename or remove object members the way a person would:
/// following the file's indentation and line ends.
public enum MemberEdits {
    /// Inserts `"key": value` as the object's last member.
    public static func insert(key: String, value: String, into object: SyntaxNode) -> TextEdit {
        insert([(key, value)], into: object)
    }

    /// Inserts members after the object's last one, in order, as one edit.
    static func insert(_ members: [(key: String, value: String)], into object: SyntaxNode) -> TextEdit {
        let bytes = object.tree.bytes
        let texts = members.map { "\($0.key.jsonQuoted): \($0.value)" }
        guard let last = object.members.last else {
            return .insert(texts.joined(separator: ", "), at: object.range.start + 1)
        }
        let lastStart = last.range.start
        var lineStart = lastStart
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") {
            lineStart -= 1
        }
        let indentation = bytes[lineStart..<lastStart]
        // A member that shares its line with the opening brace: keep it compact.
        guard lineStart > object.range.start, indentation.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
            return .insert(texts.map { ", " + $0 }.joined(), at: last.range.end)
        }
        let newline = lineStart >= 2 && bytes[lineStart - 2] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        let separator = "," + newline + String(decoding: indentation, as: UTF8.self)
        return .insert(texts.map { separator + $0 }.joined(), at: last.range.end)
    }

    static func rename(_ member: SyntaxNode, to name: String) -> TextEdit? {
        guard let key = member.key else { return nil }
        return TextEdit(range: key.range, newText: name.jsonQuoted)
    }

    /// Removes a member with the comma that separates it from its neighbour.
    static func remove(_ member: SyntaxNode) -> TextEdit {
        let bytes = member.tree.bytes
        var end = member.range.end
        var probe = end
        while probe < bytes.count, bytes[probe].isBlank { probe += 1 }
        if probe < bytes.count, bytes[probe] == UInt8(ascii: ",") {
            end = probe + 1
            // `{"a": 1, "b": 2}` loses `"a": 1, ` with its space.
            while end < bytes.count, bytes[end].isSpaceOrTab { end += 1 }
            return .delete(wholeLine(around: TextRange(member.range.start, end), in: bytes))
        }
        // The last member: take the comma before it instead.
        var start = member.range.start
        probe = start
        while probe > 0, bytes[probe - 1].isBlank { probe -= 1 }
        if probe > 0, bytes[probe - 1] == UInt8(ascii: ",") { start = probe - 1 }
        return .delete(TextRange(start, end))
    }

    /// A member alone on its line takes the line with it, rather than leaving
    /// it blank behind.
    private static func wholeLine(around range: TextRange, in bytes: [UInt8]) -> TextRange {
        var start = range.start
        while start > 0, bytes[start - 1].isSpaceOrTab { start -= 1 }
        var end = range.end
        while end < bytes.count, bytes[end].isSpaceOrTab { end += 1 }
        guard start > 0, bytes[start - 1] == UInt8(ascii: "\n"), end < bytes.count else { return range }
        if bytes[end] == UInt8(ascii: "\n") { return TextRange(start, end + 1) }
        if bytes[end] == UInt8(ascii: "\r") {
            return TextRange(start, end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\n") ? end + 2 : end + 1)
        }
        return range
    }
}

extension UInt8 {
    fileprivate var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    fileprivate var isSpaceOrTab: Bool { self == 0x20 || self == 0x09 }
}
