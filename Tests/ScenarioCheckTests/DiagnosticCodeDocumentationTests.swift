import Foundation
import JSONSyntax
import ScenarioCheck
import Testing

/// Every code the tools can emit is documented with an example in
/// protocol-notes/diagnostics.md, which editors and CI users read.
struct DiagnosticCodeDocumentationTests {
    static let notes: String = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let notes = packageRoot.appendingPathComponent("protocol-notes/diagnostics.md")
        return (try? String(contentsOf: notes, encoding: .utf8)) ?? ""
    }()

    static let headings = notes.split(separator: "\n").filter { $0.hasPrefix("### ") }

    @Test(arguments: SyntaxCode.allCases)
    func syntaxCodeIsDocumented(code: SyntaxCode) {
        #expect(Self.headings.contains { $0.contains("`\(code.rawValue)`") }, "protocol-notes/diagnostics.md lacks \(code.rawValue)")
    }

    @Test(arguments: RuleCode.allCases)
    func ruleCodeIsDocumented(code: RuleCode) {
        #expect(Self.headings.contains { $0.contains("`\(code.rawValue)`") }, "protocol-notes/diagnostics.md lacks \(code.rawValue)")
    }

    @Test func everyCodeHasAOneLineSummaryForSARIF() {
        let codes = SyntaxCode.allCases.map(\.rawValue) + RuleCode.allCases.map(\.rawValue)
        for code in codes {
            let summary = diagnosticCodeSummary(code)
            #expect(summary?.isEmpty == false && summary?.contains("\n") == false, "\(code)")
        }
        #expect(Set(codes).count == codes.count, "syntax and rule codes never share a name")
        #expect(diagnosticCodeSummary("no-such-code") == nil)
    }
}
