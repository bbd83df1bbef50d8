import JSONSyntax

/// A JSON-RPC request id: a number or a string, echoed as received.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init?(_ value: JSONValue) {
        if let number = value.intValue {
            self = .number(number)
        } else if let text = value.stringValue {
            self = .string(text)
        } else {
            return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .number(let number): .integer(number)
        case .string(let text): .string(text)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .string(let text): text.jsonQuoted
        }
    }
}
