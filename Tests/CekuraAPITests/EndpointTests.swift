import CekuraAPI
import JSONSyntax
import StandInSupport
import Testing

/// Each endpoint against the stand-in: what is sent, and how the answer is read.
struct EndpointTests {
    static let spec: JSONValue = ["version": "1", "name": "Refunds",
                                  "scenarios": [["name": "Refund", "instructions": "Ask for a refund.", "personality": 3, "metrics": [5]],
                                                ["name": "Hours", "instructions": "Ask when you open.", "frequency": 2]]]

    @Test func creatingAClientSendsNothing() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        #expect(client.cachedCatalog(.personalities()) == nil)
        #expect(try await api.requests().isEmpty)
    }

    @Test func dryRunPlansTheSpecWithHeadersAndBody() async throws {
        let api = try await StandIn.start()
        let plan = try await api.client().planSpec(SpecRun(spec: Self.spec, agentID: 12, channel: "text", frequency: 2))
        #expect(plan.agentID == 12 && plan.projectID == 742 && plan.channel == "text")
        #expect(plan.suiteName == "Refunds" && plan.scenarioCount == 2 && plan.totalRuns == 6 && plan.estimatedCost == 2.1)
        #expect(plan.scenarios.map(\.key) == ["refund", "hours"])
        #expect(plan.scenarios[0].personalityMode == "existing" && plan.scenarios[0].personalityID == 3
            && plan.scenarios[0].personalityName == "Normal Male")
        #expect(plan.scenarios[0].metricIDs == [5] && plan.scenarios[1].personalityMode == "project_default")
        #expect(plan.scenarios[1].frequency == 4)

        let sent = try #require(try await api.requests().first)
        #expect(sent.method == "POST" && sent.path == "/test_framework/v1/scenarios/run_scenarios_json/" && sent.query == "dry_run=true")
        #expect(sent.headers["x-cekura-api-key"] == StandIn.apiKey)
        #expect(sent.headers["content-type"] == "application/json" && sent.headers["accept"] == "application/json")
        #expect(sent.headers["user-agent"] == "cekura-lsp/test")
        #expect(sent.body == ["agent_id": 12, "spec": Self.spec, "channel": "text", "frequency": 2])
    }

    @Test func invalidSpecErrorsComeWithTheirPaths() async throws {
        let api = try await StandIn.start()
        let broken: JSONValue = ["scenarios": [["name": "A", "instructions": "x"],
                                               ["name": "B", "metrics": [5, "greeting_by_nam"], "personality": ["voice_model": "nope"]]]]
        let expected: [JSONPath] = [JSONPath([.key("scenarios"), .index(1), .key("instructions")]),
                                    JSONPath([.key("scenarios"), .index(1), .key("metrics"), .index(1)]),
                                    JSONPath([.key("scenarios"), .index(1), .key("personality"), .key("voice_model")])]
        let client = api.client()
        let refused = await failure { try await client.planSpec(SpecRun(spec: broken, agentID: 12)) }
        guard case .validation(let problems)? = refused else {
            Issue.record("a 400 should be a validation error")
            return
        }
        #expect(problems.problems.map(\.path) == expected)
        #expect(problems.problems[1].message.hasPrefix("No metric with slug 'greeting_by_nam'"))

        // The same errors in a 200 that says the spec is not valid.
        try await api.control(["invalid_dry_run_status": 200])
        let refusedIn200 = await failure { try await client.planSpec(SpecRun(spec: broken, agentID: 12)) }
        guard case .validation(let again)? = refusedIn200 else {
            Issue.record("a 200 with valid false should be a validation error")
            return
        }
        #expect(again.problems.map(\.path) == expected)
        #expect(try await api.requests().count == 2)

        // Not valid, and no reason given.
        try await api.faults(["path": "/test_framework/v1/scenarios/run_scenarios_json/", "body": ["dry_run": true, "valid": false,
                                                                                                  "plan": ["suite_name": "x"]]])
        let unexplained = await failure { try await client.planSpec(SpecRun(spec: Self.spec, agentID: 12)) }
        #expect(unexplained == .validation(APIValidationFailure(problems: [.init(path: JSONPath(), message: "The spec is not valid.")])))
    }

    @Test func specRunStartsAResult() async throws {
        let api = try await StandIn.start()
        let result = try await api.client().startSpecRun(SpecRun(spec: Self.spec, agentID: 12, name: "cekura-lsp: refunds"))
        #expect(result.id == 88231 && result.status == RunStatus("in_progress") && result.totalRuns == 2)
        #expect(result.name == "cekura-lsp: refunds")
        let sent = try #require(try await api.requests().first)
        #expect(sent.query == "" && sent.body?["name"] == "cekura-lsp: refunds")
    }

    @Test func textRunStartsSavedScenarios() async throws {
        let api = try await StandIn.start()
        let run = TextRun(agentID: 12, selection: .scenarios([39120, 39121]), frequency: 1, name: "lsp", personalityIDs: [3], testProfileIDs: [41])
        let result = try await api.client().startTextRun(run)
        #expect(result.runs.map(\.scenarioID) == [39120, 39121])
        #expect(result.runs.map(\.scenarioName) == ["Caller asks for a refund on a damaged order", "Caller asks for opening hours"])
        let sent = try #require(try await api.requests().first)
        #expect(sent.path == "/test_framework/v1/scenarios/run_scenarios_text/")
        #expect(sent.body == ["agent_id": 12, "scenarios": [39120, 39121], "frequency": 1, "name": "lsp", "personality_ids": [3],
                              "test_profile_ids": [41]])
        #expect(TextRun(agentID: 12, selection: .tags(["smoke"])).agentID == 12)
    }

    @Test func textRunForAVoiceOnlyAgentSaysWhatToConfigure() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        let error = await failure { try await client.startTextRun(TextRun(agentID: 13, selection: .scenarios([39120]))) }
        #expect(error == .agentNotConfiguredForText(agentID: 13, detail: "Agent does not have a websocket URL"))
        #expect(error?.message.contains("websocket URL in the Cekura dashboard") == true)
        let spec = await failure { try await client.planSpec(SpecRun(spec: Self.spec, agentID: 13, channel: "text")) }
        #expect(spec == .agentNotConfiguredForText(agentID: 13, detail: "Agent does not have a websocket URL"))
        // Other validation errors of a text run stay what they are.
        let unknown = await failure { try await client.startTextRun(TextRun(agentID: 12, selection: .scenarios([999]))) }
        #expect(unknown == .validation(APIValidationFailure(problems: [.init(path: JSONPath([.key("scenarios")]),
                                                                             message: #"Invalid pk "999" - object does not exist."#)])))
    }

    @Test func resultRunDetailAndEndCalls() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        let started = try await client.startTextRun(TextRun(agentID: 12, selection: .scenarios([39120])))
        let first = try await client.result(started.id)
        #expect(first.status == RunStatus("in_queue") && first.progress == .queued)

        let run = try await client.run(started.runs[0].id)
        #expect(run.resultID == started.id && run.scenarioID == 39120 && run.success == false)
        #expect(run.expectedOutcome?.score == 50 && run.expectedOutcome?.alignments.map(\.aligned) == [true, false])
        #expect(run.metrics.map(\.name) == ["Expected Outcome", "Caller mood"] && run.metrics[1].value == "annoyed")
        #expect(run.turns.map(\.role) == ["Testing Agent", "Main Agent"])
        #expect(run.transcript?.hasPrefix("[00:00] Testing Agent: Hi") == true)

        try await client.endCalls(ofResult: started.id)
        #expect(try await client.result(started.id).status == .cancelled)
        let paths = try await api.requests().map { "\($0.method) \($0.path)" }
        #expect(paths.contains("POST /test_framework/v1/results/88231/end_calls/"))
        #expect(paths.contains("GET /test_framework/v1/runs/501877/"))
    }

    @Test func missingThingsAreNotFound() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        #expect(await failure { try await client.result(1) } == .notFound(subject: "result 1", detail: "Not found."))
        #expect(await failure { try await client.run(2) } == .notFound(subject: "run 2", detail: "Not found."))
        let job = InstructionJob(progressID: "nope")
        #expect(await failure { try await client.instructionProgress(job) } == .notFound(subject: "instruction job nope", detail: "Not found."))
        #expect(try await api.requests().count == 3)  // not retried
    }

    @Test func improveInstructionsThenWaitForTheText() async throws {
        let api = try await StandIn.start()
        let clock = TestClock()
        let client = api.client(clock: clock)
        let job = try await client.improveInstructions(agentID: 12, current: "Ask about a refund.", request: "Make the caller impatient.")
        #expect(job.projectID == 742 && !job.progressID.isEmpty)
        var seen: [InstructionProgress.State] = []
        let done = try await client.waitForInstructions(job) { seen.append($0.state) }
        #expect(done.instructions == "Ask about a refund. Mention order ORD-5512 and sound impatient.")
        #expect(seen == [.working, .completed])
        #expect(clock.sleeps == [.seconds(2)])

        let requests = try await api.requests()
        #expect(requests[0].body == ["agent": 12, "extra_instructions": "Make the caller impatient.", "current_instructions": "Ask about a refund."])
        #expect(requests[1].path == "/test_framework/v1/scenarios/instructions-progress/" && requests[1].query == "progress_id=\(job.progressID)")
    }

    @Test func generateInstructionsAndItsFieldErrors() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        let job = try await client.generateInstructions(agentID: 12, request: "A caller who lost their card.")
        #expect(try await api.requests()[0].body == ["agent_id": 12, "extra_instructions": "A caller who lost their card."])
        #expect(try await client.waitForInstructions(job).instructions == "Mention order ORD-5512 and sound impatient.")

        try await api.faults(["path": "/test_framework/v1/scenarios/improve_instructions/", "status": 400,
                              "body": ["extra_instructions": ["This field may not be blank."]]])
        let error = await failure { try await client.improveInstructions(agentID: 12, current: nil, request: "") }
        #expect(error == .validation(APIValidationFailure(problems: [.init(path: JSONPath([.key("extra_instructions")]),
                                                                           message: "This field may not be blank.")])))
    }

    @Test func failedInstructionJob() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        try await api.faults(["path": "/test_framework/v1/scenarios/instructions-progress/",
                              "body": ["status": "failed", "error": "The agent has no description."]])
        let error = await failure { try await client.waitForInstructions(InstructionJob(progressID: "p1")) }
        #expect(error == .jobFailed(subject: "instruction job p1", reason: "The agent has no description."))
    }
}
