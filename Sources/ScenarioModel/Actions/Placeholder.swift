/// A `{{…}}` placeholder in an action, instructions or a function's config
/// (scenario-format.md §7), with the ranges of its parts.
public struct Placeholder: Sendable {
    /// From `{{` to `}}` (or to the end, when unterminated).
    public let range: Range<Int>
    /// Between the braces.
    public let contentRange: Range<Int>
    public let content: String
    public let isTerminated: Bool
    public let kind: Kind

    public enum Kind: Sendable {
        /// `{{test_profile.a.b}}`, `{{test_profile['a b']}}`: the key path.
        case testProfile([Key])
        /// `{{function.name.output}}`; the output is nil when missing.
        case function(name: Key, output: Key?)
        /// Another namespace: `{{firstName}}`, `{{dynamic_variables.x}}`.
        case otherNamespace(String)
        /// Spaces inside the braces, `{{test_profile}}` alone, an empty or
        /// unterminated placeholder: what is wrong, in words.
        case malformed(String)
    }

    public struct Key: Sendable, Equatable {
        public let name: String
        public let range: Range<Int>
    }
}

extension Placeholder {
    /// Reads the content between the braces; `start` is its offset in the action.
    static func kind(of content: UnsafeBufferPointer<UInt8>, at start: Int) -> Kind {
        guard !content.isEmpty else { return .malformed("the placeholder is empty") }
        if content.first == .space || content.last == .space {
            return .malformed("spaces inside the braces are not part of the placeholder syntax")
        }
        // Compared as bytes: instructions hold hundreds of placeholders.
        let testProfile = testProfilePrefix.count
        if content.starts(with: testProfilePrefix) {
            guard content.count > testProfile else { return .malformed("`{{test_profile}}` needs a key: `{{test_profile.key}}`") }
            let next = content[testProfile]
            if next == .dot || next == .openBracket {
                return testProfilePath(content, from: testProfile, at: start).map(Kind.testProfile)
                    ?? .malformed("a test-profile path is `.key`, `['key']` or `[\"key\"]` steps")
            }
        }
        if content.starts(with: functionPrefix) {
            // `function.name.output`: the name runs to the next dot, the output is the rest.
            let nameStart = functionPrefix.count
            let nameEnd = ActionParser.firstIndex(of: .dot, in: content, from: nameStart) ?? content.count
            guard nameEnd > nameStart else { return .malformed("`{{function.name.output}}` needs a function name") }
            let name = Key(name: String(decoding: content[nameStart..<nameEnd], as: UTF8.self), range: start + nameStart..<start + nameEnd)
            guard nameEnd + 1 < content.count else { return .function(name: name, output: nil) }
            return .function(name: name, output: Key(name: String(decoding: content[(nameEnd + 1)...], as: UTF8.self),
                                                     range: start + nameEnd + 1..<start + content.count))
        }
        let namespace = content.prefix { $0 != .dot && $0 != .openBracket }
        return .otherNamespace(String(decoding: namespace, as: UTF8.self))
    }

    private static let testProfilePrefix = Array("test_profile".utf8)
    private static let functionPrefix = Array("function.".utf8)

    /// `.key`, `['key']` and `["key"]` steps after `test_profile`.
    private static func testProfilePath(_ content: UnsafeBufferPointer<UInt8>, from index: Int, at start: Int) -> [Key]? {
        var keys: [Key] = []
        var index = index
        while index < content.count {
            if content[index] == .dot {
                let keyStart = index + 1
                var end = keyStart
                while end < content.count, content[end] != .dot, content[end] != .openBracket { end += 1 }
                guard end > keyStart else { return nil }
                keys.append(Key(name: String(decoding: content[keyStart..<end], as: UTF8.self), range: start + keyStart..<start + end))
                index = end
            } else if content[index] == .openBracket, index + 1 < content.count,
                      content[index + 1] == .apostrophe || content[index + 1] == .quote {
                let quote = content[index + 1]
                let keyStart = index + 2
                guard let close = content[keyStart...].firstIndex(of: quote), close + 1 < content.count,
                      content[close + 1] == .closeBracket else { return nil }
                keys.append(Key(name: String(decoding: content[keyStart..<close], as: UTF8.self), range: start + keyStart..<start + close))
                index = close + 2
            } else {
                return nil
            }
        }
        return keys.isEmpty ? nil : keys
    }
}

extension UInt8 {
    static let dot = UInt8(ascii: "."), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let space = UInt8(ascii: " "), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
    static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    static let equals = UInt8(ascii: "="), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    /// Letters, digits, `_` and `-`: a byte of a tag or attribute name, and of
    /// a placeholder's key or function name.
    public var isTagNamePart: Bool { isASCIILetter || (self >= 0x30 && self <= 0x39) || self == 0x5F || self == 0x2D }
    public var isActionBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
