/// The action tag language (scenario-format.md §6): every tag, its form, its
/// attributes and where it may stand, with the words hover and completion show.
public struct TagFact: Sendable {
    public enum Form: Sendable {
        /// `<endcall />`
        case selfClosing
        /// `<spell>…</spell>`
        case block
        /// `<voice …/>` or `<voice …>…</voice>`
        case either
    }

    /// Where the tag may stand in its action.
    public enum Placement: Sendable {
        case anywhere
        /// The whole action, with nothing but blanks around it (`ivr`, `voicemail`).
        case wholeAction
        /// Only blanks before it (`speed`, `volume`, `interruption`).
        case startOfAction
    }

    /// What an attribute's value must look like.
    public enum ValueKind: Sendable {
        case text
        /// `^[0-9]+(\.[0-9]+)?s$`: "1s", "2.5s".
        case seconds
        case number(min: Double?, max: Double?)
        case oneOf([EnumValue])
        /// Keypad characters and `{{test_profile…}}` placeholders.
        case dtmfDigits
        case json
        /// The name of a function the script declares.
        case functionName
    }

    public struct Attribute: Sendable {
        public let name: String
        public let required: Bool
        public let value: ValueKind
        public let doc: String
    }

    public let name: String
    public let form: Form
    public let attributes: [Attribute]
    public let placement: Placement
    public let doc: String
    /// An example, for hover and completion.
    public let example: String

    public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
}

public enum TagFacts {
    public static let backgroundSounds: [EnumValue] = [
        "office-ambience", "coffee-shop", "kitchen-noise", "home-chatter", "vacuum-cleaner", "dog-barking", "baby-crying",
        "keyboard-typing", "coughing", "background-printer", "quiet-room", "air-conditioner", "construction-site",
        "busy-street", "airport-boarding", "inside-car", "inside-train", "public-park", "rain-thunder", "windy-day",
        "restaurant", "shopping-mall", "stadium-crowd", "standard-hiss", "static-radio", "fan-buzz", "ship-humming",
        "two-people-talking", "train-station", "holding-on-song",
    ].map { EnumValue($0) }

    public static let noiseSounds: [EnumValue] = [
        EnumValue("office", "Office bustle."), EnumValue("beep", "A beep."),
        EnumValue("cough1", "A cough."), EnumValue("cough2", "Another cough."),
    ]

    public static let voiceProviders: [EnumValue] = [
        EnumValue("cartesia", "Cartesia; voice ids are UUIDs; default model `sonic-3.5`."),
        EnumValue("11labs", "ElevenLabs; voice ids are letters and digits; default model `eleven_turbo_v2_5`."),
    ]

    /// The emotion markers Cekura names; other `[words]` may be literal text.
    public static let emotionMarkers: [EnumValue] = [
        EnumValue("laughter", "The caller laughs."), EnumValue("sigh", "The caller sighs."),
    ]

    typealias A = TagFact.Attribute

