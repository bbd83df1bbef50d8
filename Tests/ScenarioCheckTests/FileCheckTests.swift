import JSONSyntax
import ScenarioCheck
import ScenarioModel
import Testing

struct FileCheckTests {
    @Test func unknownFilesGetNoDiagnosticsEvenWithSyntaxErrors() {
        // A tsconfig.json with comments and a trailing comma is none of our business.
        let tree = SyntaxTree("{\n  // strict mode\n  \"compilerOptions\": {\"strict\": true,},\n}")
        #expect(tree.hasErrors)
        let result = FileCheck.run(tree, fileName: "tsconfig.json")
        #expect(result.kind.kind == .unknown)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func recognisedFilesGetTheirSyntaxDiagnostics() {
        let text = "{\"version\": \"1\", \"scenarios\": [ {\"name\": \"a\", \"instructions\": \"b\",} ]}"
        let result = FileCheck.run(SyntaxTree(text), fileName: "cekura.tests.json")
        #expect(result.kind.kind == .testSuite)
        #expect(result.diagnostics.map(\.code) == ["trailing-comma"])
        let closingBrace = Array(text.utf8).firstIndex(of: UInt8(ascii: "}"))!
        #expect(result.diagnostics.first?.range == TextRange(closingBrace - 1, closingBrace))
    }

    @Test func validFileIsClean() {
        let result = FileCheck.run(SyntaxTree(#"{"role": "caller", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi. <endcall />", "type": "standard", "fixed_message": true}]}"#), fileName: nil)
        #expect(result.kind.kind == .conditionalActions)
        #expect(result.diagnostics.isEmpty)
    }
}
