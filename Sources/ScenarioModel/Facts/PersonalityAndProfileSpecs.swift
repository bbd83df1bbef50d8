/// Inline personalities and test profiles of a test-suite spec (scenario-format.md §3.4, §3.5).
public enum InlineSpecs {
    public static let voiceModels: [EnumValue] = [
        EnumValue("eleven_flash_v2_5", "ElevenLabs Flash v2.5 (provider `11labs`)."),
        EnumValue("eleven_multilingual_v2", "ElevenLabs Multilingual v2 (provider `11labs`)."),
        EnumValue("eleven_turbo_v2_5", "ElevenLabs Turbo v2.5 (provider `11labs`)."),
        EnumValue("sonic-3.5", "Cartesia Sonic 3.5 (provider `cartesia`)."),
    ]

    public static let providers: [EnumValue] = [
        EnumValue("11labs", "ElevenLabs voices (`eleven_*` models); voice ids are alphanumeric."),
        EnumValue("cartesia", "Cartesia voices (`sonic-*` models); voice ids are UUIDs."),
    ]

    /// Required when the personality has no `base`.
    public static let fromScratchFields = ["prompt", "language", "voice_model", "voice_id", "background_noise"]

    /// Personality settings that exist only on saved personalities.
    public static let notInlineFields: Set<String> = [
        "interruption_level", "generation_config", "network_simulation", "background_sound_volume",
        "message_plan", "start_speaking_plan", "stop_speaking_plan",
    ]

    public static let personality = ObjectSpec("inline personality", fields: [
        FieldSpec("base", .positiveInteger, doc: "Id of an existing personality (yours or a Cekura-provided one) that these fields adjust. Without `base`, the personality is defined from scratch and `prompt`, `language`, `voice_model`, `voice_id` and `background_noise` are required."),
        FieldSpec("name", .string(StringRule(maxLength: 255)), doc: "A label for this personality."),
        FieldSpec("prompt", .string(StringRule(minLength: 1)), doc: "How the simulated caller behaves."),
        FieldSpec("language", .strings(Languages.suite), doc: "The language the caller speaks."),
        FieldSpec("voice_model", .strings(voiceModels), doc: "The text-to-speech model of the caller's voice."),
        FieldSpec("voice_id", .string(StringRule(minLength: 1)), doc: "The voice the caller speaks with; this is what sets its accent."),
        FieldSpec("provider", .strings(providers), doc: "The voice provider: `11labs` or `cartesia`."),
        FieldSpec("speed", .number(min: 0.8, max: 1.2), doc: "Speaking pace, 0.8 to 1.2; 1.0 is normal."),
        FieldSpec("background_noise", .string, doc: "`\"off\"`, `\"office\"`, or an http(s) URL of a custom background audio clip."),
        FieldSpec("end_call_enabled", .boolean, doc: "Whether the caller may hang up."),
    ], unknownProperties: .error)

    public static let testProfile = ObjectSpec("inline test profile", fields: [
        FieldSpec("agent_variables", .freeObject, doc: "Dynamic variables delivered to the agent under test at call time (a saved profile's `main_agent_variables`). Keys starting with `X-` are also sent as SIP or WebSocket headers."),
        FieldSpec("caller_variables", .freeObject, doc: "Context for the simulated caller only, never sent to the agent. Referenced as `{{test_profile.<key>}}`."),
        FieldSpec("name", .string(StringRule(maxLength: 255)), doc: "A label for this test data."),
    ], unknownProperties: .error)
}
