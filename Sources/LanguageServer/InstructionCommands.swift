import CekuraAPI
import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE

/// `cekura.generateInstructions` and `cekura.improveInstructions`: start the
/// job, follow its progress, and write the result into the scenario's
/// `instructions` with `workspace/applyEdit`, only if the document is still
/// the version the job started from; otherwise nothing changes and the user
/// is told (the text is in the message and in the command's result).
extension CommandRun {
    func writeInstructions(improving: Bool) async -> Result<JSONValue, ResponseError> {
        guard hasKey else { return .failure(.requestFailed(APIError.missingAPIKey.message)) }
        let target: RunTarget
        switch self.target() {
        case .success(let found): target = found
        case .failure(let error): return .failure(error)
        }
        guard let scenario = target.scenario else {
            return .failure(.requestFailed("Put the cursor in the test-suite case whose instructions Cekura should write."))
        }
        guard !scenario.isScript else {
            return .failure(.requestFailed("\(target.title) is a conditional-actions script: it has no free-text instructions to write."))
        }
        let feedback = argument["feedback"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if improving && feedback.isEmpty {
            return .failure(.invalidParams(#"\#(command.rawValue) needs the change to make: [{"uri": …, "position": …, "feedback": "<what to improve>"}]"#))
        }
        let agentID: Int
        switch agent(for: target) {
        case .success(let id): agentID = id
        case .failure(let error): return .failure(error)
        }
        await beginProgress("Cekura: \(improving ? "improving" : "writing") the instructions of \(target.title)")
        report("starting")
        let job: InstructionJob
        let finished: InstructionProgress
        do throws(APIError) {
            job = improving
                ? try await api.improveInstructions(agentID: agentID, current: scenario.instructions?.stringValue, request: feedback)
                : try await api.generateInstructions(agentID: agentID, request: Self.generationRequest(scenario, extra: feedback))
            finished = try await api.waitForInstructions(job) { [self] progress in
                report("working", percentage: progress.percent.map { Int($0) })
            }
        } catch {
            return await failure(error)
        }
        guard let text = finished.instructions else {
            // The answer's shape is undocumented: show it whole rather than guess further.
            let keys = finished.raw.objectValue?.map(\.key).joined(separator: ", ") ?? "not an object"
            server.log.log(.warning, "instruction job \(job.progressID) completed without text in a known field (keys: \(keys))")
            return .failure(.requestFailed("Cekura finished the instructions but cekura-lsp cannot find the text in its answer: "
                + finished.raw.serialized))
        }
        let applied = await apply(scenario.instructionsEdit(text), label: "Cekura: instructions of \(target.title)")
        var result: [(key: String, value: JSONValue)] = [("summary", .string(applied == nil ? "written" : "not written")),
                                                          ("applied", .bool(applied == nil)), ("instructions", .string(text)),
                                                          ("progressId", .string(job.progressID))]
        if let reason = applied {
            result.append(("reason", .string(reason)))
            show(2, "\(reason) The new instructions of \(target.title):\n\n\(text)")
        }
        return .success(.object(result))
    }

    /// What generation is asked for: the scenario as far as it is written.
    static func generationRequest(_ scenario: ScenarioView, extra: String) -> String {
        var lines = ["Write the caller's instructions for the scenario \u{201C}\(scenario.string("name") ?? "unnamed")\u{201D}."]
        if let outcome = scenario.expectedOutcome { lines.append("Expected outcome: \(outcome)") }
        if !extra.isEmpty { lines.append(extra) }
        return lines.joined(separator: "\n")
    }

    /// Asks the client to apply the edit if the document is still the
    /// command's version; nil when it did, else why not. The version is
    /// checked and the request sent in one turn of the state queue, so no
    /// edit can come between them.
    private func apply(_ edit: TextEdit, label: String) async -> String? {
        guard let snapshot = place?.snapshot else { return "No document to write to." }
        guard client.appliesEdits else { return "This editor does not take edits from the server (workspace.applyEdit)." }
        let edits = WorkspaceEdits(snapshot: snapshot, encoding: client.positionEncoding, versioned: client.versionsWorkspaceEdits)
        let answer: Result<JSONValue, ResponseError>? = await withCheckedContinuation { continuation in
            server.stateQueue.async { [server] in
                guard server.documents[snapshot.uri]?.version == snapshot.version else { return continuation.resume(returning: nil) }
                server.request("workspace/applyEdit", ["label": .string(label), "edit": edits.json([edit])]) { continuation.resume(returning: $0) }
            }
        }
        switch answer {
        case nil:
            return "The document changed while Cekura wrote the instructions, so nothing was changed."
        case .success(let result)? where result["applied"]?.boolValue == true:
            return nil
        case .success(let result)?:
            return "The editor did not apply the new instructions" + (result["failureReason"]?.stringValue.map { " (\($0))." } ?? ".")
        case .failure(let error)?:
            return "The editor did not apply the new instructions (\(error.message))."
        }
    }
}
