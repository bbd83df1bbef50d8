@testable import ScenarioIDE
import Testing

/// Workspace symbol search over outlines.
struct SymbolSearchTests {
    @Test func queryIsACaseInsensitiveSubsequence() {
        let symbols = DocumentSymbols.outline(of: CursorFixture(DocumentSymbolTests.suite).document)
        #expect(SymbolSearch.matching("LPAR", in: symbols).map(\.symbol.name) == ["Late parcel"])
        #expect(SymbolSearch.matching("nam", in: symbols).map(\.symbol.name) == ["#1: The agent asks for your name"])
        #expect(SymbolSearch.matching("parcel late", in: symbols).isEmpty, "the order of the characters counts")
        #expect(SymbolSearch.matching("", in: symbols).count == 9)
    }

    @Test func eachSymbolKnowsItsContainer() {
        let symbols = DocumentSymbols.outline(of: CursorFixture(DocumentSymbolTests.suite).document)
        let found = SymbolSearch.matching("lookup", in: symbols)
        #expect(found.map(\.container) == ["Late parcel"])
        #expect(SymbolSearch.flattened(symbols).first?.container == nil)
    }
}
