import JSONSyntax
import ScenarioCheck
import ScenarioModel

/// `source.fixAll`: every safe fix (`SafeFixes`) at once. A fix can reveal
/// another (a missing comma hides the rules behind it), so the document is
/// checked again after each round, for a few rounds.
public enum FixAll {
    static let maximumRounds = 5

    /// Edits to the document that apply every safe fix, or nil when none
    /// applies. A round that would break the JSON or change the file's kind
    /// is not taken.
    public static func edits(_ tree: SyntaxTree, fileName: String?, decided: FileKindDecision?) -> [TextEdit]? {
        var current = tree
        var rounds: [[TextEdit]] = []
        var kind: FileKind?
        for _ in 0..<maximumRounds {
            let result = FileCheck.run(current, fileName: fileName, decided: decided)
            if kind == nil { kind = result.kind.kind }
            let edits = nonOverlapping(result.diagnostics.compactMap(SafeFixes.fix(for:)))
            guard !edits.isEmpty, let bytes = try? current.bytes.applying(edits) else { break }
            let next = SyntaxTree.parse(bytes)
            guard next.diagnostics.count(where: { $0.severity == .error }) <= current.diagnostics.count(where: { $0.severity == .error }),
                  ScenarioDocument(tree: next, fileName: fileName, decided: decided).kind.kind == kind else { break }
            rounds.append(edits)
            current = next
        }
        guard !rounds.isEmpty else { return nil }
        // One round's edits refer to the original text as they are; after more
        // rounds, the changed stretch is replaced as one edit.
        return rounds.count == 1 ? rounds[0] : [changedStretch(from: tree.bytes, to: current.bytes)]
    }

    /// The edits of fixes that touch none of the fixes before them: two
    /// fixes at one place would each assume the other had not happened.
    private static func nonOverlapping(_ fixes: [Fix]) -> [TextEdit] {
        var taken: [TextRange] = []
        var edits: [TextEdit] = []
        for fix in fixes {
            let clashes = fix.edits.contains { edit in
                taken.contains { edit.range.start < $0.end && $0.start < edit.range.end || edit.range.start == $0.start }
            }
            guard !clashes else { continue }
            taken += fix.edits.map(\.range)
            edits += fix.edits
        }
        return edits
    }

    /// One edit from the first byte that differs to the last.
    static func changedStretch(from old: [UInt8], to new: [UInt8]) -> TextEdit {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        // Both ends on character boundaries: never half of a UTF-8 sequence.
        func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        while prefix > 0, prefix < old.count, isContinuation(old[prefix]) { prefix -= 1 }
        while suffix > 0, isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return TextEdit(range: TextRange(prefix, old.count - suffix), newText: String(decoding: new[prefix..<new.count - suffix], as: UTF8.self))
    }
}
