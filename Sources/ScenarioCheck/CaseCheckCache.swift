import JSONSyntax
import ScenarioModel

/// What a check found in each case of a test suite, kept so that the next
/// check of the same document reuses it for every case that did not change:
/// a keystroke changes one case of two hundred. A case's findings depend only
/// on its own bytes and on its context (`defaults`, the file's kind, whether
/// the tag language is read), so an entry is reused only when the case's bytes
/// are the same, byte for byte, and the context is the same; its ranges are
/// then moved to where the case (or `defaults`) now stands. Immutable: each
/// check returns the cache the next one may use.
public struct CaseCheckCache: Sendable {
    struct Context: Equatable, Sendable {
        let fileName: String?
        let kind: FileKindDecision
        let actionLanguage: Bool
        /// The bytes of `defaults`, which every case consults.
        let defaults: [UInt8]?
    }

    /// One case's findings, with the ranges of the check that made them.
    struct Entry: Sendable {
        let bytes: [UInt8]
        let start: Int
        let defaultsStart: Int?
        let rules: [Diagnostic]
        let scripts: [Diagnostic]

        /// The findings moved to a case now at `start`, with `defaults` now at `defaultsStart`.
        func moved(to start: Int, defaultsStart: Int?) -> (rules: [Diagnostic], scripts: [Diagnostic]) {
            let caseShift = start - self.start
            let defaultsShift = (defaultsStart ?? 0) - (self.defaultsStart ?? 0)
            guard caseShift != 0 || defaultsShift != 0 else { return (rules, scripts) }
            let end = self.start + bytes.count
            let move = { (range: TextRange) -> TextRange in
                let shift = range.start >= self.start && range.end <= end ? caseShift : defaultsShift
                return TextRange(range.start + shift, range.end + shift)
            }
            return (rules.map { $0.moved(move) }, scripts.map { $0.moved(move) })
        }
    }

    let context: Context
    /// The entries by the byte length of their case.
    let entries: [Int: [Entry]]
    /// How many cases the check that made this cache took from the one before.
    let reusedCases: Int

    /// The findings of a case whose bytes an entry holds.
    func entry(for bytes: UnsafeBufferPointer<UInt8>) -> Entry? {
        entries[bytes.count]?.first { entry in entry.bytes.withUnsafeBufferPointer { $0.hasSameBytes(as: bytes) } }
    }
}

extension Diagnostic {
    /// Every range of the diagnostic, its fixes' and related places' included.
    var allRanges: [TextRange] {
        [range] + related.map(\.range) + fixes.flatMap { $0.edits.map(\.range) }
    }

    func moved(_ move: (TextRange) -> TextRange) -> Diagnostic {
        var moved = self
        moved.range = move(range)
        moved.related = related.map { RelatedLocation(range: move($0.range), message: $0.message) }
        moved.fixes = fixes.map { Fix(title: $0.title, edits: $0.edits.map { TextEdit(range: move($0.range), newText: $0.newText) }) }
        return moved
    }
}
