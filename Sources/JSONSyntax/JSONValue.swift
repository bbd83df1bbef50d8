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
    public var serialized: String { String(decoding: serializedBytes, as: UTF8.self) }

    /// `serialized` as UTF-8, written straight into bytes: the server frames
    /// every message so, diagnostics of a whole file included.
    public var serializedBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out)
        return out
    }

    /// Appends the compact JSON of the value.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .integer(let number): out += String(number).utf8
        case .number(let number):
            // JSON has no NaN or infinity; `null` is what JavaScript writes for them.
            if !number.isFinite {
                out += "null".utf8
            } else if number.rounded() == number, abs(number) < 9e15 {
                out += String(Int(number)).utf8
            } else {
                out += String(number).utf8
            }
        case .string(let text): text.appendJSONQuoted(to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                member.key.appendJSONQuoted(to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
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
