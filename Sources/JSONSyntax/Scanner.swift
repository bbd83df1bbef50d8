/// Tokens of JSON plus what people type into JSON by mistake (single quotes,
/// bare words, comments). The scanner never fails: bytes it cannot place become
/// `unknown` tokens, and every problem it sees inside a token is reported here,
/// once, with the exact bytes.
enum TokenKind: UInt8 {
    case openBrace, closeBrace, openBracket, closeBracket, colon, comma
    case string, number, word, unknown, eof
}

struct StringFlags: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let hasEscapes = StringFlags(rawValue: 1 << 0)
    static let singleQuoted = StringFlags(rawValue: 1 << 1)
    static let unterminated = StringFlags(rawValue: 1 << 2)
    static let hasControlCharacters = StringFlags(rawValue: 1 << 3)
    static let hasInvalidUTF8 = StringFlags(rawValue: 1 << 4)
    /// A bare word or number used as a property name.
    static let unquoted = StringFlags(rawValue: 1 << 5)
    /// On a member node rather than a string: a later member of the same
    /// object has the same name, so the API never sees this one.
    static let overridden = StringFlags(rawValue: 1 << 6)

    /// Strings whose content is not simply the bytes between the quotes.
    static let needsDecoding: StringFlags = [.hasEscapes, .hasInvalidUTF8]
}

struct Token {
    var kind: TokenKind
    var flags: StringFlags
    var start: Int32
    var end: Int32
}

extension UInt8 {
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")

    public var isJSONWhitespace: Bool { self == .space || self == .newline || self == .carriageReturn || self == .tab }
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66) }
    var isWordStart: Bool { (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A) || self == 0x5F || self == 0x24 }
    var isWordPart: Bool { isWordStart || isDigit }
    /// Bytes that end an unknown run: whitespace, punctuation, quotes.
    var isDelimiter: Bool {
        isJSONWhitespace || self == 0x7B || self == 0x7D || self == 0x5B || self == 0x5D
            || self == 0x3A || self == 0x2C || self == .quote || self == .apostrophe
    }
}

struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var diagnostics: [Diagnostic] = []
    var comments: [TextRange] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// All tokens of the input, ending with one `eof` token.
    mutating func scanAll() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 8 + 16)
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let range = TextRange(0, 3)
            diagnostics.append(Diagnostic(.byteOrderMark,
                "the file starts with a UTF-8 byte order mark, which JSON readers such as Python's reject",
                range, fixes: [Fix(title: "Remove the byte order mark", edits: [.delete(range)])]))
            index = 3
        }
        while true {
            let token = next(from: &index)
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private mutating func next(from index: inout Int) -> Token {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte.isJSONWhitespace { index += 1; continue }
            if byte == .slash, index + 1 < count, bytes[index + 1] == .slash || bytes[index + 1] == .star {
                scanComment(from: &index)
                continue
            }
            let start = index
            func single(_ kind: TokenKind) -> Token {
                index += 1
                return Token(kind: kind, flags: [], start: Int32(start), end: Int32(index))
            }
            switch byte {
            case 0x7B: return single(.openBrace)
            case 0x7D: return single(.closeBrace)
            case 0x5B: return single(.openBracket)
            case 0x5D: return single(.closeBracket)
            case 0x3A: return single(.colon)
            case 0x2C: return single(.comma)
            case .quote, .apostrophe: return scanString(from: &index)
            case _ where byte.isDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "."):
                return scanNumber(from: &index)
            case _ where byte.isWordStart:
                while index < count, bytes[index].isWordPart { index += 1 }
                return Token(kind: .word, flags: [], start: Int32(start), end: Int32(index))
            default:
                return scanUnknown(from: &index)
            }
        }
        return Token(kind: .eof, flags: [], start: Int32(count), end: Int32(count))
    }

    private mutating func scanComment(from index: inout Int) {
        let start = index
        let isBlock = bytes[index + 1] == .star
        index += 2
        var closed = !isBlock
        if isBlock {
            while index < bytes.count {
                if bytes[index] == .star, index + 1 < bytes.count, bytes[index + 1] == .slash {
                    index += 2
                    closed = true
                    break
                }
                index += 1
            }
        } else {
            while index < bytes.count, bytes[index] != .newline, bytes[index] != .carriageReturn { index += 1 }
        }
        let range = TextRange(start, index)
        comments.append(range)
        let message = closed
            ? "comments are not allowed in JSON; the Cekura API reads strict JSON and rejects this file"
            : "unterminated block comment; comments are not allowed in JSON"
        diagnostics.append(Diagnostic(.comment, message, range,
            fixes: [Fix(title: "Remove the comment", edits: [.delete(removalRange(ofComment: range))])]))
    }

    /// A comment alone on its line goes with its line; otherwise only the comment
    /// and the blanks before it go, so the fix never joins two lines of code.
    private func removalRange(ofComment range: TextRange) -> TextRange {
        var start = range.start
        while start > 0, bytes[start - 1] == .space || bytes[start - 1] == .tab { start -= 1 }
        let aloneOnLine = start == 0 || bytes[start - 1] == .newline || bytes[start - 1] == .carriageReturn
        var end = range.end
        if aloneOnLine {
            var probe = end
            while probe < bytes.count, bytes[probe] == .space || bytes[probe] == .tab { probe += 1 }
            if probe == bytes.count { return TextRange(start, probe) }
            if bytes[probe] == .carriageReturn, probe + 1 < bytes.count, bytes[probe + 1] == .newline {
                return TextRange(start, probe + 2)
            }
            if bytes[probe] == .newline || bytes[probe] == .carriageReturn { return TextRange(start, probe + 1) }
            end = range.end
            return TextRange(range.start, end)
        }
        return TextRange(start, end)
    }

    private mutating func scanString(from index: inout Int) -> Token {
        let start = index
        let quote = bytes[index]
        var flags: StringFlags = quote == .apostrophe ? [.singleQuoted] : []
        index += 1
        let count = bytes.count
        while true {
            index = skipPlainStringBytes(from: index, quote: quote)
            guard index < count else { flags.insert(.unterminated); break }
            let byte = bytes[index]
            if byte == quote { index += 1; break }
            if byte == .backslash {
                flags.insert(.hasEscapes)
                scanEscape(from: &index, quote: quote)
                continue
            }
            if byte == .newline || byte == .carriageReturn { flags.insert(.unterminated); break }
            if byte < 0x20 {
                flags.insert(.hasControlCharacters)
                reportControlCharacter(at: index)
                index += 1
                continue
            }
            if byte >= 0x80 {
                let length = validUTF8SequenceLength(bytes, at: index)
                if length == 0 {
                    flags.insert(.hasInvalidUTF8)
                    reportInvalidUTF8(at: index)
                    index += 1
                } else {
                    index += length
                }
                continue
            }
            index += 1
        }
        if flags.contains(.unterminated) {
            diagnostics.append(Diagnostic(.unterminatedString,
                "this string has no closing quote before the end of its line",
                TextRange(start, index),
                fixes: [Fix(title: "Close the string", edits: [.insert(String(UnicodeScalar(quote)), at: index)])]))
        }
        return Token(kind: .string, flags: flags, start: Int32(start), end: Int32(index))
    }

    /// Skips string content that needs no attention (printable ASCII other than
    /// the quote and the backslash) eight bytes at a time; string content is
    /// most of a scenario file, so this loop sets the parser's speed.
    private func skipPlainStringBytes(from start: Int, quote: UInt8) -> Int {
        var index = start
        let count = bytes.count
        guard let base = bytes.baseAddress else { return index }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* UInt64(quote)
        let backslashes = ones &* UInt64(UInt8.backslash)
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highBits != 0 }
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x20 or at/above 0x80, or a quote or backslash, stops the run.
            let special = ((word &- ones &* 0x20) | word) & highBits != 0
                || hasZeroByte(word ^ quotes) || hasZeroByte(word ^ backslashes)
            if special { break }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x80, byte != quote, byte != .backslash else { break }
            index += 1
        }
        return index
    }

    private mutating func scanEscape(from index: inout Int, quote: UInt8) {
        let start = index
        let count = bytes.count
        guard index + 1 < count, bytes[index + 1] != .newline, bytes[index + 1] != .carriageReturn else {
            // A backslash at the end of a line: the string is unterminated; the
            // caller reports that, and the backslash is kept as text.
            index += 1
            return
        }
        let escaped = bytes[index + 1]
        switch escaped {
        case .quote, .backslash, .slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
             UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            guard let unit = hexQuad(bytes, at: index + 2) else {
                var end = index + 2
                while end < count, end < index + 6, bytes[end].isHexDigit { end += 1 }
                index = end
                reportInvalidEscape(TextRange(start, end),
                    "\\u must be followed by exactly four hexadecimal digits")
                return
            }
            index += 6
            if (0xD800...0xDBFF).contains(unit) {
                if index + 1 < count, bytes[index] == .backslash, bytes[index + 1] == UInt8(ascii: "u"),
                   let low = hexQuad(bytes, at: index + 2), (0xDC00...0xDFFF).contains(low) {
                    index += 6
                } else {
                    diagnostics.append(Diagnostic(.loneSurrogate,
                        "\\u\(hex4(unit)) is the first half of a surrogate pair but no second half follows; it decodes to U+FFFD",
                        TextRange(start, index)))
                }
            } else if (0xDC00...0xDFFF).contains(unit) {
                diagnostics.append(Diagnostic(.loneSurrogate,
                    "\\u\(hex4(unit)) is the second half of a surrogate pair with no first half; it decodes to U+FFFD",
                    TextRange(start, index)))
            }
        case UInt8(ascii: "'") where quote == .apostrophe:
            // Legal in the single-quoted string it sits in; the single-quote
            // diagnostic's fix rewrites it.
            index += 2
        default:
            let length = max(1, validUTF8SequenceLength(bytes, at: index + 1))
            let range = TextRange(start, min(count, index + 1 + length))
            index = range.end
            let shown = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
            reportInvalidEscape(range,
                "\(shown) is not a JSON escape; the valid ones are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                fix: Fix(title: "Escape the backslash", edits: [.insert("\\", at: start)]))
        }
    }

    private mutating func reportInvalidEscape(_ range: TextRange, _ message: String, fix: Fix? = nil) {
        diagnostics.append(Diagnostic(.invalidEscape, message, range, fixes: fix.map { [$0] } ?? []))
    }

    private mutating func reportControlCharacter(at index: Int) {
        let byte = bytes[index]
        let escape: String
        switch byte {
        case .tab: escape = "\\t"
        case 0x08: escape = "\\b"
        case 0x0C: escape = "\\f"
        default: escape = "\\u" + hex4(UInt16(byte))
        }
        let range = TextRange(index, index + 1)
        diagnostics.append(Diagnostic(.controlCharacter,
            "a raw control character (U+\(hex4(UInt16(byte)))) inside a string; JSON needs it escaped as \(escape)",
            range, fixes: [Fix(title: "Replace with \(escape)", edits: [TextEdit(range: range, newText: escape)])]))
    }

    private mutating func reportInvalidUTF8(at index: Int) {
        let range = TextRange(index, index + 1)
        diagnostics.append(Diagnostic(.invalidUTF8,
            "byte 0x\(String(bytes[index], radix: 16, uppercase: true)) is not valid UTF-8; save the file as UTF-8",
            range))
    }

    private mutating func scanNumber(from index: inout Int) -> Token {
        let start = index
        while index < bytes.count, bytes[index].isWordPart || bytes[index] == UInt8(ascii: ".")
            || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        let range = TextRange(start, index)
        let text = bytes[start..<index]
        if text.elementsEqual("-Infinity".utf8) || text.elementsEqual("+Infinity".utf8) {
            diagnostics.append(Diagnostic(.nonFiniteNumber,
                "JSON has no infinity; the API cannot read \(String(decoding: text, as: UTF8.self))", range))
        } else {
            checkNumber(range)
        }
        return Token(kind: .number, flags: [], start: Int32(start), end: Int32(index))
    }

    /// Checks `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, naming what is wrong.
    private mutating func checkNumber(_ range: TextRange) {
        var index = range.start
        let end = range.end
        func digits() -> Int {
            let from = index
            while index < end, bytes[index].isDigit { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        var valid = integerDigits > 0
        if valid, integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            var firstSignificant = integerStart
            while firstSignificant < index - 1, bytes[firstSignificant] == UInt8(ascii: "0") { firstSignificant += 1 }
            let zeros = TextRange(integerStart, firstSignificant)
            diagnostics.append(Diagnostic(.leadingZero,
                "numbers in JSON cannot start with 0; write \(String(decoding: bytes[firstSignificant..<end], as: UTF8.self))",
                range, fixes: [Fix(title: "Remove the leading zeros", edits: [.delete(zeros)])]))
            return
        }
        if valid, index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            valid = digits() > 0
        }
        if valid, index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            valid = digits() > 0
        }
        if !valid || index != end {
            let text = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
            diagnostics.append(Diagnostic(.invalidNumber, "\(text) is not a JSON number", range))
        }
    }

    private mutating func scanUnknown(from index: inout Int) -> Token {
        let start = index
        var sawInvalidUTF8 = false
        while index < bytes.count, !bytes[index].isDelimiter {
            if bytes[index] == .slash, index + 1 < bytes.count, bytes[index + 1] == .slash || bytes[index + 1] == .star {
                break
            }
            let length = bytes[index] < 0x80 ? 1 : validUTF8SequenceLength(bytes, at: index)
            if length == 0 {
                sawInvalidUTF8 = true
                reportInvalidUTF8(at: index)
                index += 1
            } else {
                index += length
            }
        }
        var flags: StringFlags = []
        if sawInvalidUTF8 { flags.insert(.hasInvalidUTF8) }
        return Token(kind: .unknown, flags: flags, start: Int32(start), end: Int32(index))
    }
}

func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// The length of the well-formed UTF-8 sequence at `index` (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or 0 if there is none.
func validUTF8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let count = bytes.count
    guard index < count else { return 0 }
    let lead = bytes[index]
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
        index + offset < count && range.contains(bytes[index + offset])
    }
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return continuation(1) ? 2 : 0
    case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
    case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
}
