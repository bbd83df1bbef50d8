import JSONSyntax

/// Which quick fixes `source.fixAll` may apply without asking: a diagnostic
/// with exactly one fix, of a code whose fix only repairs how something is
/// written and never guesses at what the user meant or drops their text.
/// Left out on purpose: removals (unknown, read-only or forbidden fields,
/// comments), did-you-mean spellings, renumbering, and fixes that pick one
/// of two readings (`standard` or `action_followup`).
public enum SafeFixes {
    public static let codes: Set<String> = Set([
        SyntaxCode.missingComma, .missingColon, .trailingComma, .extraComma, .singleQuotedString, .unquotedKey,
        .byteOrderMark, .invalidEscape,
    ].map(\.rawValue) + [
        RuleCode.suiteVersionInvalid, .deprecatedProperty, .scriptNeedsScenarioType, .toolIDCLISpelling,
        .firstMessageCondition, .firstMessageNotFixed, .conditionFieldMissing,
        .tagCase, .tagAttributeUnquoted, .tagNotClosed, .tagNeedsFixedMessage,
    ].map(\.rawValue))

    /// The fix `source.fixAll` applies for this diagnostic, if any.
    public static func fix(for diagnostic: Diagnostic) -> Fix? {
        guard diagnostic.fixes.count == 1, codes.contains(diagnostic.code) else { return nil }
        return diagnostic.fixes[0]
    }
}
