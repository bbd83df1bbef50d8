import JSONSyntax

/// Edits that add, rename or remove object members the way a person would:
/// following the file's indentation and line ends.
enum MemberEdits {
    /// Inserts `"key": value` as the object's last member.
    static func insert(key: String, value: String, into object: SyntaxNode) -> TextEdit {
        let bytes = object.tree.bytes
        let member = "\(key.jsonQuoted): \(value)"
        guard let last = object.members.last else {
            return .insert(member, at: object.range.start + 1)
        }
        let lastStart = last.range.start
        var lineStart = lastStart
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") {
            lineStart -= 1
        }
        let indentation = bytes[lineStart..<lastStart]
        // A member that shares its line with the opening brace: keep it compact.
        guard lineStart > object.range.start, indentation.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
            return .insert(", " + member, at: last.range.end)
        }
        let newline = lineStart >= 2 && bytes[lineStart - 2] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        return .insert("," + newline + String(decoding: indentation, as: UTF8.self) + member, at: last.range.end)
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
            return .delete(TextRange(member.range.start, end))
        }
        // The last member: take the comma before it instead.
        var start = member.range.start
        probe = start
        while probe > 0, bytes[probe - 1].isBlank { probe -= 1 }
        if probe > 0, bytes[probe - 1] == UInt8(ascii: ",") { start = probe - 1 }
        return .delete(TextRange(start, end))
    }
}

extension UInt8 {
    fileprivate var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
