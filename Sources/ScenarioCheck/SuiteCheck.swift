import JSONSyntax
import ScenarioModel

/// The rules of a test suite, case by case: each case's findings come from
/// the cache when the case is unchanged, else from the rules, and are kept
/// for the next check.
struct SuiteCheck {
    let suite: SuiteView
    let document: ScenarioDocument
    let actionLanguage: Bool

    /// The suite's diagnostics (rules, then scripts, as `FileCheck` orders
    /// them) and the cache for the next check.
    func run(reusing cache: CaseCheckCache?, fileName: String?) -> (rules: [Diagnostic], scripts: [Diagnostic], cache: CaseCheckCache) {
        let tree = document.tree
        let defaultsNode = suite.value("defaults")
        let context = CaseCheckCache.Context(fileName: fileName, kind: document.kind, actionLanguage: actionLanguage,
                                             defaults: defaultsNode.map { Array(tree.bytes[$0.range.start..<$0.range.end]) })
        let usable = cache?.context == context ? cache : nil
        let defaultsStart = defaultsNode?.range.start
        let syntaxProblems = tree.diagnostics.map(\.range)
        var rules = SuiteRules.checkSuite(suite, document)
        var scripts: [Diagnostic] = []
        var entries: [Int: [CaseCheckCache.Entry]] = [:]
        var reusedCases = 0
        let cases = suite.cases
        tree.bytes.withUnsafeBufferPointer { bytes in
            for suiteCase in cases {
                let range = suiteCase.node.range
                let caseBytes = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
                // A case with a syntax problem is read as the parser recovered, which may depend on what surrounds it.
                let wellFormed = !syntaxProblems.contains { $0.start <= range.end && $0.end >= range.start }
                let found: (rules: [Diagnostic], scripts: [Diagnostic])
                let reused = wellFormed ? usable?.entry(for: caseBytes) : nil
                if let reused {
                    found = reused.moved(to: range.start, defaultsStart: defaultsStart)
                    reusedCases += 1
                } else {
                    found = (SuiteRules.checkCase(suiteCase), checkScript(of: suiteCase))
                }
                rules += found.rules
                scripts += found.scripts
                let anchored = (found.rules + found.scripts).allSatisfy { diagnostic in
                    diagnostic.allRanges.allSatisfy { range.contains($0) || defaultsNode?.range.contains($0) == true }
                }
                if wellFormed, anchored {
                    // A reused entry's bytes are the case's: kept, not copied again.
                    entries[range.length, default: []].append(CaseCheckCache.Entry(
                        bytes: reused?.bytes ?? Array(caseBytes), start: range.start, defaultsStart: defaultsStart,
                        rules: found.rules, scripts: found.scripts))
                }
            }
        }
        rules += SuiteRules.checkAcrossCases(cases)
        return (rules, scripts, CaseCheckCache(context: context, entries: entries, reusedCases: reusedCases))
    }

    private func checkScript(of suiteCase: SuiteCaseView) -> [Diagnostic] {
        guard let script = suiteCase.script else { return [] }
        return ScriptRules.check(ScriptOccurrence(script: script, context: .suiteCase(suiteCase)), actionLanguage: actionLanguage)
    }
}
