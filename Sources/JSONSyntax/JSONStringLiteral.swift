extension String {
    /// This text as a JSON string literal: quotes and backslashes escaped, the
    /// usual short escapes, other control characters as `\u00XX`, everything
    /// else written as it is (UTF-8), as RFC 8259 requires and no more.
    public var jsonQuoted: String {
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// This text escaped for the inside of a JSON string: `jsonQuoted` without
    /// its quotes, what an edit inside a string writes.
    public var jsonStringContent: String { String(jsonQuoted.dropFirst().dropLast()) }
}
