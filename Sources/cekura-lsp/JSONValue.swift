/// A JSON value for the machine-readable reports. Objects are lists of pairs,
/// written in the order given, so that a report is byte-for-byte stable and
/// reads in a sensible order (JSONSerialization can only sort keys).
indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Compact JSON: no spaces, no newline.
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text):
            Self.writeString(text, to: &out)
        case .integer(let number):
            out += String(number)
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
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Escapes what RFC 8259 requires and nothing more; other characters are
    /// written as UTF-8.
    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
