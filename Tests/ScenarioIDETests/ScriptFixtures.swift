/// Documents holding a script, for the action and condition fixtures: the
/// same script standalone, in a suite case and inside an evaluator's
/// `instructions` string.
enum ScriptFixtures {
    static let functions = #"[{"name": "parcel", "type": "rest_api", "auto_run": false, "config": {"method": "GET", "url": "https://api.example.com/parcels", "response_mapping": {"eta": {"path": "$.delivery.eta", "default": "soon"}, "hub": "$.route[-1].hub"}}}]"#

    /// A standalone script whose second condition (id 1, fixed) has `action`
    /// (JSON source, `$0` marks the cursor); `type` is that condition's type.
    static func script(_ action: String, type: String = "standard") -> String {
        #"{"role": "caller", "functions": \#(functions), "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true}, {"id": 1, "condition": "The agent asks", "action": "\#(action)", "type": "\#(type)", "fixed_message": true}]}"#
    }

    /// A suite case with inline test data, whose script's second condition has `action`.
    static func suite(_ action: String, profile: String = defaultProfile, defaults: String = "{}") -> String {
        #"{"version": "1", "defaults": \#(defaults), "scenarios": [{"name": "a", "type": "conditional_actions", "language": "en"\#(profile), "conditional_actions": {"role": "r", "functions": \#(functions), "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": true}, {"id": 1, "condition": "The agent asks", "action": "\#(action)", "type": "standard", "fixed_message": true}]}}]}"#
    }

    static let defaultProfile = #", "test_profile": {"caller_variables": {"account_id": "A-1", "address": {"city": "Lyon"}}, "agent_variables": {"plan": "gold"}}"#

    /// An evaluator whose `instructions` hold `script` as a JSON string
    /// (`script` is the inner JSON, escaped once more here).
    static func evaluator(_ script: String) -> String {
        let escaped = script.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: #"""#, with: #"\""#)
        return #"{"name": "Café ☕", "scenario_type": "conditional_actions", "instructions": "\#(escaped)"}"#
    }

    static let scriptFile = "flow.cekura.json"
    static let evaluatorFile = "refund.scenario.json"
}
