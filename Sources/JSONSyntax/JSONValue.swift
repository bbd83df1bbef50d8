/// A JSON value as data: what the language server sends and receives, and
/// what the machine-readable reports write. Objects keep their members in the
/// order given, so output is byte-for-byte stable and reads in a sensible
/// order; a lookup takes the last member of a name, as the parser does.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): Double(a) == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    // MARK: Reading

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    public var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
    public var objectValue: [(key: String, value: JSONValue)]? { if case .object(let members) = self { members } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// A whole number, written as an integer or as a double without fraction.
    public var intValue: Int? {
        switch self {
        case .integer(let number): number
        case .number(let number) where number.rounded() == number && abs(number) < 9e15: Int(number)
        default: nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }

    // MARK: Writing

    /// Compact JSON: no spaces, no newline.
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let number): out += String(number)
        case .number(let number):
            // JSON has no NaN or infinity; `null` is what JavaScript writes for them.
            if !number.isFinite {
                out += "null"
            } else if number.rounded() == number, abs(number) < 9e15 {
                out += String(Int(number))
            } else {
                out += String(number)
            }
        case .string(let text): out += text.jsonQuoted
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                out += member.key.jsonQuoted
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// The value of a document, when it is valid JSON: nil if the parser
    /// reported any error, so that a message with a syntax problem is refused
    /// as a whole rather than read in part.
    public init?(parsing bytes: [UInt8]) {
        let tree = SyntaxTree.parse(bytes)
        guard !tree.hasErrors, let root = tree.root else { return nil }
        self.init(root)
    }

    /// The value a node stands for (a stray token reads as null).
    public init(_ node: SyntaxNode) {
        switch node.kind {
        case .object:
            self = .object(node.members.map { (key: $0.keyName, value: $0.value.map(JSONValue.init) ?? .null) })
        case .array:
            self = .array(node.elements.map(JSONValue.init))
        case .string:
            self = .string(node.decoded.value)
        case .number:
            if let integer = node.intValue, !node.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                self = .integer(integer)
            } else {
                self = .number(node.doubleValue ?? 0)
            }
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        default: self = .null
        }
    }
}
