import JSONSyntax

extension RuleCode {
    /// One line, for SARIF rule descriptions; protocol-notes/diagnostics.md has the whole story.
    public var summary: String {
        switch self {
        case .requiredProperty: "A required field is missing."
        case .unknownProperty: "A field this kind of object does not have."
        case .typeMismatch: "A value of the wrong JSON type."
        case .enumMismatch: "A value outside the allowed set."
        case .valueOutOfRange: "A number outside its allowed range."
        case .stringTooLong: "A string longer than allowed."
        case .stringTooShort: "A string shorter than allowed (usually empty)."
        case .tooManyItems: "An array with more items than allowed."
        case .tooFewItems: "An array with fewer items than required."
        case .readOnlyField: "A field the API sets itself and ignores on upload."
        case .deprecatedProperty: "A field the API has replaced."
        case .suiteVersionInvalid: "A test-suite `version` other than the string \"1\"."
        case .suiteSchemaVersionUnknown: "A `$schema` naming an unknown test-suite version."
        case .suiteAgentIDForbidden: "`agent_id` in a spec file; it belongs to the run request."
        case .suiteChannelForbidden: "`channel` in a spec file; it belongs to the run request."
        case .suiteCredentialsForbidden: "Credentials in a spec file."
        case .suiteInstructionsRequired: "A case with neither `instructions` nor a script."
        case .suiteScriptRequired: "A `conditional_actions` case without its script."
        case .suiteLanguageRequired: "A `conditional_actions` case without a language."
        case .suiteLanguageFromDefaults: "A `conditional_actions` case whose language comes only from `defaults`."
        case .suiteScriptIgnored: "A script in a case whose `type` is not `conditional_actions`."
        case .suiteDuplicateKey: "Two cases with the same key."
        case .suiteTypeUndocumented: "A case `type` the schema accepts but the guide does not describe."
        case .specTooLarge: "A spec file near or over the API's 1 MB limit."
        case .metricSlugInvalid: "A metric slug with characters other than a-z, 0-9 and _."
        case .toolIDsConflict: "Sending and receiving DTMF together."
        case .instructionsAndScript: "Both `instructions` and a script."
        case .personalityInlineIncomplete: "An inline personality without `base` that lacks required fields."
        case .personalityFieldNotInline: "A personality setting that only saved personalities have."
        case .personalityAccentNotSettable: "`accent`, which is set by the voice."
        case .personalityProviderModelMismatch: "A voice model of another provider."
        case .personalityVoiceIDFormat: "A voice id in another provider's format."
        case .backgroundNoiseInvalid: "A `background_noise` that is not off, office or a URL."
        case .testProfileEmpty: "An empty inline test profile."
        case .reservedHeaderVariable: "An agent variable that Cekura sets on every call."
        case .evaluatorTargetMissing: "An evaluator without `agent`, `project` or `assistant_id`."
        case .scriptNeedsScenarioType: "A script without `scenario_type: \"conditional_actions\"`."
        case .scriptMissing: "A `conditional_actions` scenario without a script."
        case .instructionsNotScriptJSON: "A script in `instructions` that is not a JSON object."
        case .scriptAsString: "A script written as a JSON string instead of the structured field."
        case .scriptLanguageRequired: "A script scenario with neither a personality nor `scenario_language`."
        case .instructionsMissing: "An instruction scenario without instructions."
        case .dynamicVariableValuesRemoved: "`dynamic_variable_values`, removed from the API."
        case .folderPathInvalid: "A `folder_path` with an empty segment."
        case .firstMessageWithScript: "`first_message` together with a script."
        case .toolIDCLISpelling: "A tool id in the CLI's spelling, not the API's."
        case .toolIDUnknown: "A tool id the API does not document."
        case .endCallToolsOverlap: "Both end-call tools."
        case .endCallToolMissing: "Tools without an end-call tool."
        case .bulkScenariosNotIDs: "Bulk-update scenarios given as objects instead of ids."
        case .bulkTargetMissing: "A bulk update without `agent` or `project`."
        case .bulkToolIDType: "Tool names where the bulk API schema says integers."
        case .bulkAddRemoveConflict: "The same id both added and removed."
        case .bulkAppendNotIdempotent: "`append_instruction`, which appends on every call."
        case .bulkNoChange: "A bulk update that changes nothing."
        }
    }
}

/// The one-line description of any code the tools emit, syntax or rule.
public func diagnosticCodeSummary(_ code: String) -> String? {
    SyntaxCode(rawValue: code)?.summary ?? RuleCode(rawValue: code)?.summary
}
