import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// One fixture whose quick fixes a fix test applies, with what the file must
/// and must not contain after each fix.
struct FixCase: CustomStringConvertible, Sendable {
    struct Outcome: Sendable {
        var contains: [String] = []
        var lacks: [String] = []
    }

    /// `<code>/<file>` under Fixtures; the folder names the code whose fixes are applied.
    let fixture: String
    /// One per fix offered for that code, in the order of the diagnostics.
    let outcomes: [Outcome]

    init(_ fixture: String, _ outcomes: [Outcome]) {
        self.fixture = fixture
        self.outcomes = outcomes
    }

    var code: String { String(fixture.prefix { $0 != "/" }) }
    var description: String { fixture }

    /// The fixture's text without its markers, and the file name it is checked under.
    static func load(_ fixture: String) throws -> (text: String, fileName: String) {
        let parts = fixture.split(separator: "/").map(String.init)
        let file = RuleFixtures.File(code: parts[0], path: RuleFixtures.folder.appendingPathComponent(fixture))
        let marked = try String(contentsOf: file.path, encoding: .utf8)
        return (try RuleFixture(name: fixture, marked: marked).text, file.fileName)
    }

    /// Applies each fix offered for the code, one at a time: each removes its
    /// diagnostic (a renumbering removes every repeat), leaves valid JSON of
    /// the same kind, brings no new diagnostic except the `allowing` codes, and
    /// writes what its outcome promises.
    func verifyEachFix(allowing: Set<String> = []) throws {
        let (text, fileName) = try Self.load(fixture)
        let before = FileCheck.run(SyntaxTree(text), fileName: fileName)
        let fixes = before.diagnostics.filter { $0.code == code }.flatMap(\.fixes)
        try #require(fixes.count == outcomes.count, "\(self): \(fixes.count) fixes offered: \(fixes.map(\.title))")
        for (fix, outcome) in zip(fixes, outcomes) {
            let bytes = try Array(text.utf8).applying(fix.edits)
            let fixed = String(decoding: bytes, as: UTF8.self)
            let tree = SyntaxTree.parse(bytes)
            #expect(tree.diagnostics.isEmpty, "\(self) «\(fix.title)» leaves a syntax problem:\n\(fixed)")
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "\(self) «\(fix.title)» is not JSON:\n\(fixed)")

            let after = FileCheck.run(tree, fileName: fileName)
            #expect(after.kind.kind == before.kind.kind, "\(self) «\(fix.title)» changes the file kind")
            let countBefore = before.diagnostics.count { $0.code == code }
            let countAfter = after.diagnostics.count { $0.code == code }
            #expect(countAfter == countBefore - 1 || (fix.title.hasPrefix("Renumber") && countAfter == 0),
                    "\(self) «\(fix.title)» leaves its diagnostic:\n\(fixed)")
            // Ranges move with the edit, so diagnostics are compared by what they say.
            var remaining = before.diagnostics.map { "\($0.severity.name) \($0.code): \($0.message)" }
            var new: [String] = []
            for diagnostic in after.diagnostics where !allowing.contains(diagnostic.code) {
                let said = "\(diagnostic.severity.name) \(diagnostic.code): \(diagnostic.message)"
                if let index = remaining.firstIndex(of: said) { remaining.remove(at: index) } else { new.append(said) }
            }
            #expect(new.isEmpty, "\(self) «\(fix.title)» brings new diagnostics: \(new)")
            for snippet in outcome.contains {
                #expect(fixed.contains(snippet), "\(self) «\(fix.title)» should write \(snippet):\n\(fixed)")
            }
            for snippet in outcome.lacks {
                #expect(!fixed.contains(snippet), "\(self) «\(fix.title)» should remove \(snippet):\n\(fixed)")
            }
        }
    }

    /// For a fixture whose repair depends on the author's intent: its code is
    /// reported, and with no fix.
    static func verifyNoFix(_ fixture: String) throws {
        let (text, fileName) = try load(fixture)
        let code = String(fixture.prefix { $0 != "/" })
        let diagnostics = FileCheck.run(SyntaxTree(text), fileName: fileName).diagnostics.filter { $0.code == code }
        #expect(!diagnostics.isEmpty, "\(fixture): no \(code)")
        #expect(diagnostics.allSatisfy { $0.fixes.isEmpty }, "\(fixture): \(diagnostics.flatMap(\.fixes).map(\.title))")
    }
}
