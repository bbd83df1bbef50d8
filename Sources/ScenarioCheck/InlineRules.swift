import JSONSyntax
import ScenarioModel

/// Inline personalities and test profiles of a suite (scenario-format.md §3.4, §3.5).
enum InlineRules {
    static func check(personality: Reference<InlinePersonalityView>?, testProfile: Reference<InlineTestProfileView>?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let inline = personality?.inlineView { diagnostics += checkPersonality(inline) }
        if let inline = testProfile?.inlineView { diagnostics += checkTestProfile(inline) }
        return diagnostics
    }

    private static func checkPersonality(_ personality: InlinePersonalityView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if personality.isFromScratch {
            let missing = InlineSpecs.fromScratchFields.filter { !personality.has($0) }
            if !missing.isEmpty {
                let list = missing.map { "`\($0)`" }.joined(separator: ", ")
                let members = missing.map { field in (key: field, value: fromScratchPlaceholder(field, provider: personality.string("provider"))) }
                diagnostics.append(Diagnostic(.personalityInlineIncomplete, .error,
                    "a personality without `base` is defined from scratch and needs \(list); or add `base` with the id of a personality to adjust",
                    personality.node.anchorRange,
                    fixes: [Fix(title: "Add \(list)", edits: [MemberEdits.insert(members, into: personality.node)])]))
            }
        }
        // An unknown provider is an enum error already; comparing with it would only repeat that.
        let provider = personality.string("provider").flatMap { name in InlineSpecs.providers.contains { $0.value == name } ? name : nil }
        if let model = personality.value("voice_model"), let modelName = model.stringValue, let provider {
            let expected = modelName.hasPrefix("eleven_") ? "11labs" : modelName.hasPrefix("sonic-") ? "cartesia" : nil
            if let expected, expected != provider {
                diagnostics.append(Diagnostic(.personalityProviderModelMismatch, .warning,
                    "voice model \"\(modelName)\" belongs to provider \"\(expected)\", but `provider` is \"\(provider)\"", model.range))
            }
        }
        if let voice = personality.value("voice_id"), let voiceID = voice.stringValue, let provider, !voiceID.isEmpty {
            let isUUID = voiceID.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [8, 4, 4, 4, 12]
                && voiceID.allSatisfy { $0 == "-" || $0.isHexDigit }
            if provider == "cartesia", !isUUID {
                diagnostics.append(Diagnostic(.personalityVoiceIDFormat, .warning,
                    "Cartesia voice ids are UUIDs (8-4-4-4-12 hexadecimal digits); found \"\(voiceID)\"", voice.range))
            } else if provider == "11labs", voiceID.contains("-") {
                diagnostics.append(Diagnostic(.personalityVoiceIDFormat, .warning,
                    "ElevenLabs voice ids are letters and digits without dashes; found \"\(voiceID)\"", voice.range))
            }
        }
        if let noise = personality.value("background_noise"), let value = noise.stringValue,
           value != "off", value != "office", !value.hasPrefix("https://"), !value.hasPrefix("http://") {
            // "Office" or "OFF": the value meant, in the case the API compares.
            let meant = ["off", "office"].first { $0 == value.lowercased() }
            diagnostics.append(Diagnostic(.backgroundNoiseInvalid, .warning,
                "`background_noise` is \"off\", \"office\", or an http(s) URL of an audio clip; found \"\(value)\"", noise.range,
                fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [TextEdit(range: noise.range, newText: $0.jsonQuoted)])] } ?? []))
        }
        return diagnostics
    }

    private static func checkTestProfile(_ profile: InlineTestProfileView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if profile.node.members.isEmpty {
            let remove = profile.node.parent.map { [Fix(title: "Remove `\($0.keyName)`", edits: [MemberEdits.remove($0)])] } ?? []
            diagnostics.append(Diagnostic(.testProfileEmpty, .error,
                "an inline test profile needs `agent_variables`, `caller_variables` or `name`; remove it if the case needs no test data",
                profile.node.range, fixes: remove))
        }
        if let variables = profile.value("agent_variables"), variables.kind == .object {
            for member in variables.members where ["x-run-id", "x-scenario-id", "x-result-id"].contains(member.keyName.lowercased()) {
                diagnostics.append(Diagnostic(.reservedHeaderVariable, .warning,
                    "`\(member.keyName)` is set by Cekura on every call and cannot be overridden", member.key?.range ?? member.range))
            }
        }
        return diagnostics
    }

    /// Settings only a saved personality has, and `accent`, which no longer exists.
    static func describeUnknownPersonalityMember(_ spec: ObjectSpec, _ member: SyntaxNode) -> [Diagnostic]? {
        guard spec.name == InlineSpecs.personality.name else { return nil }
        let name = member.keyName
        let range = member.key?.range ?? member.range
        let remove = [Fix(title: "Remove `\(name)`", edits: [MemberEdits.remove(member)])]
        if InlineSpecs.notInlineFields.contains(name) {
            return [Diagnostic(.personalityFieldNotInline, .error,
                "`\(name)` cannot be set inline; configure it on a personality in the dashboard and reference that personality with `base`",
                range, fixes: remove)]
        }
        if name == "accent" {
            return [Diagnostic(.personalityAccentNotSettable, .error,
                "`accent` is not a settable field; the accent comes from `voice_id`", range, fixes: remove)]
        }
        return nil
    }

    /// What the fix fills in: values that work where there is an obvious one
    /// (English, no background noise, the default model of the provider
    /// given), else the field's empty placeholder.
    private static func fromScratchPlaceholder(_ field: String, provider: String?) -> String {
        switch (field, provider) {
        case ("language", _): "\"en\""
        case ("background_noise", _): "\"off\""
        case ("voice_model", "cartesia"): "\"sonic-3.5\""
        case ("voice_model", "11labs"): "\"eleven_turbo_v2_5\""
        default: InlineSpecs.personality.field(field)?.value.placeholder ?? "\"\""
        }
    }
}
