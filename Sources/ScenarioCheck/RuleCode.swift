import JSONSyntax

/// The stable codes of the scenario rules (syntax codes are `SyntaxCode`).
/// protocol-notes/diagnostics.md documents each with a failing example.
public enum RuleCode: String, CaseIterable, Sendable {
    // Shapes any kind can get wrong.
    case requiredProperty = "required-property"
    case unknownProperty = "unknown-property"
    case typeMismatch = "type-mismatch"
    case enumMismatch = "enum-mismatch"
    case valueOutOfRange = "value-out-of-range"
    case stringTooLong = "string-too-long"
    case stringTooShort = "string-too-short"
    case tooManyItems = "too-many-items"
    case tooFewItems = "too-few-items"
    case readOnlyField = "read-only-field"
    case deprecatedProperty = "deprecated-property"
    // Test-suite specs.
    case suiteVersionInvalid = "suite-version-invalid"
    case suiteSchemaVersionUnknown = "suite-schema-version-unknown"
    case suiteAgentIDForbidden = "suite-agent-id-forbidden"
    case suiteChannelForbidden = "suite-channel-forbidden"
    case suiteCredentialsForbidden = "suite-credentials-forbidden"
    case suiteInstructionsRequired = "suite-instructions-required"
    case suiteScriptRequired = "suite-script-required"
    case suiteLanguageRequired = "suite-language-required"
    case suiteLanguageFromDefaults = "suite-language-from-defaults"
    case suiteScriptIgnored = "suite-script-ignored"
    case suiteDuplicateKey = "suite-duplicate-key"
    case suiteTypeUndocumented = "suite-type-undocumented"
    case specTooLarge = "spec-too-large"
    case metricSlugInvalid = "metric-slug-invalid"
    case toolIDsConflict = "tool-ids-conflict"
    case instructionsAndScript = "instructions-and-script"
    // Inline personalities and test profiles.
    case personalityInlineIncomplete = "personality-inline-incomplete"
    case personalityFieldNotInline = "personality-field-not-inline"
    case personalityAccentNotSettable = "personality-accent-not-settable"
    case personalityProviderModelMismatch = "personality-provider-model-mismatch"
    case personalityVoiceIDFormat = "personality-voice-id-format"
    case backgroundNoiseInvalid = "background-noise-invalid"
    case testProfileEmpty = "test-profile-empty"
    case reservedHeaderVariable = "reserved-header-variable"
    // Evaluator bodies.
    case evaluatorTargetMissing = "evaluator-target-missing"
    case scriptNeedsScenarioType = "script-needs-scenario-type"
    case scriptMissing = "script-missing"
    case scriptLanguageRequired = "script-language-required"
    case instructionsNotScriptJSON = "instructions-not-script-json"
    case scriptAsString = "script-as-string"
    case instructionsMissing = "instructions-missing"
    case dynamicVariableValuesRemoved = "dynamic-variable-values-removed"
    case folderPathInvalid = "folder-path-invalid"
    case firstMessageWithScript = "first-message-with-script"
    case toolIDCLISpelling = "tool-id-cli-spelling"
    case toolIDUnknown = "tool-id-unknown"
    case endCallToolsOverlap = "end-call-tools-overlap"
    case endCallToolMissing = "end-call-tool-missing"
    // Bulk-update payloads.
    case bulkScenariosNotIDs = "bulk-scenarios-not-ids"
    case bulkTargetMissing = "bulk-target-missing"
    case bulkToolIDType = "bulk-tool-id-type"
    case bulkAddRemoveConflict = "bulk-add-remove-conflict"
    case bulkAppendNotIdempotent = "bulk-append-not-idempotent"
    case bulkNoChange = "bulk-no-change"
}

extension Diagnostic {
    init(_ code: RuleCode, _ severity: Severity, _ message: String, _ range: TextRange,
         related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.init(severity: severity, code: code.rawValue, message: message, range: range, related: related, fixes: fixes)
    }
}
