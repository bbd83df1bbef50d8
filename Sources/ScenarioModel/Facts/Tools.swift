/// Testing-agent tools under their three spellings (scenario-format.md §2.3).
public enum Tools {
    /// The closed enum of a suite case's `tools`.
    public static let suite: [EnumValue] = [
        EnumValue("call_hold", "The simulated caller can put the agent on hold."),
        EnumValue("dtmf", "The simulated caller can press keypad digits (`<dtmf>` tags)."),
        EnumValue("end_call", "The simulated caller can hang up (`<endcall />`)."),
        EnumValue("end_call_only_on_transfer", "The simulated caller hangs up only when the agent transfers the call."),
        EnumValue("receive_dtmf", "Conditions can see the digits the agent presses."),
        EnumValue("send_sms", "The simulated caller can send a text message during the call."),
    ]

    /// REST `tool_ids` of an evaluator body that the API's own examples use.
    public static let evaluatorIDs: [EnumValue] = [
        EnumValue("TOOL_END_CALL", "The simulated caller can hang up (`<endcall />`)."),
        EnumValue("TOOL_END_CALL_ONLY_ON_TRANSFER", "Use instead of `TOOL_END_CALL` when the expected outcome is a transfer."),
        EnumValue("TOOL_DTMF", "The simulated caller can press keypad digits (`<dtmf>` tags)."),
    ]

    /// The official CLI's lowercase ids, with the REST spelling where one is known.
    public static let cliSpellings: [String: String?] = [
        "end_call": "TOOL_END_CALL",
        "end_call_only_on_transfer": "TOOL_END_CALL_ONLY_ON_TRANSFER",
        "dtmf": "TOOL_DTMF",
        "receive_dtmf": nil,
        "send_sms_tool_call": nil,
    ]

    /// Evaluator tool ids, in the REST and the CLI spelling, with the suite
    /// `tools` name of the same tool (§2.3); call hold has no evaluator id.
    public static let suiteNamesOfEvaluatorIDs: [String: String] = [
        "TOOL_END_CALL": "end_call", "end_call": "end_call",
        "TOOL_END_CALL_ONLY_ON_TRANSFER": "end_call_only_on_transfer", "end_call_only_on_transfer": "end_call_only_on_transfer",
        "TOOL_DTMF": "dtmf", "dtmf": "dtmf",
        "receive_dtmf": "receive_dtmf",
        "send_sms_tool_call": "send_sms",
    ]
}
