import JSONSyntax

/// A completion proposal, in byte offsets: what the protocol layer turns into
/// an LSP `CompletionItem`.
public struct CompletionItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case property, value, snippet
        /// A tag or an emotion marker of the action language.
        case keyword
        /// A placeholder's key: a test-profile value, a function's output.
        case variable
        case function
        /// Another condition, by its id.
        case reference
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
    /// What editors match the text typed in `range` against, when the label
    /// is not that text (`</spell>` typed as `/sp`, an id replacing `""`).
    public var filterText: String?

    public init(label: String, kind: Kind, detail: String? = nil, documentation: String? = nil,
                range: TextRange, newText: String, isSnippet: Bool = false, filterText: String? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.range = range
        self.newText = newText
        self.isSnippet = isSnippet
        self.filterText = filterText
    }

    /// The item with its documentation left for the editor to ask for.
    public var withoutDocumentation: CompletionItem {
        var item = self
        item.documentation = nil
        return item
    }

    /// The text without snippet syntax, for clients that take plain text:
    /// `${1:x}` becomes `x`, `$1` and `$0` disappear, `\$` becomes `$`.
    public var plainText: String {
        guard isSnippet else { return newText }
        return SnippetPiece.split(newText).map { if case .literal(let text) = $0 { text } else { "" } }.joined()
    }

    /// The item for a cursor inside a JSON string (a script written in an
    /// evaluator's `instructions`): what it inserts escaped for that string,
    /// its tab stops kept.
    func escapedForJSONString() -> CompletionItem {
        var item = self
        item.filterText = filterText.map(\.jsonStringContent)
        item.newText = !isSnippet ? newText.jsonStringContent : SnippetPiece.split(newText).map {
            switch $0 {
            case .literal(let text): Self.escapeSnippet(text.jsonStringContent)
            case .markup(let text): text
            }
        }.joined()
        return item
    }

    /// An item made in the decoded text of a JSON string (an action, an
    /// instruction): its text escaped for the string, its range in the tree.
    func placed(in decoded: DecodedString) -> CompletionItem {
        var item = escapedForJSONString()
        item.range = decoded.sourceRange(ofDecoded: range.start..<range.end)
        return item
    }

    /// Text as a snippet's literal: `\`, `$` and `}` escaped.
    static func escapeSnippet(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "$" || character == "}" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// A run of snippet text: literal text (escapes resolved), or tab-stop syntax
/// (`$1`, `${1:`, the `}` closing a placeholder).
private enum SnippetPiece {
    case literal(String)
    case markup(String)

    static func split(_ snippet: String) -> [SnippetPiece] {
        var pieces: [SnippetPiece] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        var characters = snippet[...]
        var openPlaceholders = 0
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.first, next == "$" || next == "}" || next == "\\" {
                literal.append(characters.removeFirst())
            } else if character == "$" {
                flush()
                var markup = "$"
                if characters.first == "{" {
                    markup.append(characters.removeFirst())
                    while let digit = characters.first, digit.isNumber { markup.append(characters.removeFirst()) }
                    if characters.first == ":" { markup.append(characters.removeFirst()) }
                    openPlaceholders += 1
                } else {
                    while let digit = characters.first, digit.isNumber { markup.append(characters.removeFirst()) }
                }
                pieces.append(.markup(markup))
            } else if character == "}", openPlaceholders > 0 {
                flush()
                openPlaceholders -= 1
                pieces.append(.markup("}"))
            } else {
                literal.append(character)
            }
        }
        flush()
        return pieces
    }
}
