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
            out += text.jsonQuoted
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
                out += member.key.jsonQuoted
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }
}
