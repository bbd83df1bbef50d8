import JSONSyntax

extension CekuraClient {
    private static let scenarios = "/test_framework/v1/scenarios/"

    /// Validates and prices a spec without running or charging anything
    /// (`?dry_run=true`): every problem at once, with its path in the spec.
    public func planSpec(_ run: SpecRun) async throws(APIError) -> SpecPlan {
        let subject = "the dry run of the test suite"
        // Free and without effect, so retried like a read.
        let call = Call(method: "POST", path: Self.scenarios + "run_scenarios_json/", query: [("dry_run", "true")], body: run.body,
                        subject: subject)
        let answer: JSONValue
        do throws(APIError) { answer = try await send(call) } catch { throw Self.textAgentError(error, run.agentID, run.channel) }
        // An invalid spec may come back as a 400 (handled by `send`) or as a 200 saying so.
        if answer["valid"]?.boolValue == false {
            switch answer["errors"] {
            case let errors? where errors.objectValue != nil: throw .validation(APIValidationFailure(body: ["errors": errors]))
            case let errors?: throw .validation(APIValidationFailure(body: errors))
            case nil: throw .validation(APIValidationFailure(problems: [.init(path: JSONPath(), message: "The spec is not valid.")]))
            }
        }
        guard let plan = answer["plan"], case .object = plan else {
            throw .malformedResponse(subject: subject, reason: "no plan in the answer")
        }
        return SpecPlan(plan: plan)
    }

    /// Starts the runs of a spec; the answer is the new result, to poll.
    public func startSpecRun(_ run: SpecRun) async throws(APIError) -> ResultSummary {
        let call = Call(method: "POST", path: Self.scenarios + "run_scenarios_json/", body: run.body, replay: .startsWork,
                        subject: "the test-suite run for agent \(run.agentID)")
        do throws(APIError) { return try await startedResult(call) } catch { throw Self.textAgentError(error, run.agentID, run.channel) }
    }

    /// Starts saved scenarios over chat or the agent's websocket.
    public func startTextRun(_ run: TextRun) async throws(APIError) -> ResultSummary {
        let call = Call(method: "POST", path: Self.scenarios + "run_scenarios_text/", body: run.body, replay: .startsWork,
                        subject: "the text run for agent \(run.agentID)")
        do throws(APIError) { return try await startedResult(call) } catch { throw Self.textAgentError(error, run.agentID, "text") }
    }

    private func startedResult(_ call: Call) async throws(APIError) -> ResultSummary {
        guard let result = ResultSummary(json: try await send(call)) else {
            throw .malformedResponse(subject: call.subject, reason: "no result id in the answer")
        }
        return result
    }

    /// The API says an agent cannot run text with a plain message such as
    /// `["Agent does not have a websocket URL"]`; that message becomes its own error.
    private static func textAgentError(_ error: APIError, _ agentID: Int, _ channel: String?) -> APIError {
        guard channel == "text", case .validation(let failure) = error else { return error }
        let messages = failure.problems.map(\.message)
        let aboutText = messages.contains { message in
            let lowered = message.lowercased()
            return lowered.contains("websocket") || lowered.contains("chat provider")
        }
        return aboutText ? .agentNotConfiguredForText(agentID: agentID, detail: messages.joined(separator: " ")) : error
    }

    public func result(_ id: Int) async throws(APIError) -> ResultSummary {
        let subject = "result \(id)"
        guard let result = ResultSummary(json: try await send(Call(path: "/test_framework/v1/results/\(id)/", subject: subject))) else {
            throw .malformedResponse(subject: subject, reason: "no result id in the answer")
        }
        return result
    }

    /// Polls a result until it ends (completed, failed, timeout, cancelled),
    /// telling `progress` each change. Gives up after `timeout` with
    /// `.deadlineExceeded` (the runs go on); ends with `.cancelled` when the
    /// task is cancelled, without ending the runs (see `endCalls`).
    public func waitForResult(_ id: Int, timeout: Duration = .seconds(3600),
                              progress: (RunProgress) -> Void = { _ in }) async throws(APIError) -> ResultSummary {
        var reported: RunProgress?
        return try await waitUntil("result \(id)", timeout: timeout,
                                   interval: { $0 < polling.firstPeriod ? polling.firstInterval : polling.laterInterval },
                                   look: { () async throws(APIError) in try await result(id) },
                                   describe: { $0.progress.description },
                                   finished: { result in
                                       if result.progress != reported {
                                           reported = result.progress
                                           progress(result.progress)
                                       }
                                       return result.status.isTerminal
                                   })
    }

    /// Ends the calls of a result still running; its status becomes `cancelled`.
    public func endCalls(ofResult id: Int) async throws(APIError) {
        // Ending twice ends nothing more, so it is retried like a read.
        _ = try await send(Call(method: "POST", path: "/test_framework/v1/results/\(id)/end_calls/", subject: "the calls of result \(id)"))
    }

    /// One run in full: scores, explanations, transcript.
    public func run(_ id: Int) async throws(APIError) -> RunDetail {
        let subject = "run \(id)"
        guard let run = RunDetail(json: try await send(Call(path: "/test_framework/v1/runs/\(id)/", subject: subject))) else {
            throw .malformedResponse(subject: subject, reason: "no run id in the answer")
        }
        return run
    }
}
