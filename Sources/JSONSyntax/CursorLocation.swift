/// Where an offset sits in a document, in the terms completion and hover need.
public enum CursorLocation: Hashable, Sendable {
    /// In a member's property name; the offset is into the decoded name.
    case key(member: SyntaxNode, decodedOffset: Int)
    /// Between the quotes of a string value; the offset is into the decoded value.
    case stringContent(SyntaxNode, decodedOffset: Int)
    /// On a value that is not string content: a number, a literal, a stray word,
    /// or the quotes around a string.
    case value(SyntaxNode)
    /// After a member's ':' where its value goes (the value is missing, or the
    /// cursor is in the blanks before it).
    case memberValue(member: SyntaxNode)
    /// In an object where a new member may start.
    case objectBody(SyntaxNode)
    /// In an array where a new element may start.
    case arrayBody(SyntaxNode)
    /// Inside a comment.
    case comment(TextRange)
    /// Before or after the top-level value.
    case outside
}

extension SyntaxTree {
    /// The deepest node at `offset`. Containers hold the offsets strictly inside
    /// their brackets (up to the end of the file when unclosed); leaves and
    /// members also hold the offset just after their last byte, since that is
    /// where the user goes on typing them.
    public func innermostNode(at offset: Int) -> SyntaxNode {
        var node = document
        while true {
            // A child that holds the offset strictly wins over one it only
            // touches at its end: in `1|"b"` the cursor is on the string.
            var chosen: SyntaxNode?
            for child in node.children where child.holds(offset) {
                chosen = child
                if child.kind.isContainer || offset < child.range.end { break }
            }
            guard let chosen else { return node }
            node = chosen
        }
    }

    public func location(at offset: Int) -> CursorLocation {
        if let comment = comments.first(where: { $0.start < offset && offset <= $0.end }),
           offset < comment.end || !isClosedBlockComment(comment) {
            return .comment(comment)
        }
        let node = innermostNode(at: offset)
        switch node.kind {
        case .document:
            return .outside
        case .string:
            let content = node.contentRange
            if let member = node.parent, member.kind == .member, member.key == node {
                let decoded = node.decoded
                return .key(member: member, decodedOffset: decoded.decodedOffset(ofSource: offset))
            }
            if content.touches(offset) && offset > node.range.start {
                return .stringContent(node, decodedOffset: node.decoded.decodedOffset(ofSource: offset))
            }
            return .value(node)
        case .number, .true, .false, .null, .error:
            if let member = node.parent, member.kind == .member, member.key == node {
                return .key(member: member, decodedOffset: 0)
            }
            return .value(node)
        case .member:
            if let colon = node.colonOffset, offset > colon { return .memberValue(member: node) }
            return .key(member: node, decodedOffset: node.key.map { $0.contentRange.length } ?? 0)
        case .object:
            if let member = memberAwaitingValue(in: node, before: offset) { return .memberValue(member: member) }
            return .objectBody(node)
        case .array:
            return .arrayBody(node)
        }
    }

    /// The member right before `offset` whose ':' is typed but whose value is
    /// not, with nothing but blanks in between: `{"type": |}`.
    private func memberAwaitingValue(in object: SyntaxNode, before offset: Int) -> SyntaxNode? {
        guard let previous = object.children.filter({ $0.range.end <= offset }).last,
              previous.kind == .member, previous.value == nil, previous.colonOffset != nil else { return nil }
        let between = bytes[previous.range.end..<offset]
        return between.allSatisfy(\.isJSONWhitespace) ? previous : nil
    }

    /// Just after a closed `/* */` the cursor is out of it; a line comment, or a
    /// block comment left open at the end of the file, still holds that offset.
    private func isClosedBlockComment(_ range: TextRange) -> Bool {
        range.length >= 4 && bytes[range.start + 1] == .star
            && bytes[range.end - 2] == .star && bytes[range.end - 1] == .slash
    }
}

extension SyntaxNode {
    fileprivate func holds(_ offset: Int) -> Bool {
        let range = self.range
        if kind.isContainer {
            return range.start < offset && (offset < range.end || (isUnterminated && offset <= range.end))
        }
        return range.touches(offset)
    }
}
