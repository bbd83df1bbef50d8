import CekuraAPI
import Foundation
import JSONSyntax
import ScenarioCheck
import ScenarioIDE
import ScenarioModel

/// What a command found about a document (a run's verdict, a problem the API
/// reported, a dry run's plan), shown among its diagnostics. A finding names
/// its place, not a range, so it is placed again on each new version: a
/// verdict follows its case's `name` while the user edits. A problem the API
/// reported holds only for the version it was about.
struct RemoteFinding: Sendable {
    enum Origin: Sendable {
        /// A run's verdict: it stays until the case is run again.
        case run
        /// A dry run's plan or problems: they hold for the version checked.
        case check
    }

    enum Place: Sendable {
        case scenario(RunSpec.Case)
        case path(DocumentPath)
    }

    let origin: Origin
    let version: Int
    /// The key of the case the finding is about, for replacing it on the next command.
    let scope: String?
    let place: Place
    let severity: Severity
    let code: String
    let message: String

    /// The finding as a diagnostic of this version, if it still has a place there.
    func diagnostic(in document: ScenarioDocument, version current: Int) -> Diagnostic? {
        if origin == .check && version != current { return nil }
        let range: TextRange? = switch place {
        case .scenario(let scenario): scenario.nameRange(in: document)
        case .path(let path): path.range(in: document.tree)
        }
        return range.map { Diagnostic(severity: severity, code: code, message: message, range: $0) }
    }
}

extension LanguageServer {
    /// What the server adds to the checker's diagnostics of a snapshot: the
    /// catalog checks and the commands' findings, taken from the state now,
    /// to compute on a worker. Reading a Cekura file is also what first loads
    /// the catalogs, when there is a key.
    func remoteDiagnosticsJob(for snapshot: OpenDocument) -> @Sendable () -> [Diagnostic] {
        let catalogs = api.catalogs, findings = api.findings[snapshot.uri] ?? [], decided = association(for: snapshot)
        if credentials != nil, api.catalogsDue(now: Date(), timeToLive: CatalogCache(directory: cacheDirectory).timeToLive),
           (decided ?? FileKind.detect(snapshot.document.tree, fileName: snapshot.path)).kind != .unknown {
            loadCatalogs(refresh: false)
        }
        // Without a catalog or a finding (no key: the usual case) there is
        // nothing to add, and every keystroke would read the document again for it.
        guard catalogs != Catalogs() || !findings.isEmpty else { return { [] } }
        return {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            guard document.kind.kind != .unknown else { return [] }
            return CatalogRules.check(document, catalogs) + findings.compactMap { $0.diagnostic(in: document, version: snapshot.version) }
        }
    }

    /// After findings or catalogs changed: diagnostics made before are stale.
    func findingsChanged() {
        settingsGeneration += 1
        refreshDiagnostics()
    }
}
