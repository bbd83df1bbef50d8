/// The action tag language (scenario-format.md §6): every tag, its form, its
/// attributes and where it may stand, with the words hover and completion show.
/// A class: the rules hold one per tag of every action, and a reference is
/// cheaper to pass around than a copy of all these fields.
public final class TagFact: Sendable {
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
        /// Whole milliseconds, digits only: "500" (`<noise time>`; the exact
        /// format is undocumented).
        case milliseconds
        case number(min: Double?, max: Double?)
        case oneOf([EnumValue])
        /// Keypad characters and `{{test_profile…}}` placeholders.
        case dtmfDigits
        case json
        /// The name of a function the script declares.
        case functionName
    }

    /// How sure the sources are of a value's limits: what a value outside them
    /// (or not of its kind at all) costs.
    public enum Strictness: Sendable {
        /// Documented limits: a value outside them, or not a number, is refused or breaks the tag.
        case strict
        /// Not a number breaks the tag; outside the documented range is likely a mistake.
        case advisoryRange
        /// No limits are documented; a suspicious value is only worth a warning.
        case advisory
    }

    /// A class for the same reason as `TagFact`.
    public final class Attribute: Sendable {
        public let name: String
        public let required: Bool
        public let value: ValueKind
        public let strictness: Strictness
        public let doc: String
        /// Typical values, offered by completion (a `oneOf` offers its values instead).
        public let examples: [String]

        public init(name: String, required: Bool, value: ValueKind, strictness: Strictness = .strict, doc: String,
                    examples: [String] = []) {
            self.name = name
            self.required = required
            self.value = value
            self.strictness = strictness
            self.doc = doc
            self.examples = examples
        }
    }

    /// What a block tag may hold between its opening and closing tags.
    public enum Content: Sendable {
        /// Self-closing: nothing.
        case none
        /// Text and `{{…}}` placeholders, no tags (`spell`, `background_noise`).
        case textAndPlaceholders
        /// Text and self-closing tags (`<silence>` …); no `voice` or
        /// `ignore_interruptions` inside (a regional `voice` block).
        case textAndInlineTags
        /// Text and any tag but another `ignore_interruptions` (`ignore_interruptions`).
        case unrestricted
    }

    /// What the tag needs of its condition's `fixed_message`.
    public enum FixedMessage: Sendable {
        /// Honoured only with `fixed_message: true`; with false the text is an
        /// instruction to paraphrase and the tag is read literally.
        case honouredOnlyWhenFixed
        /// The API refuses the tag on a condition that is not fixed (`audio`).
        case refusedWhenNotFixed
        /// Works either way (`function`).
        case either
    }

    public let name: String
    public let form: Form
    public let attributes: [Attribute]
    public let placement: Placement
    public let doc: String
    /// An example, for hover and completion.
    public let example: String
    /// What the block form may hold.
    public let content: Content
    public let fixedMessage: FixedMessage
    /// Only on a condition of `type: "action_followup"` (`interruption`).
    public let onlyOnFollowup: Bool
    /// Never on the first condition (id 0, `FIRST_MESSAGE`) (`function`).
    public let notOnFirstMessage: Bool
    /// Refused inside the `text` of an `<ivr>` (`hold`, `audio`).
    public let refusedInIVRText: Bool
    /// Attributes the platform accepts and ignores (`jitter`, `latency` on `network_simulation`).
    public let ignoredAttributes: [String]

    public init(name: String, form: Form, attributes: [Attribute], placement: Placement, doc: String, example: String,
                content: Content = .none, fixedMessage: FixedMessage = .honouredOnlyWhenFixed, onlyOnFollowup: Bool = false,
                notOnFirstMessage: Bool = false, refusedInIVRText: Bool = false, ignoredAttributes: [String] = []) {
        self.name = name
        self.form = form
        self.attributes = attributes
        self.placement = placement
        self.doc = doc
        self.example = example
        self.content = content
        self.fixedMessage = fixedMessage
        self.onlyOnFollowup = onlyOnFollowup
        self.notOnFirstMessage = notOnFirstMessage
        self.refusedInIVRText = refusedInIVRText
        self.ignoredAttributes = ignoredAttributes
    }

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
                attributes: [A(name: "time", required: true, value: .seconds, doc: "How long, in seconds: `\"1.5s\"`.",
                               examples: ["1s", "1.5s", "2s", "3s"])],
                placement: .anywhere,
                doc: "A pause the agent may interrupt; background noise goes on.", example: #"<silence time="1.5s" />"#),
        TagFact(name: "hold", form: .selfClosing,
                attributes: [A(name: "time", required: true, value: .seconds, doc: "How long, in seconds: `\"5s\"`.",
                               examples: ["3s", "5s", "10s"])],
                placement: .anywhere,
                doc: "A pause that cannot be interrupted, without background noise. Never inside `<ivr text>`.", example: #"<hold time="5s" />"#,
                refusedInIVRText: true),
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
                example: "<ignore_interruptions>Let me finish.</ignore_interruptions>", content: .unrestricted),
        TagFact(name: "spell", form: .block, attributes: [], placement: .anywhere,
                doc: "Spells its content letter by letter; text and placeholders only.",
                example: "<spell>{{test_profile.postcode}}</spell>", content: .textAndPlaceholders),
        TagFact(name: "speed", form: .selfClosing,
                attributes: [A(name: "ratio", required: true, value: .number(min: 0.8, max: 1.2), doc: "0.8 to 1.2; 1 is normal.",
                               examples: ["0.8", "0.9", "1.1", "1.2"])],
                placement: .startOfAction, doc: "Speech speed for this action; it must start the action.", example: #"<speed ratio="1.15" />"#),
        TagFact(name: "volume", form: .selfClosing,
                attributes: [A(name: "ratio", required: true, value: .number(min: 0, max: 2), doc: "0 to 2; 1 is normal.",
                               examples: ["0.5", "0.8", "1.2", "1.5"])],
                placement: .startOfAction, doc: "Loudness for this action (Cartesia voices); it must start the action.", example: #"<volume ratio="0.6" />"#),
        TagFact(name: "voice", form: .either,
                attributes: [
                    A(name: "provider", required: true, value: .oneOf(voiceProviders), doc: "`cartesia` or `11labs`."),
                    A(name: "id", required: true, value: .text, doc: "The voice id: a UUID for Cartesia, letters and digits for ElevenLabs."),
                    A(name: "model", required: false, value: .text, doc: "The voice model, of the provider's family."),
                    A(name: "text", required: false, value: .text, doc: "Speak only this text in the voice, then return to the previous one."),
                ],
                placement: .anywhere,
                doc: "Switches the caller's voice: for the rest of the call (self-closing), for `text`, or for the enclosed block, which may hold text and self-closing tags.",
                example: #"<voice provider="cartesia" id="0b5f6e2c-7d1a-4c3e-9a8b-2f4d6c8e0a1b" />"#, content: .textAndInlineTags),
        TagFact(name: "dtmf", form: .selfClosing,
                attributes: [A(name: "digits", required: true, value: .dtmfDigits, doc: "Keypad characters `0-9 * # A-D`, or a `{{test_profile…}}` placeholder.",
                               examples: ["1", "0", "#"])],
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
                attributes: [A(name: "time", required: true, value: .seconds, doc: "How long after the agent starts speaking: `\"2.5s\"`.",
                               examples: ["1s", "2.5s", "4s"])],
                placement: .startOfAction,
                doc: "Interrupts the agent after `time`, then speaks the rest; it must start the action of an `action_followup`.",
                example: #"<interruption time="2.5s" />"#, onlyOnFollowup: true),
        TagFact(name: "background_noise", form: .block,
                attributes: [
                    A(name: "sound", required: true, value: .oneOf(backgroundSounds), doc: "One of 30 background sounds."),
                    A(name: "volume", required: false, value: .number(min: 0, max: nil), strictness: .advisory, doc: "A non-negative number, e.g. `0.3`.",
                      examples: ["0.3", "0.5", "1"]),
                ],
                placement: .anywhere, doc: "A background sound during the enclosed speech, which is text and placeholders only.",
                example: #"<background_noise sound="coffee-shop">Hi there</background_noise>"#, content: .textAndPlaceholders),
        TagFact(name: "noise", form: .selfClosing,
                attributes: [
                    A(name: "sound", required: true, value: .oneOf(noiseSounds), doc: "`office`, `beep`, `cough1` or `cough2`."),
                    A(name: "volume", required: false, value: .number(min: 0, max: nil), strictness: .advisory, doc: "A non-negative number.", examples: ["0.5", "1"]),
                    A(name: "time", required: false, value: .milliseconds, strictness: .advisory, doc: "Duration in milliseconds, digits only (the exact format is undocumented).",
                      examples: ["500", "1000"]),
                ],
                placement: .anywhere, doc: "A one-shot sound effect.", example: #"<noise sound="cough1" />"#),
        TagFact(name: "network_simulation", form: .selfClosing,
                attributes: [A(name: "packet_loss", required: true, value: .number(min: 0, max: 100), strictness: .advisoryRange, doc: "Percentage of packets lost, 0 to 100, e.g. `\"5\"`.",
                                     examples: ["2", "5", "10"])],
                placement: .anywhere, doc: "Simulates packet loss; `jitter` and `latency` are ignored.",
                example: #"<network_simulation packet_loss="5" />"#, ignoredAttributes: ["jitter", "latency"]),
        TagFact(name: "function", form: .selfClosing,
                attributes: [A(name: "name", required: true, value: .functionName, doc: "A function declared in `functions`.")],
                placement: .anywhere,
                doc: "Runs a declared function now; works with fixed and non-fixed messages, never on the first condition.",
                example: #"<function name="lookup_order" />"#, fixedMessage: .either, notOnFirstMessage: true),
        TagFact(name: "audio", form: .selfClosing,
                attributes: [A(name: "id", required: true, value: .text, doc: "The id of an uploaded clip.")],
                placement: .anywhere,
                doc: "Plays an uploaded recording instead of speech; fixed messages only, never inside `<ivr text>`.",
                example: #"<audio id="7c1e90aa" />"#, fixedMessage: .refusedWhenNotFixed, refusedInIVRText: true),
    ]

    /// Names people write for a tag the language spells otherwise: SSML's
    /// `<break>` (in Cekura's skills repository only) is `<silence>`.
    public static let tagAliases: [String: String] = [
        "break": "silence", "pause": "silence", "wait": "silence",
        "hangup": "endcall", "hang_up": "endcall", "end": "endcall",
        "sms": "send_sms", "keypad": "dtmf", "say_as": "spell",
    ]

    /// Everyday names of the background sounds (`cafe` is `coffee-shop`).
    public static let backgroundSoundAliases: [String: String] = [
        "cafe": "coffee-shop", "café": "coffee-shop", "coffee": "coffee-shop", "coffeeshop": "coffee-shop",
        "office": "office-ambience", "kitchen": "kitchen-noise", "chatter": "home-chatter", "home": "home-chatter",
        "vacuum": "vacuum-cleaner", "dog": "dog-barking", "baby": "baby-crying", "typing": "keyboard-typing",
        "keyboard": "keyboard-typing", "cough": "coughing", "printer": "background-printer", "quiet": "quiet-room",
        "ac": "air-conditioner", "aircon": "air-conditioner", "construction": "construction-site",
        "street": "busy-street", "traffic": "busy-street", "airport": "airport-boarding", "car": "inside-car",
        "train": "inside-train", "park": "public-park", "rain": "rain-thunder", "thunder": "rain-thunder",
        "wind": "windy-day", "mall": "shopping-mall", "stadium": "stadium-crowd", "crowd": "stadium-crowd",
        "hiss": "standard-hiss", "static": "static-radio", "radio": "static-radio", "fan": "fan-buzz",
        "ship": "ship-humming", "hold-music": "holding-on-song", "music": "holding-on-song", "station": "train-station",
    ]

    /// Other spellings of the voice providers.
    public static let voiceProviderAliases: [String: String] = [
        "elevenlabs": "11labs", "eleven_labs": "11labs", "eleven-labs": "11labs", "eleven": "11labs",
    ]

    /// The voice models the docs name, by provider; the first is the provider's default.
    public static let voiceModels: [String: [String]] = [
        "cartesia": ["sonic-3.5"],
        "11labs": ["eleven_turbo_v2_5", "eleven_flash_v2_5", "eleven_multilingual_v2"],
    ]

    /// Tag names, by their position in `all`.
    static let names: NameTable = {
        precondition(all.count <= 64, "tag positions are kept in an Int8 and in 64-bit sets")
        return NameTable(all.map(\.name))
    }()
    /// Every attribute name of the catalogue, once.
    package static let attributeNames = NameTable(all.flatMap { $0.attributes.map(\.name) }.reduce(into: [String]()) { names, name in
        if !names.contains(name) { names.append(name) }
    })

    public static func tag(_ name: String) -> TagFact? { position(of: name).map { all[$0] } }

    /// The tag's position in `all`: a small number a rule can keep per element.
    public static func position(of name: String) -> Int? { names.index(of: name) }

    /// Whether `<name …>` without a slash opens a block: block tags, `voice`,
    /// and unknown tags (which the rules flag); a known self-closing tag does not.
    public static func opensBlock(_ name: String) -> Bool { opensBlock(position: position(of: name)) }

    static func opensBlock(position: Int?) -> Bool { position.map { all[$0].form != .selfClosing } ?? true }
}
