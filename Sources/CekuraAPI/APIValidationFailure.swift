import JSONSyntax

/// What the API found wrong with a request, each message with the place it
/// is about, so an editor can put it on the right range. The API writes these
/// in three shapes, all read here:
/// - tests-as-code: `{"errors": {"scenarios[1].metrics[0]": ["…"]}}`, the keys
///   being paths in the spec;
/// - Django REST framework field errors: `{"name": ["…"]}`, nested for nested
///   fields (`{"conditional_actions": {"conditions": [{}, {"type": ["…"]}]}}`),
///   with `non_field_errors` for the whole body;
/// - bare messages: `["Invalid personalities provided."]` or `{"detail": "…"}`.
public struct APIValidationFailure: Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        /// Empty when the message is about the request as a whole.
        public let path: JSONPath
        public let message: String

        public init(path: JSONPath, message: String) {
            self.path = path
            self.message = message
        }
    }

    public let problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    /// The problems an error body names; a body with none (an empty object, a
    /// number) gives no problems.
    public init(body: JSONValue) {
        var problems: [Problem] = []
        if let errors = body["errors"], case .object(let members) = errors {
            for member in members {
                // A key that is not a path in the API's form is taken as one field name.
                let path = JSONPath(api: member.key) ?? JSONPath([.key(member.key)])
                Self.collect(member.value, at: path, into: &problems)
            }
        } else {
            Self.collect(body, at: JSONPath(), into: &problems)
        }
        self.problems = problems
    }

    private static func collect(_ value: JSONValue, at path: JSONPath, into problems: inout [Problem]) {
        switch value {
        case .string(let message):
            problems.append(Problem(path: path, message: message))
        case .array(let elements) where elements.allSatisfy({ $0.stringValue != nil }):
            for element in elements { collect(element, at: path, into: &problems) }
        case .array(let elements):
            // One entry per element of a list field, `{}` for an element without errors.
            for (index, element) in elements.enumerated() { collect(element, at: path.appending(.index(index)), into: &problems) }
        case .object(let members):
            for member in members {
                let isWhole = member.key == "non_field_errors" || member.key == "detail"
                collect(member.value, at: isWhole ? path : path.appending(.key(member.key)), into: &problems)
            }
        case .integer, .number, .bool, .null:
            break
        }
    }

    /// Every message with its path, a line each, for people.
    public var summary: String {
        problems.map { $0.path.components.isEmpty ? $0.message : "\($0.path.apiString): \($0.message)" }.joined(separator: "\n")
    }
}
