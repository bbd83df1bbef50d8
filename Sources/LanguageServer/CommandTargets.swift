import CekuraAPI
import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE
import ScenarioModel

/// What every scenario command first reads: the target at the position, the
/// agent, and that a key is there; and how API errors come back to the user.
extension CommandRun {
    var document: ScenarioDocument? {
        place.map { ScenarioDocument(tree: $0.snapshot.document.tree, fileName: $0.snapshot.path, decided: decided) }
    }

    /// The target at the command's position, or the message why there is none.
    func target() -> Result<RunTarget, ResponseError> {
        guard let place, let document, let target = RunTarget.at(place.offset, in: document) else {
            return .failure(.requestFailed("\(command.rawValue) works in a Cekura test-suite spec or evaluator body; put the cursor in a case or an evaluator."))
        }
        return .success(target)
    }

    /// The target and the spec it sends, when there is a key to send it with.
    func runnable() -> Result<(RunTarget, RunSpec), ResponseError> {
        guard hasKey else { return .failure(.requestFailed(APIError.missingAPIKey.message)) }
        return target().flatMap { target in
            RunSpec.make(target).map { (target, $0) }.mapError { .requestFailed($0.message) }
        }
    }

    /// Runs `body` with the target, its spec and the agent, once progress
    /// has begun; or fails as finding them did, before anything is sent.
    func withPrepared(progress title: (RunTarget) -> String,
                      _ body: (RunTarget, RunSpec, Int) async -> Result<JSONValue, ResponseError>) async -> Result<JSONValue, ResponseError> {
        switch runnable().flatMap({ target, spec in agent(for: target).map { (target, spec, $0) } }) {
        case .failure(let error):
            return .failure(error)
        case .success(let (target, spec, agentID)):
            await beginProgress(title(target))
            return await body(target, spec, agentID)
        }
    }

    /// The agent to run against: the setting or `CEKURA_AGENT_ID`, else an
    /// evaluator's own `agent`.
    func agent(for target: RunTarget) -> Result<Int, ResponseError> {
        if let agentSetting { return .success(agentSetting) }
        if case .evaluator(let evaluator) = target, let own = evaluator.integer("agent") { return .success(own) }
        return .failure(.requestFailed("No agent to run against: set `agentId` in the cekura settings (initializationOptions or the "
            + "workspace configuration) or CEKURA_AGENT_ID in the editor's environment; the agent's id is in its URL in the Cekura dashboard."))
    }

    /// An API error as the command's answer. A refused spec also puts each
    /// problem on its place in the document.
    func failure(_ error: APIError, spec: RunSpec? = nil) async -> Result<JSONValue, ResponseError> {
        if case .cancelled = error { return .failure(.requestCancelled) }
        if case .validation(let failure) = error, let spec { await record(problems: failure, of: spec) }
        return .failure(.requestFailed(error.message))
    }

    /// The problems of a refused spec as error diagnostics where they belong;
    /// a problem about the whole request goes on the first case's name.
    func record(problems failure: APIValidationFailure, of spec: RunSpec) async {
        guard let snapshot = place?.snapshot else { return }
        let findings = failure.problems.map { problem in
            let location = spec.documentPath(of: problem.path)
            let place: RemoteFinding.Place = problem.path.components.isEmpty && !spec.cases.isEmpty
                ? .scenario(spec.cases[0]) : .path(location)
            return RemoteFinding(origin: .check, version: snapshot.version, scope: spec.scope(of: location), place: place,
                                 severity: .error, code: "cekura-api", message: "Cekura API: " + problem.message)
        }
        await replaceFindings(.check, of: spec, with: findings)
    }

    /// Replaces what an earlier command of the same kind found about the
    /// cases this one covered.
    func replaceFindings(_ origin: RemoteFinding.Origin, of spec: RunSpec, with findings: [RemoteFinding]) async {
        guard let uri = place?.snapshot.uri, case .success(let target) = target() else { return }
        let whole = target.isWholeDocument
        let keys = spec.cases.map(\.key)
        await onState { [server] in
            // A document closed meanwhile keeps nothing: it may open again as another text.
            guard server.documents[uri] != nil else { return }
            server.api.findings[uri, default: []].removeAll { $0.origin == origin && (whole || keys.contains($0.scope)) }
            server.api.findings[uri, default: []] += findings
            server.findingsChanged()
        }
    }
}
