import JSONSyntax
import ScenarioModel

/// Checks a value against its `ValueSpec`: types, enums, lengths, ranges,
/// required and unknown members. Each file kind's rules then add what a schema
/// cannot say. Members that a later duplicate key overrides are not checked:
/// the API never sees them, and the syntax layer already warns.
struct SpecValidator {
    private(set) var diagnostics: [Diagnostic] = []
    /// Lets a kind's rules describe a member its spec does not define in their
    /// own words (a request field in a suite); nil falls back to `unknown-property`.
    let describeUnknownMember: (ObjectSpec, SyntaxNode) -> [Diagnostic]?
    /// The tree index of an array whose object elements are validated one by
    /// one elsewhere (a suite's `scenarios`): here they are skipped.
    var casesValidatedAlone: Int?

    init(describeUnknownMember: @escaping (ObjectSpec, SyntaxNode) -> [Diagnostic]? = { _, _ in nil }) {
        self.describeUnknownMember = describeUnknownMember
    }

    mutating func validate(_ node: SyntaxNode, against spec: ValueSpec) {
        switch spec {
        case .anyValue, .constant:
            // A constant means something to its file kind, whose rules check it.
            break
        case .nullable(let inner):
            if node.kind != .null { validate(node, against: inner) }
        case .string(let rule):
            guard expectKind(node, spec) else { return }
            validateString(node, rule)
        case .integer(let min, let max):
            guard expectKind(node, spec) else { return }
            // Any whole number is an integer, as for JSON Schema and the API's
            // Python: 1e20 is too large for a count, which the range says.
            guard node.isIntegral, let value = node.doubleValue else {
                report(.typeMismatch, "\(node.fieldLabel) must be a whole number; found \(node.valueDescription)", node)
                return
            }
            checkRange(node, value, min.map(Double.init), max.map(Double.init))
        case .number(let min, let max):
            guard expectKind(node, spec), let value = node.doubleValue else { return }
            checkRange(node, value, min, max)
        case .boolean, .freeObject, .script:
            _ = expectKind(node, spec)
        case .object(let objectSpec):
            guard expectKind(node, spec) else { return }
            validateObject(node, objectSpec)
        case .array(let rule):
            guard expectKind(node, spec) else { return }
            validateArray(node, rule)
        case .oneOf(let alternatives):
            guard let chosen = alternatives.first(where: { $0.accepts(node.kind) }) else {
                report(.typeMismatch, "\(node.fieldLabel) must be \(spec.expectation); found \(node.valueDescription)", node)
                return
            }
            validate(node, against: chosen)
        }
    }

    mutating func validateObject(_ node: SyntaxNode, _ spec: ObjectSpec) {
        // The fields some member names, as bits of their positions in the spec.
        var named: UInt64 = 0
        node.forEachMember { index, name in
            let field = spec.fieldIndex(named: name)
            if let field { named |= 1 << UInt64(field) }
            let member = node.tree.node(at: index)
            guard !member.isOverridden, !(name.isEmpty && followedByNamelessMember(member)) else { return }
            if let field {
                if let value = member.value { validate(value, against: spec.fields[field].value) }
            } else {
                reportUnknown(member, in: spec)
            }
        }
        for (position, field) in spec.fields.enumerated() where field.required && named & (1 << UInt64(position)) == 0 {
            diagnostics.append(Diagnostic(.requiredProperty, .error,
                "this \(spec.name) needs `\(field.name)`", node.anchorRange,
                fixes: [Fix(title: "Add `\(field.name)`",
                            edits: [MemberEdits.insert(key: field.name, value: field.value.placeholder, into: node)])]))
        }
    }

    /// A member named "" counts as overridden by a later member whose name is
    /// missing, which `keyName` also reads as "".
    private func followedByNamelessMember(_ member: SyntaxNode) -> Bool {
        guard let object = member.parent else { return false }
        return object.children.contains { $0.index > member.index && $0.kind == .member && $0.key?.kind != .string }
    }

