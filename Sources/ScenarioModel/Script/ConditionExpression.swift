import JSONSyntax

/// A standard condition's text as the script engine reads it
/// (scenario-format.md §5.4.2):
///
///     condition     = "FIRST_MESSAGE" | contains-expr | natural-language
///     contains-expr = contains-term { ws ( "OR" | "AND" ) ws contains-term }
///     contains-term = "contains" ws '"' text-without-quote '"'
///
/// Keywords are matched as every example writes them (`contains`, `OR`,
/// `AND`); text that starts with the word `contains` but does not parse is
/// natural language to the engine, and reported as `malformed` so the checker
/// can say so. Every range is in UTF-8 byte offsets of the decoded string.
public enum ConditionExpression: Sendable, Equatable {
    case firstMessage
    case naturalLanguage
    case contains(ContainsExpression)
    case malformedContains(ContainsProblem)

    public static func parse(_ text: String) -> ConditionExpression {
        var text = text
        return text.withUTF8(parse(utf8:))
    }

    /// The same from the text's UTF-8 bytes (a condition string's source, when
    /// it has no escapes), so that natural language is told apart unread.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ConditionExpression {
        if firstMessageUTF8.withUnsafeBufferPointer({ bytes.hasSameBytes(as: $0) }) { return .firstMessage }
        var reader = ContainsReader(bytes: bytes)
        return reader.read()
    }

    private static let firstMessageUTF8 = Array(ScriptSpecs.firstMessage.utf8)
}

/// `contains "x" OR contains "y"`: the terms and the operators between them.
public struct ContainsExpression: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// The text looked for, exactly as written between the quotes (leading
        /// and trailing spaces are part of it).
        public let text: String
        /// From `contains` to the closing quote.
        public let range: TextRange
        /// Between the quotes.
        public let textRange: TextRange
    }

    public enum Operator: String, Sendable, Equatable {
        case or = "OR"
        case and = "AND"
    }

    /// An operator as written, with its place.
    public struct Junction: Sendable, Equatable {
        public let op: Operator
        public let range: TextRange
    }

    public let terms: [Term]
    /// `junctions[i]` stands between `terms[i]` and `terms[i + 1]`.
    public let junctions: [Junction]

    /// Whether both `OR` and `AND` appear; their precedence is undocumented.
    public var mixesOperators: Bool { Set(junctions.map(\.op)).count > 1 }
}

/// Why a text that starts with `contains` is not a `contains` expression.
public struct ContainsProblem: Sendable, Equatable {
    /// What is wrong, in a few words for a diagnostic ("the quote opened here is never closed").
    public let message: String
    /// Where: never empty when the text is not.
    public let range: TextRange
}

private struct ContainsReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let keyword = Array("contains".utf8)
    private static let quote = UInt8(ascii: "\"")

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x5F || byte >= 0x80
    }

    /// The end of the text without its trailing blanks.
    private var trimmedEnd: Int {
        var end = bytes.count
        while end > 0, isBlank(bytes[end - 1]) { end -= 1 }
        return end
    }

    private mutating func skipBlanks() {
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
    }

    private func startsKeyword(at offset: Int) -> Bool {
        guard offset + Self.keyword.count <= bytes.count,
              bytes[offset..<offset + Self.keyword.count].elementsEqual(Self.keyword) else { return false }
        let after = offset + Self.keyword.count
        return after == bytes.count || !isWordByte(bytes[after])
    }

    /// The word (letters, digits, `_`) or the single character at `offset`.
    private func wordEnd(at offset: Int) -> Int {
        var end = offset
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return end == offset ? min(offset + 1, bytes.count) : end
    }

    private func problem(_ message: String, from start: Int, to end: Int? = nil) -> ConditionExpression {
        let end = max(end ?? trimmedEnd, min(start + 1, bytes.count))
        return .malformedContains(ContainsProblem(message: message, range: TextRange(start, max(start, end))))
    }

    mutating func read() -> ConditionExpression {
        skipBlanks()
        guard startsKeyword(at: index) else { return .naturalLanguage }
        var terms: [ContainsExpression.Term] = []
        var junctions: [ContainsExpression.Junction] = []
        while true {
            // `contains` at `index`.
            let keywordStart = index
            index += Self.keyword.count
            skipBlanks()
            guard index < bytes.count else {
                return problem("`contains` needs the text to look for, in double quotes: contains \"refund\"",
                               from: keywordStart, to: keywordStart + Self.keyword.count)
            }
            guard bytes[index] == Self.quote else {
                return problem("the text after `contains` must be in double quotes, like contains \"refund\"", from: index)
            }
            let open = index
            guard let close = bytes[(open + 1)...].firstIndex(of: Self.quote) else {
                return problem("the quote opened here is never closed", from: open)
            }
            terms.append(ContainsExpression.Term(
                text: String(decoding: bytes[(open + 1)..<close], as: UTF8.self),
                range: TextRange(keywordStart, close + 1), textRange: TextRange(open + 1, close)))
            index = close + 1
            let afterTerm = index
            skipBlanks()
            if index == bytes.count { break }
            if index == afterTerm {
                let rest = bytes[index..<trimmedEnd]
                return problem(rest.contains(Self.quote)
                    ? "the text ends at the second double quote; the text of `contains` cannot hold double quotes"
                    : "expected OR or AND after the quoted text", from: index)
            }
            let wordStart = index, wordStop = wordEnd(at: index)
            let word = String(decoding: bytes[wordStart..<wordStop], as: UTF8.self)
            guard let op = ContainsExpression.Operator(rawValue: word) else {
                let hint = ContainsExpression.Operator(rawValue: word.uppercased()) != nil
                    ? "operators are written in capitals: `\(word.uppercased())`" : "expected OR or AND between the terms; found `\(word)`"
                return problem(hint, from: wordStart, to: wordStop)
            }
            junctions.append(ContainsExpression.Junction(op: op, range: TextRange(wordStart, wordStop)))
            index = wordStop
            let afterOperator = index
            skipBlanks()
            guard index < bytes.count else {
                return problem("`\(word)` must be followed by another contains \"…\"", from: wordStart, to: wordStop)
            }
            guard index > afterOperator, startsKeyword(at: index) else {
                return problem("`\(word)` must be followed by another contains \"…\"", from: index)
            }
        }
        return .contains(ContainsExpression(terms: terms, junctions: junctions))
    }
}
