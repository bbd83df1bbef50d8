import JSONSyntax
import ScenarioModel

extension ValueSpec {
    /// Whether a value of this JSON type can satisfy the spec (the first check,
    /// and how `oneOf` picks its alternative).
    public func accepts(_ kind: SyntaxKind) -> Bool {
        switch self {
        case .string, .constant: kind == .string
        case .integer, .number: kind == .number
        case .boolean: kind == .true || kind == .false
        case .object, .freeObject, .script: kind == .object
        case .array: kind == .array
        case .oneOf(let alternatives): alternatives.contains { $0.accepts(kind) }
        case .nullable(let inner): kind == .null || inner.accepts(kind)
        case .anyValue: true
        }
    }

    /// What the spec expects, in words: "a whole number", "an id or an object".
    public var expectation: String {
        switch self {
        case .string(let rule): rule.allowed == nil ? "a string" : "one of its allowed strings"
        case .constant(let value): "the string \"\(value)\""
        case .integer(let min, _): min == 1 ? "a positive whole number" : "a whole number"
        case .number: "a number"
        case .boolean: "true or false"
        // "an object", not "an object (`suite` object)".
        case .object(let spec): spec.name.hasSuffix(" object") ? "an object" : "an object (\(spec.name))"
        case .freeObject: "an object"
        case .script: "an object (a conditional-actions script)"
        case .array: "an array"
        case .oneOf(let alternatives): alternatives.map(\.expectation).joined(separator: " or ")
        case .nullable(let inner): inner.expectation + " or null"
        case .anyValue: "a value"
        }
    }

    /// A value to insert for a missing field: the constant itself, else an
    /// empty value of the right type for the user to fill in.
    public var placeholder: String {
        switch self {
        case .constant(let value): value.jsonQuoted
        case .string(let rule): rule.allowed?.first.map { $0.value.jsonQuoted } ?? "\"\""
        case .integer(let min, _): String(min ?? 0)
        case .number(let min, _): min.map { $0.plain } ?? "0"
        case .boolean: "false"
        case .object, .freeObject: "{}"
        case .script: #"{"role": "", "conditions": []}"#
        case .array: "[]"
        case .oneOf(let alternatives): alternatives.first?.placeholder ?? "null"
        case .nullable(let inner): inner.placeholder
        case .anyValue: "null"
        }
    }
}