    private mutating func reportUnknown(_ member: SyntaxNode, in spec: ObjectSpec) {
        if let custom = describeUnknownMember(spec, member) {
            diagnostics += custom
            return
        }
        let name = member.keyName
        let severity: Severity = spec.unknownProperties == .error ? .error : .warning
        let consequence = spec.unknownProperties == .error
            ? "the published schema refuses it" : "the API most likely drops it, so its value is lost"
        let range = member.key?.range ?? member.range
        let object = spec.name.withIndefiniteArticle
        // Renaming onto a field the object already has would make a duplicate
        // key, of which the API keeps one value: no fix then.
        func rename(to target: String) -> [Fix] {
            guard member.parent?.member(named: target) == nil, let edit = MemberEdits.rename(member, to: target) else { return [] }
            return [Fix(title: "Rename to `\(target)`", edits: [edit])]
        }
        if let renamed = spec.renamedFields[name] {
            diagnostics.append(Diagnostic(.unknownProperty, severity,
                "`\(name)` is not a field of \(object); here it is called `\(renamed)`", range, fixes: rename(to: renamed)))
        } else if let suggestion = closestMatch(to: name, among: spec.fields.map(\.name)) {
            diagnostics.append(Diagnostic(.unknownProperty, severity,
                "`\(name)` is not a field of \(object); did you mean `\(suggestion)`?", range, fixes: rename(to: suggestion)))
        } else {
            diagnostics.append(Diagnostic(.unknownProperty, severity,
                "`\(name)` is not a field of \(object); \(consequence)", range,
                fixes: [Fix(title: "Remove `\(name)`", edits: [MemberEdits.remove(member)])]))
        }
    }

    private mutating func validateString(_ node: SyntaxNode, _ rule: StringRule) {
        // Most strings are long free text whose only rule is their type: decode
        // one only when a rule needs its value. A string has at most as many
        // scalars as content bytes, which settles most length limits.
        let byteCount = node.contentByteCount
        lazy var value = node.decoded.value
        if let allowed = rule.allowed, !allowed.contains(where: { $0.value == value }) {
            reportEnumMismatch(node, value: value, allowed: allowed)
            return
        }
        if let minimum = rule.minLength, byteCount < minimum || (minimum > 1 && value.scalarCount < minimum) {
            report(.stringTooShort, minimum == 1
                ? "\(node.fieldLabel) must not be empty"
                : "\(node.fieldLabel) needs at least \(minimum) characters; it has \(value.scalarCount)", node)
        }
        if let maximum = rule.maxLength, byteCount > maximum, value.scalarCount > maximum {
            report(.stringTooLong, "\(node.fieldLabel) has \(value.scalarCount) characters; at most \(maximum) are allowed", node)
        }
        if let pattern = rule.pattern, byteCount > 0, !pattern.matches(value) {
            switch pattern {
            case .metricSlug:
                let slug = metricSlug(from: value)
                // "Qualité" would become "qualit": a slug that names another metric, if any.
                let dropsLetters = value.unicodeScalars.contains {
                    !$0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
                }
                diagnostics.append(Diagnostic(.metricSlugInvalid, .error,
                    "metric slugs use only lower-case letters, digits and `_`; found \"\(value)\"", node.range,
                    fixes: slug.isEmpty || dropsLetters ? [] : [Fix(title: "Write \"\(slug)\"", edits: [TextEdit(range: node.range, newText: slug.jsonQuoted)])]))
            }
        }
    }

    private mutating func reportEnumMismatch(_ node: SyntaxNode, value: String, allowed: [EnumValue]) {
        let values = allowed.map(\.value)
        let expected = values.count <= 6
            ? "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
            : "one of the \(values.count) allowed values"
        var message = "\(node.fieldLabel) must be \(expected); found \"\(value)\""
        var fixes: [Fix] = []
        if let suggestion = closestMatch(to: value, among: values) {
            message += " (did you mean \"\(suggestion)\"?)"
            fixes.append(Fix(title: "Write \"\(suggestion)\"", edits: [TextEdit(range: node.range, newText: suggestion.jsonQuoted)]))
        }
        diagnostics.append(Diagnostic(.enumMismatch, .error, message, node.range, fixes: fixes))
    }

