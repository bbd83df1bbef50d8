import JSONSyntax

/// Readers that take the API's answers as they come: several counters are
/// strings in the OpenAPI, lists come bare or as a page, and a field may be
/// missing or null. Unknown fields are never an error.
extension JSONValue {
    /// A whole number written as a number or as a numeric string.
    var lenientInt: Int? {
        intValue ?? stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    var lenientDouble: Double? {
        doubleValue ?? stringValue.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A list answer's items: a bare array, or the `results` of a paginated page.
    var listItems: [JSONValue]? {
        arrayValue ?? self["results"]?.arrayValue
    }

    /// The strings of an array (others skipped), or a lone string as one.
    var strings: [String] {
        if let text = stringValue { return [text] }
        return arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The string of a member, when it is a non-empty string.
    func text(_ key: String) -> String? {
        guard let text = self[key]?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