    public static let all: [TagFact] = [
        TagFact(name: "silence", form: .selfClosing,
                attributes: [A(name: "time", required: true, value: .seconds, doc: "How long, in seconds: `\"1.5s\"`.")],
                placement: .anywhere,
                doc: "A pause the agent may interrupt; background noise goes on.", example: #"<silence time="1.5s" />"#),
        TagFact(name: "hold", form: .selfClosing,
                attributes: [A(name: "time", required: true, value: .seconds, doc: "How long, in seconds: `\"5s\"`.")],
                placement: .anywhere,
                doc: "A pause that cannot be interrupted, without background noise. Never inside `<ivr text>`.", example: #"<hold time="5s" />"#),
        TagFact(name: "endcall", form: .selfClosing, attributes: [], placement: .anywhere,
                doc: "Ends the call at once.", example: "<endcall />"),
        TagFact(name: "ivr", form: .selfClosing,
                attributes: [A(name: "text", required: true, value: .text, doc: "The menu prompt to speak.")],
                placement: .wholeAction,
                doc: "An uninterruptible menu prompt; it must be the whole action. The agent's keypad presses then show in the transcript.",
                example: #"<ivr text="For billing press 1." />"#),
        TagFact(name: "voicemail", form: .selfClosing,
                attributes: [A(name: "text", required: false, value: .text, doc: "The greeting before the beep.")],
                placement: .wholeAction,
                doc: "A voicemail greeting and beep; it must be the whole action. Put the message in an `action_followup`.",
                example: #"<voicemail text="Leave a message after the tone." />"#),
        TagFact(name: "ignore_interruptions", form: .block, attributes: [], placement: .anywhere,
                doc: "Everything inside plays to the end; the agent's speech neither interrupts it nor gets a reply. Never nested.",
                example: "<ignore_interruptions>Let me finish.</ignore_interruptions>"),
        TagFact(name: "spell", form: .block, attributes: [], placement: .anywhere,
                doc: "Spells its content letter by letter; text and placeholders only.",
                example: "<spell>{{test_profile.postcode}}</spell>"),
        TagFact(name: "speed", form: .selfClosing,
                attributes: [A(name: "ratio", required: true, value: .number(min: 0.8, max: 1.2), doc: "0.8 to 1.2; 1 is normal.")],
                placement: .startOfAction, doc: "Speech speed for this action; it must start the action.", example: #"<speed ratio="1.15" />"#),
        TagFact(name: "volume", form: .selfClosing,
                attributes: [A(name: "ratio", required: true, value: .number(min: 0, max: 2), doc: "0 to 2; 1 is normal.")],
                placement: .startOfAction, doc: "Loudness for this action (Cartesia voices); it must start the action.", example: #"<volume ratio="0.6" />"#),
        TagFact(name: "voice", form: .either,
                attributes: [
                    A(name: "provider", required: true, value: .oneOf(voiceProviders), doc: "`cartesia` or `11labs`."),
                    A(name: "id", required: true, value: .text, doc: "The voice id: a UUID for Cartesia, letters and digits for ElevenLabs."),
                    A(name: "model", required: false, value: .text, doc: "The voice model, of the provider's family."),
                    A(name: "text", required: false, value: .text, doc: "Speak only this text in the voice, then return to the previous one."),
                ],
                placement: .anywhere,
                doc: "Switches the caller's voice: for the rest of the call (self-closing), for `text`, or for the enclosed block.",
                example: #"<voice provider="cartesia" id="0b5f6e2c-7d1a-4c3e-9a8b-2f4d6c8e0a1b" />"#),
        TagFact(name: "dtmf", form: .selfClosing,
                attributes: [A(name: "digits", required: true, value: .dtmfDigits, doc: "Keypad characters `0-9 * # A-D`, or a `{{test_profile…}}` placeholder.")],
                placement: .anywhere, doc: "Sends keypad tones.", example: #"<dtmf digits="3" />"#),
        TagFact(name: "send_sms", form: .selfClosing,
                attributes: [A(name: "text", required: true, value: .text, doc: "The message.")],
                placement: .anywhere, doc: "Sends a text message.", example: #"<send_sms text="Here is my address" />"#),
        TagFact(name: "client_message", form: .selfClosing,
                attributes: [
                    A(name: "t", required: true, value: .text, doc: "The message type your app defines."),
                    A(name: "d", required: false, value: .json, doc: "JSON data, in single quotes: `d='{\"form\":\"address\"}'`."),
                ],
                placement: .anywhere, doc: "A silent RTVI client message to a Pipecat agent.", example: #"<client_message t="open_form" />"#),
        TagFact(name: "interruption", form: .selfClosing,
                attributes: [A(name: "time", required: true, value: .seconds, doc: "How long after the agent starts speaking: `\"2.5s\"`.")],
                placement: .startOfAction,
                doc: "Interrupts the agent after `time`, then speaks the rest; it must start the action of an `action_followup`.",
                example: #"<interruption time="2.5s" />"#),
        TagFact(name: "background_noise", form: .block,
                attributes: [
                    A(name: "sound", required: true, value: .oneOf(backgroundSounds), doc: "One of 30 background sounds."),
                    A(name: "volume", required: false, value: .number(min: 0, max: nil), doc: "A non-negative number, e.g. `0.3`."),
                ],
                placement: .anywhere, doc: "A background sound during the enclosed speech.",
                example: #"<background_noise sound="coffee-shop">Hi there</background_noise>"#),
        TagFact(name: "noise", form: .selfClosing,
                attributes: [
                    A(name: "sound", required: true, value: .oneOf(noiseSounds), doc: "`office`, `beep`, `cough1` or `cough2`."),
                    A(name: "volume", required: false, value: .number(min: 0, max: nil), doc: "A non-negative number."),
                    A(name: "time", required: false, value: .text, doc: "Duration in milliseconds."),
                ],
                placement: .anywhere, doc: "A one-shot sound effect.", example: #"<noise sound="cough1" />"#),
        TagFact(name: "network_simulation", form: .selfClosing,
                attributes: [A(name: "packet_loss", required: true, value: .number(min: 0, max: 100), doc: "Percentage of packets lost, e.g. `\"5\"`.")],
                placement: .anywhere, doc: "Simulates packet loss; `jitter` and `latency` are ignored.",
                example: #"<network_simulation packet_loss="5" />"#),
        TagFact(name: "function", form: .selfClosing,
                attributes: [A(name: "name", required: true, value: .functionName, doc: "A function declared in `functions`.")],
                placement: .anywhere,
                doc: "Runs a declared function now; works with fixed and non-fixed messages, never on the first condition.",
                example: #"<function name="lookup_order" />"#),
        TagFact(name: "audio", form: .selfClosing,
                attributes: [A(name: "id", required: true, value: .text, doc: "The id of an uploaded clip.")],
                placement: .anywhere,
                doc: "Plays an uploaded recording instead of speech; fixed messages only, never inside `<ivr text>`.",
                example: #"<audio id="7c1e90aa" />"#),
    ]

    private static let byName: [String: TagFact] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func tag(_ name: String) -> TagFact? { byName[name] }

    /// Whether `<name …>` without a slash opens a block: block tags, `voice`,
    /// and unknown tags (which the rules flag); a known self-closing tag does not.
    public static func opensBlock(_ name: String) -> Bool {
        byName[name].map { $0.form != .selfClosing } ?? true
    }
}
