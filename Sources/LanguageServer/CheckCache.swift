import JSONSyntax
import ScenarioCheck

/// The latest check of each open document, by version and settings
/// generation: a pull after a push (or a second pull) of the same version is
/// answered without checking again. Beside it, what the latest check found
/// case by case, which the next check of the document reuses for the cases an
/// edit did not touch. Kept on the state queue.
struct CheckCache {
    private var entries: [String: Entry] = [:]
    private var cases: [String: (version: Int, cache: CaseCheckCache)] = [:]

    struct Entry {
        let version: Int
        let generation: Int
        let diagnostics: [JSONValue]
    }

    func diagnostics(_ uri: String, version: Int, generation: Int) -> [JSONValue]? {
        guard let entry = entries[uri], entry.version == version, entry.generation == generation else { return nil }
        return entry.diagnostics
    }

    mutating func store(_ uri: String, version: Int, generation: Int, diagnostics: [JSONValue]) {
        // An older version finishing late must not replace a newer one.
        if let entry = entries[uri], entry.version > version || (entry.version == version && entry.generation > generation) { return }
        entries[uri] = Entry(version: version, generation: generation, diagnostics: diagnostics)
    }

    /// The case findings the next check of a document may reuse.
    func caseFindings(_ uri: String) -> CaseCheckCache? { cases[uri]?.cache }

    mutating func storeCaseFindings(_ uri: String, version: Int, _ cache: CaseCheckCache?) {
        if let kept = cases[uri], kept.version > version { return }
        cases[uri] = cache.map { (version, $0) }
    }

    mutating func forget(_ uri: String) {
        entries[uri] = nil
        cases[uri] = nil
    }
}