    private mutating func validateArray(_ node: SyntaxNode, _ rule: ArrayRule) {
        let count = node.elementCount
        if let minimum = rule.minItems, count < minimum {
            report(.tooFewItems, "\(node.fieldLabel) needs at least \(minimum) item\(minimum == 1 ? "" : "s")", node)
        }
        if let maximum = rule.maxItems, count > maximum {
            let elements = node.elements
            let extra = TextRange(elements[maximum].range.start, elements[count - 1].range.end)
            diagnostics.append(Diagnostic(.tooManyItems, .error,
                "\(node.fieldLabel) has \(count) items; at most \(maximum) are allowed", extra))
        }
        let skipsObjects = node.index == casesValidatedAlone
        for element in node.children where element.kind != .error && !(skipsObjects && element.kind == .object) {
            validate(element, against: rule.items)
        }
    }

    private mutating func checkRange(_ node: SyntaxNode, _ value: Double, _ minimum: Double?, _ maximum: Double?) {
        let bounds = switch (minimum, maximum) {
        case let (low?, high?): "from \(low.plain) to \(high.plain)"
        case let (low?, nil): "at least \(low.plain)"
        case let (nil, high?): "at most \(high.plain)"
        case (nil, nil): ""
        }
        if let minimum, value < minimum { report(.valueOutOfRange, "\(node.fieldLabel) must be \(bounds); found \(node.text)", node) }
        if let maximum, value > maximum { report(.valueOutOfRange, "\(node.fieldLabel) must be \(bounds); found \(node.text)", node) }
    }

    /// Reports a wrong JSON type, with a fix where the intent is plain (a number
    /// in quotes, a word that should be quoted).
    private mutating func expectKind(_ node: SyntaxNode, _ spec: ValueSpec) -> Bool {
        guard !spec.accepts(node.kind) else { return true }
        guard node.kind != .error else { return false }
        var fixes: [Fix] = []
        if node.kind == .string, let text = node.stringValue {
            if spec.accepts(.number), Double(text) != nil, !text.contains(" ") {
                fixes.append(Fix(title: "Write the number \(text)", edits: [TextEdit(range: node.range, newText: text)]))
            } else if spec.accepts(.true), text == "true" || text == "false" {
                fixes.append(Fix(title: "Write \(text) without quotes", edits: [TextEdit(range: node.range, newText: text)]))
            }
        } else if spec.accepts(.string), node.kind == .number || node.kind == .true || node.kind == .false {
            fixes.append(Fix(title: "Write \"\(node.text)\"", edits: [TextEdit(range: node.range, newText: node.text.jsonQuoted)]))
        }
        diagnostics.append(Diagnostic(.typeMismatch, .error,
            "\(node.fieldLabel) must be \(spec.expectation); found \(node.valueDescription)", node.range, fixes: fixes))
        return false
    }

    private mutating func report(_ code: RuleCode, _ message: String, _ node: SyntaxNode) {
        diagnostics.append(Diagnostic(code, .error, message, node.range))
    }
}

/// "Greeting-By-Name" → "greeting_by_name".
func metricSlug(from text: String) -> String {
    var slug = ""
    for character in text.lowercased().unicodeScalars {
        if ("a"..."z").contains(character) || ("0"..."9").contains(character) || character == "_" {
            slug.unicodeScalars.append(character)
        } else if !slug.hasSuffix("_"), !slug.isEmpty {
            slug += "_"
        }
    }
    while slug.hasSuffix("_") { slug.removeLast() }
    return slug
}

extension Double {
    /// 10 rather than 10.0; 0.8 as written.
    var plain: String { self == Double(Int(self)) ? String(Int(self)) : String(self) }
}
