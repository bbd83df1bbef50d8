import JSONSyntax

/// A completion proposal, in byte offsets: what the protocol layer turns into
/// an LSP `CompletionItem`.
public struct CompletionItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case property, value, snippet
    }

    public var label: String
    public var kind: Kind
    /// A short note beside the label (a type, a language name).
    public var detail: String?
    /// Markdown.
    public var documentation: String?
    /// The range replaced and the text put there; with `isSnippet`, the text
    /// holds LSP snippet tab stops (`$1`, `${1:x}`).
    public var range: TextRange
    public var newText: String
    public var isSnippet: Bool

    public init(label: String, kind: Kind, detail: String? = nil, documentation: String? = nil,
                range: TextRange, newText: String, isSnippet: Bool = false) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.range = range
        self.newText = newText
        self.isSnippet = isSnippet
    }

    /// The text without snippet syntax, for clients that take plain text:
    /// `${1:x}` becomes `x`, `$1` and `$0` disappear, `\$` becomes `$`.
    public var plainText: String {
        guard isSnippet else { return newText }
        var out = ""
        var characters = newText[...]
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.first, next == "$" || next == "}" || next == "\\" {
                out.append(characters.removeFirst())
            } else if character == "$" {
                if characters.first == "{" {
                    characters.removeFirst()
                    while let digit = characters.first, digit.isNumber { characters.removeFirst() }
                    if characters.first == ":" { characters.removeFirst() }
                    // The default text, up to the closing brace that is not escaped.
                    while let inner = characters.popFirst(), inner != "}" {
                        if inner == "\\", let escaped = characters.popFirst() { out.append(escaped) } else { out.append(inner) }
                    }
                } else {
                    while let digit = characters.first, digit.isNumber { characters.removeFirst() }
                }
            } else {
                out.append(character)
            }
        }
        return out
    }
}
