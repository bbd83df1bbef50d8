import CekuraAPI
import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import Testing

/// Settings from `initializationOptions`, `workspace/configuration` and
/// `didChangeConfiguration`; file associations; the API key never echoed.
struct SettingsTests {
    @Test func settingsAreReadAndBadValuesRefused() {
        var settings = ServerSettings()
        let problems = settings.apply(["cekura": [
            "apiUrl": "https://staging.cekura.ai/", "agentId": 12, "projectId": "7", "diagnostics": ["debounceMs": -5],
            "trace": "verbose", "files": ["scenarios/**/*.json": "evaluator", "vendor/**": "ignore"], "apiKey": "sk-secret-123",
        ]])
        #expect(settings.apiURL == "https://staging.cekura.ai")
        #expect(settings.agentID == 12)
        #expect(settings.projectID == 7)
        #expect(settings.debounceMilliseconds == 50)
        #expect(problems == ["setting cekura.diagnostics.debounceMs must be a whole number of milliseconds from 0 to 10000; it is ignored"])
        #expect(settings.trace == .verbose)
        #expect(settings.files.map(\.kindName) == ["evaluator", "ignore"])
        #expect(!settings.description.contains("sk-secret-123"))
        #expect(settings.description.contains("apiKey set"))
    }

    @Test(arguments: [
        ("*.scenario.json", "/a/b/x.scenario.json", true),
        ("*.scenario.json", "/a/b/x.json", false),
        ("scenarios/*.json", "/home/me/p/scenarios/a.json", true),
        ("scenarios/*.json", "/home/me/p/scenarios/deep/a.json", false),
        ("scenarios/**/*.json", "/home/me/p/scenarios/deep/er/a.json", true),
        ("scenarios/**/*.json", "/home/me/p/scenarios/a.json", true),
        ("/srv/*/cekura/?.json", "/srv/x/cekura/a.json", true),
        ("/srv/*/cekura/?.json", "/srv/x/cekura/ab.json", false),
        ("vendor/**", "/p/vendor/lib/a.json", true),
        ("données/*.json", "/p/données/é.json", true),
    ])
    func globsMatchPaths(pattern: String, path: String, matches: Bool) throws {
        let association = try #require(FileAssociation(pattern: pattern, kindName: "evaluator"))
        #expect(association.matches(path: path) == matches)
    }

    @Test func associationMakesAFileAScenarioAndIgnoreSilencesOne() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.bare, options: ["cekura": [
            "diagnostics": ["debounceMs": 0],
            "files": ["flows/*.json": "conditional-actions", "legacy/**": "ignore"],
        ]])
        // Not recognisable by name or shape, but associated: checked as a script.
        harness.open("file:///p/flows/intake.json", #"{"conditions": []}"#)
        let flow = try harness.publishedDiagnostics("file:///p/flows/intake.json")
        #expect(flow["diagnostics"]?.arrayValue?.contains { $0["code"] == "conditions-missing" } == true)
        // A suite by name, but ignored by the user.
        harness.open("file:///p/legacy/cekura.tests.json", Samples.badSuite)
        let legacy = try harness.publishedDiagnostics("file:///p/legacy/cekura.tests.json")
        #expect(legacy["diagnostics"] == [])
    }

    @Test func configurationIsPulledAfterInitializedAndOnChange() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.vscode)
        let ask = try harness.waitFor { $0["method"] == "workspace/configuration" }
        #expect(ask["params"]?["items"] == [["section": "cekura"]])
        harness.send(["jsonrpc": "2.0", "id": try #require(ask["id"]), "result": [["diagnostics": ["debounceMs": 0], "agentId": 5]]])
        harness.server.waitUntilIdle()
        #expect(harness.server.stateQueue.sync { harness.server.settings.agentID } == 5)
        harness.notify("workspace/didChangeConfiguration", ["settings": nil])
        _ = try harness.waitFor { _ in harness.messages("workspace/configuration").count == 2 }
        #expect(harness.messages("workspace/configuration")[1]["id"] != ask["id"])
    }

    @Test func clientWithoutConfigurationPushesItsSettings() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.bare)
        harness.notify("workspace/didChangeConfiguration", ["settings": ["cekura": ["projectId": 99]]])
        harness.server.waitUntilIdle()
        #expect(harness.server.stateQueue.sync { harness.server.settings.projectID } == 99)
        #expect(harness.messages("workspace/configuration").isEmpty)
    }

    @Test func apiKeyNeverAppearsInLogsOrTraces() throws {
        let harness = ServerHarness()
        let secret = "sk-live-0123456789abcdef"
        try harness.initialize(capabilities: Clients.bare, options: ["apiKey": .string(secret), "trace": "verbose"])
        harness.notify("workspace/didChangeConfiguration", ["settings": ["cekura": ["apiKey": .string(secret + "x"), "trace": "verbose"]]])
        harness.server.waitUntilIdle()
        #expect(harness.server.stateQueue.sync { harness.server.settings.apiKey } == secret + "x")
        #expect(!harness.standardError.contains(secret))
        for message in harness.sink.all { #expect(!message.serialized.contains(secret)) }
        #expect(!harness.messages("$/logTrace").isEmpty, "verbose tracing was on")
    }

    @Test func apiKeyComesFromTheEnvironmentAndOnlyItsSourceIsLogged() throws {
        let secret = "ck_env_0123456789"
        let harness = ServerHarness(environment: ["HOME": "/nonexistent", "CEKURA_API_KEY": secret])
        try harness.initialize(capabilities: Clients.bare)
        harness.server.waitUntilIdle()
        #expect(harness.server.stateQueue.sync { harness.server.credentials?.apiKey } == secret)
        #expect(harness.standardError.contains("using an API key from CEKURA_API_KEY"))
        #expect(!harness.standardError.contains(secret))
        // A key in the settings comes first.
        harness.notify("workspace/didChangeConfiguration", ["settings": ["cekura": ["apiKey": "ck_setting_key"]]])
        harness.server.waitUntilIdle()
        #expect(harness.server.stateQueue.sync { harness.server.credentials?.source } == .setting)
        #expect(!harness.standardError.contains("ck_setting_key"))
    }

    @Test func setTraceTurnsTracingOnAndOff() throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: Clients.bare)
        harness.notify("$/setTrace", ["value": "messages"])
        _ = try harness.request("custom/x")
        let traces = harness.messages("$/logTrace")
        #expect(traces.contains { $0["params"]?["message"]?.stringValue?.contains("custom/x") == true })
        #expect(traces.allSatisfy { $0["params"]?["verbose"] == nil })
        harness.notify("$/setTrace", ["value": "off"])
        harness.server.waitUntilIdle()
        let count = harness.messages("$/logTrace").count
        _ = try harness.request("custom/y")
        #expect(harness.messages("$/logTrace").count == count)
    }
}
