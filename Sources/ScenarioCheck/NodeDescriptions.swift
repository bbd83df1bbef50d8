import JSONSyntax

extension SyntaxNode {
    /// The value as a message names it: `the string "300"`, `the number 5`.
    var valueDescription: String {
        switch kind {
        case .string:
            let value = decoded.value
            let shown = value.unicodeScalars.count > 40 ? String(value.unicodeScalars.prefix(37)) + "…" : value
            return "the string \"\(shown)\""
        case .number: return "the number \(text)"
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        case .object: return "an object"
        case .array: return "an array"
        default: return "`\(text)`"
        }
    }

    /// Where a problem with a whole object is shown: the key that holds it, or
    /// its opening brace (never the whole object).
    var anchorRange: TextRange {
        if let member = parent, member.kind == .member, let key = member.key { return key.range }
        return TextRange(range.start, min(range.end, range.start + 1))
    }

    /// A field's name as messages write it, with the index for array items:
    /// `max_duration`, `metrics[3]`.
    var fieldLabel: String {
        guard let parent else { return "the value" }
        switch parent.kind {
        case .member: return "`\(parent.keyName)`"
        case .array:
            let index = parent.children.enumerated().first { $0.element == self }?.offset ?? 0
            let owner = parent.parent?.kind == .member ? parent.parent!.keyName : ""
            return "`\(owner)[\(index)]`"
        default: return "the value"
        }
    }
}

extension String {
    var scalarCount: Int { unicodeScalars.count }

    /// "an inline personality", "a `defaults` object": the article follows the
    /// first letter, which is right for every spec name (none starts with a
    /// silent "h" or a "you" sound).
    public var withIndefiniteArticle: String {
        let first = unicodeScalars.first { $0 != "`" }.map { Character($0).lowercased() }
        return (["a", "e", "i", "o", "u"].contains(first) ? "an " : "a ") + self
    }

}
