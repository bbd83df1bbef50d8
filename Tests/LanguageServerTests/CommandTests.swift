import Foundation
import JSONSyntax
@testable import LanguageServer
import LanguageServerProtocol
import StandInSupport
import Testing

/// The API commands through the protocol, against the stand-in API: what is
/// sent, what the editor is shown, positions after emoji and CJK in UTF-8 and
/// UTF-16, cancellation, faults, and that the key appears nowhere.
@Suite(.serialized)
struct CommandTests {
    static let suiteURI = Samples.suiteURI
    static let evaluatorURI = "file:///work/project/refund.evaluator.json"
    /// The cursor is in the first case, after astral and CJK text.
    static let suitePrefix = #"{"version": "1", "suite": {"name": "Café ☕ 🚀 漢字"}, "scenarios": [{"name": "漢字 🎉 Refund", "#
    static let suite = suitePrefix
        + #""instructions": "Ask for a refund.", "metrics": ["expected_outcome"]}, {"name": "Hours", "instructions": "Ask about opening hours."}]}"#
    static let namePrefix = #"{"version": "1", "suite": {"name": "Café ☕ 🚀 漢字"}, "scenarios": [{"name": "#
    static let evaluator = #"{"agent": 12, "name": "Refund 🎉", "personality": 3, "scenario_language": "en", "instructions": "Ask for a refund.", "#
        + #""expected_outcome_prompt": "The agent refunds.", "tool_ids": ["TOOL_END_CALL", "TOOL_MYSTERY", "dtmf"], "metrics": [5], "folder_path": "Sales", "id": 39120}"#

    static let scenarios = "/test_framework/v1/scenarios/"

    @Test(arguments: [("utf-8", CommandClients.neovim), ("utf-16", CommandClients.vscode)])
    func runTextSendsTheCaseAndShowsTheOutcome(encoding: String, capabilities: JSONValue) async throws {
        let session = try await CommandSession.start(capabilities: capabilities)
        defer { Task { await session.stop() } }
        session.harness.open(Self.suiteURI, Self.suite)
        let id = session.execute("cekura.runText", CommandSession.argument(Self.suiteURI, Self.suitePrefix, encoding))
        let result = try #require(try await session.response(to: id)["result"])
        #expect(result["resultId"] == 88231)
        #expect(result["passed"] == true)
        #expect(result["summary"] == "passed 1 of 1 runs")
        #expect(result["cases"]?[0]?["name"] == "漢字 🎉 Refund")
        #expect(result["cases"]?[0]?["runs"]?[0]?["expectedOutcomeScore"] == .number(50))

        // One case sent as a text run, with the suite around it.
        let requests = try await session.standIn.requests()
        let start = try #require(requests.first { $0.method == "POST" })
        #expect(start.path == Self.scenarios + "run_scenarios_json/" && start.query.isEmpty)
        #expect(start.body?["channel"] == "text" && start.body?["agent_id"] == 12)
        #expect(start.body?["spec"]?["scenarios"]?.arrayValue?.count == 1)
        #expect(start.body?["spec"]?["scenarios"]?[0]?["name"] == "漢字 🎉 Refund")
        #expect(start.body?["spec"]?["suite"]?["name"] == "Café ☕ 🚀 漢字")
        #expect(start.headers["user-agent"] == "cekura-lsp/test")
        #expect(requests.contains { $0.path == "/test_framework/v1/runs/501877/" })

        // Progress on a token the client accepted, begun, reported, ended.
        let create = try #require(session.messages("window/workDoneProgress/create").first)
        let progress = session.messages("$/progress").filter { $0["params"]?["token"] == create["params"]?["token"] }
        #expect(progress.first?["params"]?["value"]?["kind"] == "begin")
        #expect(progress.first?["params"]?["value"]?["title"] == "Cekura: text run of “漢字 🎉 Refund”")
        #expect(progress.contains { $0["params"]?["value"]?["message"] == "queued" })
        #expect(progress.last?["params"]?["value"]?["kind"] == "end")

        // The report, opened; the summary; the verdict on the case's name.
        let shown = try #require(session.messages("window/showDocument").first?["params"])
        #expect(shown["takeFocus"] == true && shown["external"] == false)
        let report = try #require(shown["uri"]?.stringValue.flatMap(URL.init(string:)))
        #expect(report.path.hasPrefix(session.cache.path) && report.lastPathComponent == "result-88231.md")
        let markdown = try String(contentsOf: report, encoding: .utf8)
        #expect(markdown.contains("### Expected outcome: 50/100"))
        #expect(markdown.contains("- **not met**: The agent issues a refund, not store credit."))
        #expect(markdown.contains("| Caller mood | annoyed | Sighed twice. |"))
        #expect(markdown.contains("**Testing Agent:** Hi, my order arrived broken."))
        let message = try #require(session.messages("window/showMessage").last?["params"])
        #expect(message["type"] == 3)
        #expect(message["message"]?.stringValue?.hasPrefix("Cekura text run of “漢字 🎉 Refund”: passed 1 of 1 runs.") == true)

        let verdict = try #require(try await diagnostics(session, Self.suiteURI, capabilities).first { $0["code"] == "cekura-run" })
        #expect(verdict["severity"] == 3)
        #expect(verdict["range"]?["start"]?["character"] == .integer(Samples.column(Self.namePrefix, encoding)))
        #expect(!session.everythingWritten().contains(CommandSession.key))
    }

