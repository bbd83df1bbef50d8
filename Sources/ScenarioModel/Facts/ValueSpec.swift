import JSONSyntax

/// A declarative description of what a JSON value may be. The validator checks
/// documents against these; completion and hover read the same descriptions,
/// so the three never disagree about a field.
public indirect enum ValueSpec: Sendable {
    case string(StringRule)
    case integer(min: Int?, max: Int?)
    case number(min: Double?, max: Double?)
    case boolean
    /// Exactly this string (`"version": "1"`).
    case constant(String)
    case object(ObjectSpec)
    /// An object whose keys are the user's own (test-profile variables).
    case freeObject
    case array(ArrayRule)
    /// A conditional-actions script (`ScriptSpecs.conditionalActions`). Its
    /// shape and everything inside it are checked by the script rules, the same
    /// way wherever a script appears.
    case script
    /// One of several shapes, chosen by the JSON type of the value (an id or an
    /// inline object): the first alternative whose type matches is validated.
    case oneOf([ValueSpec])
    case nullable(ValueSpec)
    case anyValue

    public static let string = ValueSpec.string(StringRule())
    public static let integer = ValueSpec.integer(min: nil, max: nil)
    public static let positiveInteger = ValueSpec.integer(min: 1, max: nil)

    public static func strings(_ values: [EnumValue]) -> ValueSpec { .string(StringRule(allowed: values)) }
}

public struct StringRule: Sendable {
    public var minLength: Int?
    /// In Unicode scalars, as the API (Python) counts them.
    public var maxLength: Int?
    public var allowed: [EnumValue]?
    public var pattern: StringPattern?

    public init(minLength: Int? = nil, maxLength: Int? = nil, allowed: [EnumValue]? = nil, pattern: StringPattern? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.allowed = allowed
        self.pattern = pattern
    }
}

/// The few patterns the published schemas use, as named checks.
public enum StringPattern: Sendable {
    /// `^[a-z0-9_]+$`, a metric slug.
    case metricSlug

    public func matches(_ value: String) -> Bool {
        switch self {
        case .metricSlug:
            !value.isEmpty && value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        }
    }
}

public struct ArrayRule: Sendable {
    public var items: ValueSpec
    public var minItems: Int?
    public var maxItems: Int?

    public init(items: ValueSpec, minItems: Int? = nil, maxItems: Int? = nil) {
        self.items = items
        self.minItems = minItems
        self.maxItems = maxItems
    }
}

/// A value an enum allows, with the words that explain it in hover and completion.
public struct EnumValue: Sendable, Hashable {
    public let value: String
    public let doc: String

    public init(_ value: String, _ doc: String = "") {
        self.value = value
        self.doc = doc
    }
}

public struct FieldSpec: Sendable {
    public let name: String
    public let value: ValueSpec
    public let required: Bool
    /// Markdown, shown on hover and in completion.
    public let doc: String

    public init(_ name: String, _ value: ValueSpec, required: Bool = false, doc: String) {
        self.name = name
        self.value = value
        self.required = required
        self.doc = doc
    }
}

/// How an object treats keys it does not define.
public enum UnknownPropertyPolicy: Sendable {
    /// The published schema forbids them (`additionalProperties: false`).
    case error
    /// The API most likely drops them silently, so the value is lost.
    case warning
}

public struct ObjectSpec: Sendable {
    /// What the object is, in words: "test-suite case".
    public let name: String
    public let fields: [FieldSpec]
    public let unknownProperties: UnknownPropertyPolicy
    /// Names that belong to another kind of file, with the name to use here
    /// (`scenario_type` in a suite case is `type`).
    public let renamedFields: [String: String]

    /// Each field's name as UTF-8, for lookups by a key's bytes.
    private let fieldNameBytes: [[UInt8]]

    public init(_ name: String, fields: [FieldSpec], unknownProperties: UnknownPropertyPolicy,
                renamedFields: [String: String] = [:]) {
        self.name = name
        self.fields = fields
        self.unknownProperties = unknownProperties
        self.renamedFields = renamedFields
        fieldNameBytes = fields.map { Array($0.name.utf8) }
        precondition(fields.count <= 64, "the spec validator keeps the fields an object names in 64 bits")
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }

    /// The position in `fields` of the field with this UTF-8 name. Field names
    /// are ASCII, which no other text equals as a `String` (canonical
    /// equivalence maps nothing else onto their characters), so bytes suffice.
    public func fieldIndex(named name: UnsafeBufferPointer<UInt8>) -> Int? {
        fieldNameBytes.firstIndex { field in field.withUnsafeBufferPointer { $0.hasSameBytes(as: name) } }
    }
}
