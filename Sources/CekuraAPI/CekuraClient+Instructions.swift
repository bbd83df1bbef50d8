import JSONSyntax

extension CekuraClient {
    /// Asks the API to rewrite a scenario's instructions as `request` says.
    public func improveInstructions(agentID: Int, current: String?, request: String) async throws(APIError) -> InstructionJob {
        var body: JSONValue = ["agent": .integer(agentID), "extra_instructions": .string(request)]
        if let current, case .object(var members) = body {
            members.append(("current_instructions", .string(current)))
            body = .object(members)
        }
        return try await startInstructionJob(path: "improve_instructions/", body: body, subject: "instruction improvement")
    }

    /// Asks the API to write instructions for the agent. The request's fields
    /// are undocumented; these are the ones the SDK's documentation shows.
    public func generateInstructions(agentID: Int, request: String) async throws(APIError) -> InstructionJob {
        try await startInstructionJob(path: "generate-instructions/", body: ["agent_id": .integer(agentID), "extra_instructions": .string(request)],
                                      subject: "instruction generation")
    }

    private func startInstructionJob(path: String, body: JSONValue, subject: String) async throws(APIError) -> InstructionJob {
        // A second job would cost a second generation: not retried once sent.
        let call = Call(method: "POST", path: "/test_framework/v1/scenarios/" + path, body: body, replay: .startsWork, subject: subject)
        guard let job = InstructionJob(json: try await send(call)) else {
            throw .malformedResponse(subject: subject, reason: "no progress_id in the answer")
        }
        return job
    }

    public func instructionProgress(_ job: InstructionJob) async throws(APIError) -> InstructionProgress {
        InstructionProgress(json: try await send(Call(path: "/test_framework/v1/scenarios/instructions-progress/",
                                                      query: [("progress_id", job.progressID)],
                                                      subject: "instruction job \(job.progressID)")))
    }

    /// Polls a job until it completes (returned, its text in `instructions`
    /// when found, else only in `raw`) or fails (`.jobFailed`).
    public func waitForInstructions(_ job: InstructionJob, timeout: Duration = .seconds(120),
                                    progress: (InstructionProgress) -> Void = { _ in }) async throws(APIError) -> InstructionProgress {
        try await waitUntil("instruction job \(job.progressID)", timeout: timeout, interval: { _ in polling.instructionInterval },
                            look: { () async throws(APIError) in try await instructionProgress(job) },
                            describe: { $0.percent.map { "\(Int($0)) %" } ?? "working" },
                            finished: { (current) throws(APIError) in
                                progress(current)
                                switch current.state {
                                case .working: return false
                                case .completed: return true
                                case .failed(let reason): throw .jobFailed(subject: "instruction job \(job.progressID)", reason: reason)
                                }
                            })
    }
}