    @Test func aFailedRunIsAWarningWithWhatWasNotMet() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        try await session.standIn.faults(["method": "GET", "path": "/test_framework/v1/results/", "body": [
            "id": 88231, "status": "completed", "total_runs_count": "1", "success_runs_count": "0",
            "runs": ["501877": ["id": 501877, "status": "completed", "success": false]],
        ]])
        session.harness.open(Self.suiteURI, Self.suite)
        let id = session.execute("cekura.runText", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        let result = try #require(try await session.response(to: id)["result"])
        #expect(result["passed"] == false && result["cases"]?[0]?["passed"] == false)
        let verdict = try #require(try await diagnostics(session, Self.suiteURI, CommandClients.vscode).first { $0["code"] == "cekura-run" })
        #expect(verdict["severity"] == 2)
        let text = try #require(verdict["message"]?.stringValue)
        #expect(text.contains("failed, 0 of 1 runs passed (result 88231)"))
        #expect(text.contains("Expected outcome 50/100; not met: The agent issues a refund, not store credit."))
        #expect(session.messages("window/showMessage").last?["params"]?["type"] == 2)
    }

    @Test func anEvaluatorIsSentAsAOneCaseSpec() async throws {
        // No agent setting: the evaluator's own `agent` is used.
        let session = try await CommandSession.start(capabilities: CommandClients.emacs, agentID: nil)
        defer { Task { await session.stop() } }
        session.harness.open(Self.evaluatorURI, Self.evaluator)
        let id = session.execute("cekura.runText", CommandSession.argument(Self.evaluatorURI, "{", "utf-16"))
        let result = try #require(try await session.response(to: id)["result"])
        #expect(result["report"] != nil)
        let start = try #require(try await session.standIn.requests().first { $0.method == "POST" })
        #expect(start.body?["agent_id"] == 12)
        #expect(start.body?["spec"] == ["version": "1", "scenarios": [[
            "name": "Refund 🎉", "personality": 3, "language": "en", "instructions": "Ask for a refund.",
            "expected_outcome": "The agent refunds.", "tools": ["end_call", "dtmf"], "metrics": [5],
        ]]])
        // Emacs takes no `window/showDocument`: the report's path is in the summary.
        #expect(session.messages("window/showDocument").isEmpty)
        #expect(session.messages("window/showMessage").last?["params"]?["message"]?.stringValue?.contains("Report: ") == true)
    }

    @Test func theSavedEvaluatorRunsByItsID() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        session.harness.open(Self.evaluatorURI, Self.evaluator.replacingOccurrences(of: "39120", with: "39121"))
        let id = session.execute("cekura.runSavedText", CommandSession.argument(Self.evaluatorURI, "{", "utf-16"))
        #expect(try await session.response(to: id)["result"]?["resultId"] == 88231)
        let start = try #require(try await session.standIn.requests().first { $0.method == "POST" })
        #expect(start.path == Self.scenarios + "run_scenarios_text/")
        #expect(start.body?["scenarios"] == [39121] && start.body?["agent_id"] == 12)
    }

    @Test(arguments: ["utf-8", "utf-16"])
    func checkRemotePutsEachAPIProblemOnItsPlace(encoding: String) async throws {
        let session = try await CommandSession.start(capabilities: encoding == "utf-8" ? CommandClients.neovim : CommandClients.vscode)
        defer { Task { await session.stop() } }
        // The second case's unknown slug is `scenarios[0].metrics[0]` in the one-case spec sent.
        let prefix = #"{"version": "1", "scenarios": [{"name": "漢字", "instructions": "i"}, {"name": "🎉 Late", "instructions": "i", "metrics": ["#
        let text = prefix + #""greeting_by_nam"]}]}"#
        session.harness.open(Self.suiteURI, text)
        let id = session.execute("cekura.checkRemote", CommandSession.argument(Self.suiteURI, prefix, encoding))
        let result = try #require(try await session.response(to: id)["result"])
        #expect(result["valid"] == false)
        let problem = try #require(result["problems"]?[0])
        #expect(problem["path"] == "scenarios[0].metrics[0]")
        let column = Samples.column(prefix, encoding)
        #expect(problem["range"]?["start"]?["character"] == .integer(column))
        let sent = try #require(try await session.standIn.requests().first { $0.method == "POST" })
        #expect(sent.query == "dry_run=true" && sent.body?["spec"]?["scenarios"]?[0]?["name"] == "🎉 Late")
        let found = try await diagnostics(session, Self.suiteURI, encoding == "utf-8" ? CommandClients.neovim : CommandClients.vscode)
        let error = try #require(found.first { $0["code"] == "cekura-api" })
        #expect(error["severity"] == 1 && error["range"]?["start"]?["character"] == .integer(column))
        #expect(error["message"]?.stringValue?.contains("No metric with slug 'greeting_by_nam'") == true)
    }

    @Test func checkRemoteOfAValidEvaluatorGivesThePlan() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        session.harness.open(Self.evaluatorURI, Self.evaluator)
        let id = session.execute("cekura.checkRemote", CommandSession.argument(Self.evaluatorURI, "{", "utf-16"))
        let result = try #require(try await session.response(to: id)["result"])
        #expect(result["valid"] == true && result["plan"]?["totalRuns"] == 1)
        #expect(result["leftOut"] == ["tool_ids[1]", "folder_path", "id"])
        let message = try #require(session.messages("window/showMessage").last?["params"]?["message"]?.stringValue)
        #expect(message == "The Cekura API accepts “Refund 🎉”: 1 case, 1 run, estimated cost 0.35, project 742. "
            + "Not sent (a spec has no place for them): tool_ids[1], folder_path, id.")
        let hint = try #require(try await diagnostics(session, Self.evaluatorURI, CommandClients.vscode).first { $0["code"] == "cekura-plan" })
        #expect(hint["severity"] == 4)
        #expect(hint["message"] == "Cekura plans 1 run (instruction); personality: existing 3 “Normal Male”; test profile: none; metrics: 5.")
    }

    @Test(arguments: [false, true])
    func instructionsAreWrittenOnlyIntoTheVersionTheJobStartedFrom(editedMeanwhile: Bool) async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        if editedMeanwhile { try await session.standIn.control(["never_finish": true]) }
        session.harness.open(Self.suiteURI, Self.suite)
        let id = session.execute("cekura.improveInstructions", ["uri": .string(Self.suiteURI),
            "position": ["line": 0, "character": .integer(Samples.column(Self.suitePrefix, "utf-16"))], "feedback": "Sound impatient."])
        if editedMeanwhile {
            _ = try await session.harness.waitFor { $0["method"] == "$/progress" && $0["params"]?["value"]?["percentage"] == 50 }
            session.harness.change(Self.suiteURI, version: 2, [["text": .string(Self.suite + " ")]])
            session.harness.server.waitUntilIdle()
            try await session.standIn.control(["never_finish": false])
        }
        let result = try #require(try await session.response(to: id)["result"])
        #expect(result["instructions"] == "Ask for a refund. Mention order ORD-5512 and sound impatient.")
        let start = try #require(try await session.standIn.requests().first { $0.method == "POST" })
        #expect(start.path == Self.scenarios + "improve_instructions/")
        #expect(start.body == ["agent": 12, "extra_instructions": "Sound impatient.", "current_instructions": "Ask for a refund."])
        if editedMeanwhile {
            #expect(result["applied"] == false)
            #expect(session.messages("workspace/applyEdit").isEmpty)
            #expect(session.messages("window/showMessage").last?["params"]?["message"]?.stringValue?
                .hasPrefix("The document changed while Cekura wrote the instructions, so nothing was changed.") == true)
        } else {
            #expect(result["applied"] == true)
            let edit = try #require(session.messages("workspace/applyEdit").first?["params"]?["edit"]?["documentChanges"]?[0])
            #expect(edit["textDocument"]?["version"] == 1)
            let applied = try LSPEdits.apply(edit["edits"], to: Self.suite, encoding: .utf16)
            #expect(applied == Self.suite.replacingOccurrences(of: #""Ask for a refund.""#,
                                                               with: #""Ask for a refund. Mention order ORD-5512 and sound impatient.""#))
        }
    }

    @Test func generationAddsInstructionsToACaseWithout() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        let text = #"{"version": "1", "scenarios": [{"name": "漢字", "expected_outcome": "The agent refunds."}]}"#
        session.harness.open(Self.suiteURI, text)
        let id = session.execute("cekura.generateInstructions", CommandSession.argument(Self.suiteURI, #"{"version": "1", "scenarios": [{"#, "utf-16"))
        #expect(try await session.response(to: id)["result"]?["applied"] == true)
        let start = try #require(try await session.standIn.requests().first { $0.method == "POST" })
        #expect(start.body == ["agent_id": 12, "extra_instructions": "Write the caller's instructions for the scenario “漢字”.\nExpected outcome: The agent refunds."])
        let edit = try #require(session.messages("workspace/applyEdit").first?["params"]?["edit"]?["documentChanges"]?[0])
        #expect(try LSPEdits.apply(edit["edits"], to: text, encoding: .utf16)
            == #"{"version": "1", "scenarios": [{"name": "漢字", "expected_outcome": "The agent refunds.", "instructions": "Mention order ORD-5512 and sound impatient."}]}"#)
    }

    @Test(arguments: ["$/cancelRequest", "window/workDoneProgress/cancel"])
    func cancellingStopsPollingAndOffersToEndTheCalls(how: String) async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        try await session.standIn.control(["never_finish": true])
        session.reply("window/showMessageRequest", with: ["title": "End the calls"])
        session.harness.open(Self.suiteURI, Self.suite)
        let id = session.execute("cekura.runText", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        let create = try await session.harness.waitFor { $0["method"] == "window/workDoneProgress/create" }
        _ = try await session.harness.waitFor { $0["method"] == "$/progress" && $0["params"]?["value"]?["message"]?.stringValue?.hasPrefix("running") == true }
        if how == "$/cancelRequest" {
            session.harness.notify(how, ["id": .integer(id)])
        } else {
            session.harness.notify(how, ["token": try #require(create["params"]?["token"])])
        }
        #expect(try await session.response(to: id)["error"]?["code"] == -32800)
        let offer = try await session.harness.waitFor { $0["method"] == "window/showMessageRequest" }
        #expect(offer["params"]?["message"]?.stringValue?.contains("result 88231") == true)
        _ = try await session.harness.waitFor { $0["params"]?["message"] == "Ended the calls of result 88231." }
        let requests = try await session.standIn.requests()
        #expect(requests.contains { $0.method == "POST" && $0.path == "/test_framework/v1/results/88231/end_calls/" })
        // Polling stopped: no poll after the ending.
        let polls = requests.filter { $0.method == "GET" && $0.path == "/test_framework/v1/results/88231/" }.count
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await session.standIn.requests().filter { $0.method == "GET" && $0.path == "/test_framework/v1/results/88231/" }.count == polls)
        #expect(session.messages("$/progress").last?["params"]?["value"]?["kind"] == "end")
    }

    @Test(arguments: [
        // Each fault and the message the command fails with.
        (["status": 500, "body": ["detail": "boom"]] as JSONValue, "not answering properly (HTTP 500)"),
        (["status": 429, "headers": ["Retry-After": "120"]] as JSONValue, "rate limiting this key; try again in 120 s"),
        (["malformed": true] as JSONValue, "cannot read"),
        (["status": 403, "body": ["detail": "Not yours."]] as JSONValue, "refused access with an API key from CEKURA_API_KEY (HTTP 403: Not yours.)"),
        (["status": 400, "body": ["Agent does not have a websocket URL"]] as JSONValue, "Agent 12 cannot run text scenarios"),
    ])
    func aFaultOnStartingFailsTheCommandWithItsMessage(fault: JSONValue, message: String) async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        guard case .object(var members) = fault else { return }
        members += [("method", "POST"), ("path", .string(Self.scenarios + "run_scenarios_json/"))]
        try await session.standIn.faults(.object(members))
        session.harness.open(Self.suiteURI, Self.suite)
        let id = session.execute("cekura.runText", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        let error = try #require(try await session.response(to: id)["error"])
        #expect(error["code"] == -32803)
        #expect(error["message"]?.stringValue?.contains(message) == true, "\(error)")
        // A run start is never sent twice.
        #expect(try await session.standIn.requests().filter { $0.method == "POST" }.count == 1)
        #expect(!session.everythingWritten().contains(CommandSession.key))
    }

    @Test func aRejectedKeyNamesWhereItCameFromNeverItself() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        try await session.standIn.control(["api_key": "another"])
        session.harness.open(Self.suiteURI, Self.suite)
        let id = session.execute("cekura.checkRemote", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        let message = try #require(try await session.response(to: id)["error"]?["message"]?.stringValue)
        #expect(message.hasPrefix("The Cekura API rejected an API key from CEKURA_API_KEY (HTTP 401: Invalid API key.)"))
        #expect(!session.everythingWritten().contains(CommandSession.key))
    }

    @Test func withoutKeyOrAgentNothingIsSentAndTheUserIsToldHowToSetThem() async throws {
        let keyless = try await CommandSession.start(capabilities: CommandClients.vscode, key: nil)
        defer { Task { await keyless.stop() } }
        keyless.harness.open(Self.suiteURI, Self.suite)
        let noKey = keyless.execute("cekura.runText", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        #expect(try await keyless.response(to: noKey)["error"]?["message"]?.stringValue?.hasPrefix("No Cekura API key. Set CEKURA_API_KEY") == true)
        #expect(try await keyless.standIn.requests().isEmpty)

        let agentless = try await CommandSession.start(capabilities: CommandClients.vscode, agentID: nil)
        defer { Task { await agentless.stop() } }
        agentless.harness.open(Self.suiteURI, Self.suite)
        let noAgent = agentless.execute("cekura.runText", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        #expect(try await agentless.response(to: noAgent)["error"]?["message"]?.stringValue?
            .hasPrefix("No agent to run against: set `agentId` in the cekura settings") == true)
        #expect(try await agentless.standIn.requests().allSatisfy { $0.method == "GET" }, "only catalog reads")
    }

    @Test func aHalfTypedFileIsNotSentButStillHasLenses() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        let text = #"{"version": "1", "scenarios": [{"name": "漢字 🎉", "instructions": "i",, "#
        session.harness.open(Self.suiteURI, text)
        let id = session.execute("cekura.checkRemote", CommandSession.argument(Self.suiteURI, #"{"version": "1", "scenarios": [{"#, "utf-16"))
        #expect(try await session.response(to: id)["error"]?["message"]
            == "The file has JSON syntax errors; fix them before sending it to Cekura.")
        #expect(try await session.standIn.requests().allSatisfy { $0.method == "GET" })
        let lenses = try await session.response(to: session.harness.sendRequest("textDocument/codeLens", ["textDocument": ["uri": .string(Self.suiteURI)]]))
        #expect(lenses["result"]?.arrayValue?.isEmpty == false)
    }

    @Test func badArgumentsAreInvalidParams() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        session.harness.open(Self.suiteURI, Self.suite)
        let unknown = session.harness.sendRequest("workspace/executeCommand", ["command": "cekura.nope", "arguments": []])
        #expect(try await session.response(to: unknown)["error"]?["code"] == -32602)
        let noPosition = session.execute("cekura.runText", ["uri": .string(Self.suiteURI)])
        #expect(try await session.response(to: noPosition)["error"]?["code"] == -32602)
        let noFeedback = session.execute("cekura.improveInstructions", CommandSession.argument(Self.suiteURI, Self.suitePrefix, "utf-16"))
        #expect(try await session.response(to: noFeedback)["error"]?["code"] == -32602)
        let closed = session.execute("cekura.runText", CommandSession.argument("file:///nowhere.json", "", "utf-16"))
        #expect(try await session.response(to: closed)["error"]?["code"] == -32602)
    }

    @Test func capabilitiesAnnounceTheCommandsAndLenses() throws {
        let harness = ServerHarness()
        let result = try harness.initialize(capabilities: Clients.bare)
        #expect(result["capabilities"]?["executeCommandProvider"]?["commands"] == [
            "cekura.runText", "cekura.runSavedText", "cekura.checkRemote", "cekura.generateInstructions", "cekura.improveInstructions",
            "cekura.refreshCatalogs",
        ])
        #expect(result["capabilities"]?["codeLensProvider"] == ["resolveProvider": false])
    }

    @Test(arguments: [("utf-8", Clients.neovim), ("utf-16", Clients.vscode)])
    func lensesStandAboveTheSuiteEachCaseAndAnEvaluator(encoding: String, capabilities: JSONValue) throws {
        let harness = ServerHarness()
        try harness.initialize(capabilities: capabilities)
        harness.open(Self.suiteURI, Self.suite)
        let lenses = try #require(try harness.request("textDocument/codeLens", ["textDocument": ["uri": .string(Self.suiteURI)]])["result"]?.arrayValue)
        let titled = lenses.map { "\($0["range"]?["start"]?["character"]?.intValue ?? -1) \($0["command"]?["command"]?.stringValue ?? "")" }
        let scenarios = Samples.column(#"{"version": "1", "suite": {"name": "Café ☕ 🚀 漢字"}, "#, encoding)
        let first = Samples.column(#"{"version": "1", "suite": {"name": "Café ☕ 🚀 漢字"}, "scenarios": ["#, encoding)
        #expect(titled.prefix(5) == ["\(scenarios) cekura.runText", "\(scenarios) cekura.checkRemote", "\(first) cekura.runText",
                                     "\(first) cekura.checkRemote", "\(first) cekura.generateInstructions"])
        #expect(lenses[2]["command"]?["arguments"]?[0]?["position"]?["character"] == .integer(first))
        #expect(lenses.allSatisfy { $0["command"]?["command"] != "cekura.improveInstructions" })
    }

    @Test func catalogsCompleteHoverAndCheckOnceRead() async throws {
        let session = try await CommandSession.start(capabilities: CommandClients.vscode)
        defer { Task { await session.stop() } }
        let prefix = #"{"version": "1", "scenarios": [{"name": "漢字 🎉", "instructions": "i", "metrics": ["greeting_by_nam"], "personality": "#
        let text = prefix + "693}]}"
        session.harness.open(Self.suiteURI, text)
        let pushed = try await session.harness.waitFor(seconds: 10) { message in
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == "metric-not-found" } == true
        }
        let unknown = try #require(pushed["params"]?["diagnostics"]?.arrayValue?.first { $0["code"] == "metric-not-found" })
        #expect(unknown["message"]?.stringValue?.contains("did you mean `greeting_by_name`?") == true)
        let position: JSONValue = ["line": 0, "character": .integer(Samples.column(prefix, "utf-16") + 1)]
        let hover = try session.harness.request("textDocument/hover", ["textDocument": ["uri": .string(Self.suiteURI)], "position": position])
        #expect(hover["result"]?["contents"]?.stringValue?.hasPrefix("**Normal Male** — personality 693\n\nEnglish (en) · American · 11labs") == true)
        let completion = try session.harness.request("textDocument/completion", ["textDocument": ["uri": .string(Self.suiteURI)], "position": position])
        let german = try #require(completion["result"]?["items"]?.arrayValue?.first { $0["label"] == "Geduldige Kundin" })
        #expect(german["textEdit"]?["newText"] == "812" && german["detail"] == "German (de) · German · 11labs · eleven_multilingual_v2")
        // Reads only, each once; and on disk for the next start, without the key.
        let reads = try await session.standIn.requests()
        #expect(reads.allSatisfy { $0.method == "GET" })
        #expect(Set(reads.map(\.path)).count == reads.count)
        #expect(!session.everythingWritten().contains(CommandSession.key))
    }

    @Test func catalogsAreReadAgainOnceTheyAreOlderThanTheCacheKeepsThem() {
        var state = APIState()
        let now = Date()
        #expect(state.catalogsDue(now: now, timeToLive: .seconds(600)))
        state.catalogLoad = .loading
        #expect(!state.catalogsDue(now: now, timeToLive: .seconds(600)))
        state.catalogLoad = .loaded(at: now.addingTimeInterval(-599))
        #expect(!state.catalogsDue(now: now, timeToLive: .seconds(600)))
        state.catalogLoad = .loaded(at: now.addingTimeInterval(-601))
        #expect(state.catalogsDue(now: now, timeToLive: .seconds(600)))
    }

    /// Diagnostics of a document as the client gets them: pulled or pushed.
    private func diagnostics(_ session: CommandSession, _ uri: String, _ capabilities: JSONValue) async throws -> [JSONValue] {
        if capabilities["textDocument"]?["diagnostic"] != nil {
            let id = session.harness.sendRequest("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
            return try await session.response(to: id)["result"]?["items"]?.arrayValue ?? []
        }
        let published = try await session.harness.waitFor { message in
            message["method"] == "textDocument/publishDiagnostics" && message["params"]?["uri"] == .string(uri)
                && message["params"]?["diagnostics"]?.arrayValue?.contains { ($0["code"]?.stringValue ?? "").hasPrefix("cekura-") } == true
        }
        return published["params"]?["diagnostics"]?.arrayValue ?? []
    }
}
