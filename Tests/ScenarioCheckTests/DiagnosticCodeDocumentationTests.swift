import Foundation
import JSONSyntax
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

    @Test(arguments: SyntaxCode.allCases)
    func syntaxCodeIsDocumented(code: SyntaxCode) {
        let headings = Self.notes.split(separator: "\n").filter { $0.hasPrefix("### ") }
        #expect(headings.contains { $0.contains("`\(code.rawValue)`") }, "protocol-notes/diagnostics.md lacks \(code.rawValue)")
    }
}
