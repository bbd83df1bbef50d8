import CekuraAPI
import Foundation
import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE

/// `cekura.runText` and `cekura.runSavedText`: start the runs, follow them
/// with progress until they end, then show the outcome: a summary message,
/// a verdict on each case's `name`, and a Markdown report opened in the editor.
extension CommandRun {
    func runText() async -> Result<JSONValue, ResponseError> {
        await withPrepared(progress: { "Cekura: text run of \($0.title)" }) { target, spec, agentID in
            await startAndFollow(target, spec, refusedSpec: spec) { [api] () async throws(APIError) in
                try await api.startSpecRun(SpecRun(spec: spec.spec, agentID: agentID, channel: "text", name: "cekura-lsp: \(target.title)"))
            }
        }
    }

    func runSavedText() async -> Result<JSONValue, ResponseError> {
        guard case .success(.evaluator(let evaluator)) = target(), let scenarioID = evaluator.integer("id") else {
            return .failure(.requestFailed("\(command.rawValue) runs a saved evaluator: an evaluator body with its `id` (as `GET` returns it)."))
        }
        return await withPrepared(progress: { _ in "Cekura: text run of saved evaluator \(scenarioID)" }) { target, spec, agentID in
            // The API's paths are about the run request, not about a spec of this body.
            await startAndFollow(target, spec, refusedSpec: nil) { [api] () async throws(APIError) in
                try await api.startTextRun(TextRun(agentID: agentID, selection: .scenarios([scenarioID]), name: "cekura-lsp: \(target.title)"))
            }
        }
    }

    private func startAndFollow(_ target: RunTarget, _ spec: RunSpec, refusedSpec: RunSpec?,
                                start: () async throws(APIError) -> ResultSummary) async -> Result<JSONValue, ResponseError> {
        report("starting")
        let started: ResultSummary
        do throws(APIError) { started = try await start() } catch { return await failure(error, spec: refusedSpec) }
        return await follow(started, title: target.title, spec: spec)
    }

    /// Polls a started result until it ends, reads its runs and reports.
    private func follow(_ started: ResultSummary, title: String, spec: RunSpec) async -> Result<JSONValue, ResponseError> {
        let finished: ResultSummary
        do throws(APIError) {
            finished = try await api.waitForResult(started.id) { [self] progress in report(progress) }
        } catch .cancelled {
            offerToEndCalls(of: started.id)
            return .failure(.requestCancelled)
        } catch {
            return .failure(.requestFailed(error.message))
        }
        report("reading the runs", percentage: 95)
        var details: [Int: Result<RunDetail, APIError>] = [:]
        for run in finished.runs where !token.isCancelled {
            do throws(APIError) { details[run.id] = .success(try await api.run(run.id)) } catch { details[run.id] = .failure(error) }
        }
        let outcome = RunOutcome(title: title, result: finished, started: started, details: details, cases: spec.cases,
                                 dashboard: projectSetting.map { "\(dashboardURL)/\($0)/results/\(finished.id)" })
        let reportFile = outcome.writeReport(in: reportDirectory)
        let opened: Bool
        if case .success(let file) = reportFile { opened = await showDocument(file) } else { opened = false }
        if let snapshot = place?.snapshot {
            await replaceFindings(.run, of: spec, with: outcome.findings(version: snapshot.version))
        }
        show(outcome.allPassed ? 3 : 2, outcome.message(report: reportFile, opened: opened))
        return .success(outcome.json(report: reportFile))
    }

    private func report(_ progress: RunProgress) {
        switch progress {
        case .queued: report("queued", percentage: 5)
        case .running(let finished, let total): report("running, \(finished) of \(total) runs finished", percentage: 10 + 70 * finished / max(total, 1))
        case .evaluating: report("evaluating", percentage: 85)
        case .finished(let status): report(status.description, percentage: 90)
        }
    }

    /// After a cancelled wait the runs go on: the user may end their calls.
    private func offerToEndCalls(of resultID: Int) {
        followUp = { [self] in
            let end = "End the calls", keep = "Let them run"
            let answer = await ask("window/showMessageRequest", [
                "type": 3, "message": .string("Stopped following result \(resultID); its runs go on on Cekura. End their calls?"),
                "actions": [["title": .string(end)], ["title": .string(keep)]],
            ])
            guard (try? answer.get())?["title"]?.stringValue == end else { return }
            do throws(APIError) {
                try await api.endCalls(ofResult: resultID)
                show(3, "Ended the calls of result \(resultID).")
            } catch {
                show(1, error.message)
            }
        }
    }
}
