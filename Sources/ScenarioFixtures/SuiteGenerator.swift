/// Builds a deterministic test-suite spec that looks like a real team's file:
/// 200 cases, half of them conditional-action scripts with tags, placeholders
/// and followups, long instructions, and some text outside ASCII (accents, CJK,
/// emoji, escaped quotes and newlines).
public struct SuiteGenerator: Sendable {
    private var random: SplitMix64

    public init(seed: UInt64 = 0xCE4A) { random = SplitMix64(seed: seed) }

    static let callers = ["Ana Ruiz", "José Müller", "王芳", "Priya Natarajan", "Chloé Dubois", "Kwame Mensah", "佐藤 花子"]
    static let goals = [
        "refill a prescription", "move a dental cleaning to next week", "dispute a charge on the last invoice",
        "ask for the opening hours on Sunday", "cancel a subscription without a retention offer",
        "report a lost card 💳 and order a new one", "book a table for four at 7 pm",
    ]
    static let agentSteps = [
        "The agent asks for your date of birth", "The agent offers two appointment times",
        "The agent asks you to confirm your address", "The agent reads out the menu options",
        "The agent asks why you are calling", "The agent puts you on hold",
        "The agent confirms the change", "The agent asks for the last four digits of your card",
    ]
    static let actions = [
        #"Give your date of birth: {{test_profile.date_of_birth}}"#,
        #"Let me check my calendar <silence time=\"1.5s\" /> the second one works."#,
        #"Hmm [laughter] sure, it's {{test_profile.address}}."#,
        #"<dtmf digits=\"3\" />"#,
        #"I'd like to {{test_profile.goal}}, s'il vous plaît."#,
        #"Okay <silence time=\"4s\" /> are you still there?"#,
        #"Perfect, thank you so much! 谢谢 <endcall />"#,
        #"It ends in {{test_profile.card_last4}} \u2014 the \"Gold\" card."#,
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    public mutating func suite(cases: Int = 200) -> String {
        var out = #"{"# + "\n"
        out += #"  "$schema": "https://docs.cekura.ai/schemas/test-suite/v1.json","# + "\n"
        out += #"  "version": "1","# + "\n"
        out += #"  "suite": {"name": "Pharmacy line — nightly", "description": "Generated for benchmarks"},"# + "\n"
        out += #"  "defaults": {"language": "en", "personality": 3, "metrics": ["expected_outcome"], "max_duration": 300, "tags": ["nightly"]},"# + "\n"
        out += #"  "scenarios": ["# + "\n"
        for index in 0..<cases {
            out += index % 2 == 0 ? scriptCase(index) : instructionCase(index)
            out += index == cases - 1 ? "\n" : ",\n"
        }
        out += "  ]\n}\n"
        return out
    }

    private mutating func instructionCase(_ index: Int) -> String {
        let caller = pick(Self.callers), goal = pick(Self.goals)
        var instructions = "You are \(caller). You call to \(goal)."
        for _ in 0..<33 {
            instructions += #"\nIf the agent asks \"can I help with anything else?\", say no and mention {{test_profile.rx_number}}; "#
            instructions += "stay polite, answer only what is asked, and never volunteer your account number."
        }
        return """
            {
              "key": "case_\(index)",
              "name": "\(goal.prefix(60)) #\(index)",
              "instructions": "\(instructions)",
              "expected_outcome": "The agent helps \(caller) \(goal) and confirms it.\\nThe agent never asks for the full card number.",
              "metrics": ["tool_call_success", \(index % 7 + 1)],
              "test_profile": {"agent_variables": {"patient_id": "P-\(2200 + index)"}, "caller_variables": {"caller_name": "\(caller)", "rx_number": "RX-\(88000 + index)"}},
              "tools": ["end_call"],
              "frequency": \(index % 3 + 1)
            }
        """
    }

    /// Actions of the script-heavy suite: every kind of tag and placeholder,
    /// each valid (the keys are in the case's `caller_variables`, the function
    /// is declared with a default for its output).
    static let richActions = [
        #"Let me look <silence time=\"2s\" /> it's <spell>{{test_profile.postcode}}</spell>, okay?"#,
        #"<speed ratio=\"1.15\" />Sorry, I'm in a hurry — can we be quick? [sigh]"#,
        #"<ignore_interruptions>Please let me finish: my card ending {{test_profile.card_last4}} was charged twice.</ignore_interruptions> Can you fix that?"#,
        #"One moment. <function name=\"lookup\" /> It says it was due {{function.lookup.eta}}."#,
        #"<background_noise sound=\"coffee-shop\">I'm at a café, sorry for the noise — 我在咖啡馆。</background_noise>"#,
        #"<dtmf digits=\"{{test_profile.account_pin}}\" /> That's my PIN."#,
        #"<voice provider=\"cartesia\" id=\"0b5f6e2c-7d1a-4c3e-9a8b-2f4d6c8e0a1b\">It's his wife here. <silence time=\"1s\" /> He stepped out.</voice>"#,
        #"Hmm [laughter] sure, it's {{test_profile.address}} — the one with the blue door."#,
    ]

    /// A suite of conditional-action scripts only, about 1 MB at 200 cases.
    public mutating func scriptSuite(cases: Int = 200) -> String {
        var out = #"{"# + "\n"
        out += #"  "$schema": "https://docs.cekura.ai/schemas/test-suite/v1.json","# + "\n"
        out += #"  "version": "1","# + "\n"
        out += #"  "suite": {"name": "Scripted calls — nightly", "description": "Generated for benchmarks"},"# + "\n"
        out += #"  "defaults": {"language": "en", "personality": 3, "max_duration": 300},"# + "\n"
        out += #"  "scenarios": ["# + "\n"
        for index in 0..<cases {
            out += scriptCase(index, conditions: 15, actions: Self.richActions, withFunctions: true)
            out += index == cases - 1 ? "\n" : ",\n"
        }
        out += "  ]\n}\n"
        return out
    }

    /// A script whose last condition ends the call, whose followups each point
    /// at the condition before them, whose function (if any) a tag runs, and
    /// whose actions are fixed messages whenever they hold tags, so the script
    /// checks clean.
    private mutating func scriptCase(_ index: Int, conditions count: Int = 13, actions: [String] = Self.actions,
                                     withFunctions: Bool = false) -> String {
        var conditions = [#"          {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, I need some help.", "type": "standard", "fixed_message": true}"#]
        for id in 1..<count {
            var action = id == count - 1 ? "Perfect, thank you so much! 谢谢 <endcall />" : pick(actions)
            // The function has `auto_run: false`: an early action runs it, so it is never unused.
            if withFunctions, id == 1 { action = Self.richActions[3] }
            let fixed = action.contains("<") || action.contains("{{function.") || id % 3 == 0
            if id % 4 == 0, id != count - 1 {
                conditions.append(#"          {"id": \#(id), "condition": \#(id - 1), "action": "\#(action)", "type": "action_followup", "fixed_message": \#(fixed)}"#)
            } else {
                conditions.append(#"          {"id": \#(id), "condition": "\#(pick(Self.agentSteps)) (step \#(id)), and then waits for your answer before going on", "action": "\#(action)", "type": "standard", "fixed_message": \#(fixed)}"#)
            }
        }
        let functions = withFunctions ? #"""
                "functions": [
                  {"name": "lookup", "type": "rest_api", "auto_run": false, "config": {"method": "GET", "url": "https://api.example.com/parcels/{{test_profile.postcode}}", "timeout_seconds": 5, "response_mapping": {"eta": {"path": "$.delivery.eta", "default": "soon"}}}}
                ],

        """# : ""
        let testProfile = withFunctions
            ? #"      "test_profile": {"caller_variables": {"postcode": "SW1A 1AA", "card_last4": "4242", "account_pin": "1234", "address": "12 Rue de Rivoli"}},"# + "\n"
            : ""
        return """
            {
              "key": "script_\(index)",
              "name": "Scripted call \(index): \(pick(Self.goals).prefix(50))",
              "type": "conditional_actions",
              "language": "\(pick(["en", "fr", "de", "ja", "es"]))",
              "personality": {"base": 3, "speed": 1.1, "background_noise": "office"},
        \(testProfile)      "conditional_actions": {
                "role": "You are \(pick(Self.callers)), a caller who wants to \(pick(Self.goals))",
        \(functions)        "conditions": [
        \(conditions.joined(separator: ",\n"))
                ]
              },
              "tools": ["dtmf", "end_call"]
            }
        """
    }
}
