import Dispatch
import JSONSyntax
import LanguageServerProtocol
import ScenarioCheck
import ScenarioModel

/// Diagnostics, pushed after a debounce to clients that do not pull, and
/// pulled with `textDocument/diagnostic` by those that do. A result is only
/// ever published for the version it was computed on.
extension LanguageServer {
    /// More than this many diagnostics in one file help nobody and slow editors down.
    static let diagnosticsLimit = 1000

    func schedulePush(_ uri: String) {
        guard !client.pullsDiagnostics else { return }
        pendingPushes.removeValue(forKey: uri)?.cancel()
        let item = DispatchWorkItem { [weak self] in self?.push(uri) }
        pendingPushes[uri] = item
        stateQueue.asyncAfter(deadline: .now() + .milliseconds(settings.debounceMilliseconds), execute: item)
    }

    private func push(_ uri: String) {
        pendingPushes[uri] = nil
        guard lifecycle == .running, let snapshot = documents[uri] else { return }
        diagnostics(of: snapshot) { [self] diagnostics in
            guard documents[uri]?.version == snapshot.version else { return }  // a newer version is on its way
            notify("textDocument/publishDiagnostics",
                   ["uri": .string(uri), "version": .integer(snapshot.version), "diagnostics": .array(diagnostics)])
        }
    }

    /// The diagnostics of a snapshot as LSP objects: from the cache, or
    /// checked on a worker queue. `completion` runs on the state queue.
    private func diagnostics(of snapshot: OpenDocument, completion: @escaping @Sendable ([JSONValue]) -> Void) {
        let generation = settingsGeneration
        if let cached = checks.diagnostics(snapshot.uri, version: snapshot.version, generation: generation) {
            return completion(cached)
        }
        let job = diagnosticsJob(for: snapshot)
        workers.async { [self] in
            let diagnostics = job()
            stateQueue.async { [self] in
                checks.store(snapshot.uri, version: snapshot.version, generation: generation, diagnostics: diagnostics)
                completion(diagnostics)
            }
        }
    }

    /// The work of checking a snapshot and converting its diagnostics, with
    /// what it needs taken from the state now, to run on a worker queue. The
    /// check reuses the previous check's findings in unchanged suite cases,
    /// and hands its own back to the state queue for the next one.
    private func diagnosticsJob(for snapshot: OpenDocument) -> @Sendable () -> [JSONValue] {
        let conversion = DiagnosticConversion(lineIndex: snapshot.document.lineIndex, encoding: client.positionEncoding,
                                              uri: snapshot.uri, client: client)
        let settings = self.settings, remote = remoteDiagnosticsJob(for: snapshot)
        let previous = checks.caseFindings(snapshot.uri)
        return { [self] in
            let (diagnostics, findings) = Self.check(snapshot, settings, reusing: previous)
            stateQueue.async { [self] in
                // A closed document keeps nothing.
                if documents[snapshot.uri] != nil { checks.storeCaseFindings(snapshot.uri, version: snapshot.version, findings) }
            }
            return (diagnostics + remote()).map(conversion.json)
        }
    }

    /// The checker's view of a snapshot: its kind from the user's file
    /// associations, else detected; at most `diagnosticsLimit` diagnostics.
    static func check(_ snapshot: OpenDocument, _ settings: ServerSettings,
                      reusing previous: CaseCheckCache?) -> (diagnostics: [Diagnostic], findings: CaseCheckCache?) {
        let (result, findings) = FileCheck.run(snapshot.document.tree, fileName: snapshot.path,
                                               decided: association(for: snapshot, settings), reusing: previous)
        return (Array(result.diagnostics.prefix(diagnosticsLimit)), findings)
    }

    /// The kind the user's file associations give a document, if one matches.
    static func association(for snapshot: OpenDocument, _ settings: ServerSettings) -> FileKindDecision? {
        let association = snapshot.path.flatMap { path in settings.files.first { $0.matches(path: path) } }
        return association.map { FileKindDecision(kind: $0.kind, reason: .association($0.pattern)) }
    }

    func association(for snapshot: OpenDocument) -> FileKindDecision? { Self.association(for: snapshot, settings) }

    /// `textDocument/diagnostic`: a full report, or `unchanged` when the
    /// client's previous result still holds.
    func pullDiagnostics(id: RequestID, params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return respond(id, .failure(.invalidParams("textDocument/diagnostic needs textDocument.uri")))
        }
        guard let snapshot = documents[uri] else {
            // Not open (or already closed): nothing to report.
            return respond(id, .success(["kind": "full", "items": []]))
        }
        let resultID = "\(snapshot.version).\(settingsGeneration)"
        if params["previousResultId"]?.stringValue == resultID {
            return respond(id, .success(["kind": "unchanged", "resultId": .string(resultID)]))
        }
        let generation = settingsGeneration
        if let cached = checks.diagnostics(uri, version: snapshot.version, generation: generation) {
            return respond(id, .success(["kind": "full", "resultId": .string(resultID), "items": .array(cached)]))
        }
        let job = diagnosticsJob(for: snapshot)
        respondLater(id, work: {
            .success(["kind": "full", "resultId": .string(resultID), "items": .array(job())])
        }, isStale: { [self] in documents[uri]?.version != snapshot.version || settingsGeneration != generation })
    }

    /// After a settings change: pulled diagnostics are asked for again, pushed
    /// ones are published again.
    func refreshDiagnostics() {
        if client.pullsDiagnostics {
            if client.refreshesDiagnostics {
                request("workspace/diagnostic/refresh", .null) { [self] result in
                    if case .failure(let error) = result { log.log(.warning, "diagnostic refresh refused: \(error.message)") }
                }
            }
        } else {
            for uri in documents.keys { schedulePush(uri) }
        }
    }
}
