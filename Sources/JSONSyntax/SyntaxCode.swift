/// The stable codes of the syntax layer. Editors, `check --format json`, SARIF
/// rules and quick fixes key off these strings, so a code is never renamed;
/// protocol-notes/diagnostics.md lists each with an example.
public enum SyntaxCode: String, CaseIterable, Sendable {
    case emptyDocument = "empty-document"
    case trailingContent = "trailing-content"
    case unexpectedToken = "unexpected-token"
    case missingComma = "missing-comma"
    case missingColon = "missing-colon"
    case missingValue = "missing-value"
    case missingKey = "missing-key"
    case trailingComma = "trailing-comma"
    case extraComma = "extra-comma"
    case unclosedObject = "unclosed-object"
    case unclosedArray = "unclosed-array"
    case unterminatedString = "unterminated-string"
    case unquotedKey = "unquoted-key"
    case unquotedString = "unquoted-string"
    case singleQuotedString = "single-quoted-string"
    case comment = "comment"
    case invalidEscape = "invalid-escape"
    case loneSurrogate = "lone-surrogate"
    case controlCharacter = "control-character-in-string"
    case leadingZero = "leading-zero"
    case invalidNumber = "invalid-number"
    case nonFiniteNumber = "non-finite-number"
    case invalidLiteral = "invalid-literal"
    case byteOrderMark = "byte-order-mark"
    case invalidUTF8 = "invalid-utf8"
    case nestingTooDeep = "nesting-too-deep"
    case duplicateKey = "duplicate-key"
    case documentTooLarge = "document-too-large"

    public var severity: Severity {
        switch self {
        case .duplicateKey, .loneSurrogate: .warning
        default: .error
        }
    }

    /// One line, for SARIF rule descriptions and the CLI's help.
    public var summary: String {
        switch self {
        case .emptyDocument: "The document holds no JSON value."
        case .trailingContent: "Content after the top-level value."
        case .unexpectedToken: "A character or word that cannot stand here."
        case .missingComma: "Two members or elements without a comma between them."
        case .missingColon: "A property name without ':' after it."
        case .missingValue: "A ':' or ',' with no value after it."
        case .missingKey: "A ':' with no property name before it."
        case .trailingComma: "A comma before a closing '}' or ']'."
        case .extraComma: "A comma where a member or element should be."
        case .unclosedObject: "A '{' that is never closed."
        case .unclosedArray: "A '[' that is never closed."
        case .unterminatedString: "A string with no closing quote on its line."
        case .unquotedKey: "A property name without double quotes."
        case .unquotedString: "A bare word where a value should be."
        case .singleQuotedString: "A string in single quotes."
        case .comment: "A comment; the API takes strict JSON."
        case .invalidEscape: "A backslash escape that JSON does not define."
        case .loneSurrogate: "A \\u escape for half of a surrogate pair."
        case .controlCharacter: "A raw control character inside a string."
        case .leadingZero: "A number with leading zeros."
        case .invalidNumber: "A number JSON cannot read."
        case .nonFiniteNumber: "NaN or Infinity, which JSON cannot express."
        case .invalidLiteral: "true, false or null spelled with other letters."
        case .byteOrderMark: "A UTF-8 byte order mark at the start of the file."
        case .invalidUTF8: "Bytes that are not valid UTF-8."
        case .nestingTooDeep: "Objects or arrays nested deeper than the limit."
        case .duplicateKey: "The same property name twice in one object."
        case .documentTooLarge: "A document too large to analyse."
        }
    }
}

extension Diagnostic {
    init(_ code: SyntaxCode, _ message: String, _ range: TextRange,
         related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.init(severity: code.severity, code: code.rawValue, message: message, range: range,
                  related: related, fixes: fixes)
    }
}
