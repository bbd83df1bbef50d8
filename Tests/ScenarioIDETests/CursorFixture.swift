import JSONSyntax
import ScenarioModel
@testable import ScenarioIDE
import Testing

/// A document with the cursor marked `$0`, as rust-analyzer's fixtures mark it.
/// Fixtures of features that read the whole document have no marker; their
/// cursor is at 0 and unused.
struct CursorFixture {
    let text: String
    let offset: Int
    let document: ScenarioDocument

    init(_ marked: String, fileName: String = "cekura.tests.json") {
        if let marker = marked.range(of: "$0") {
            offset = marked.utf8.distance(from: marked.utf8.startIndex, to: marker.lowerBound.samePosition(in: marked.utf8)!)
            text = marked.replacingCharacters(in: marker, with: "")
        } else {
            offset = 0
            text = marked
        }
        document = ScenarioDocument(tree: SyntaxTree(text), fileName: fileName)
    }

    /// `text` with the cursor right after the first `snippet` in it.
    init(_ text: String, cursorAfter snippet: String, fileName: String = "cekura.tests.json") {
        let end = text.range(of: snippet)!.upperBound
        self.init(text.replacingCharacters(in: end..<end, with: "$0"), fileName: fileName)
    }

    var completions: [CompletionItem] { Completion.items(in: document, at: offset) }
    var hover: HoverInfo? { Hover.info(in: document, at: offset) }

    /// The text after accepting the item with this label, snippet syntax removed.
    func accepting(_ label: String) -> String? {
        guard let item = completions.first(where: { $0.label == label }) else { return nil }
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(item.range.start..<item.range.end, with: Array(item.plainText.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    func covered(_ range: TextRange) -> String {
        String(decoding: Array(text.utf8)[range.start..<range.end], as: UTF8.self)
    }

    /// The range in brackets with the bytes around it, to tell apart places
    /// that hold the same text: `"id": [1], "c`. See `expectMarks`.
    func marked(_ range: TextRange, context: Int = 24) -> String {
        let bytes = Array(text.utf8)
        func slice(_ from: Int, _ to: Int) -> String { String(decoding: bytes[max(0, from)..<min(bytes.count, to)], as: UTF8.self) }
        return slice(range.start - context, range.start) + "[" + slice(range.start, range.end) + "]" + slice(range.end, range.end + context)
    }

    // MARK: Navigation and rename

    /// Each occurrence of the symbol at the cursor, marked, in document order.
    var occurrences: [String] { (Navigation.occurrences(in: document, at: offset)?.all ?? []).map { marked($0.range) } }
    var definition: String? { Navigation.definition(in: document, at: offset).map { marked($0.definition.range) } }

    /// The text after renaming the symbol at the cursor, or why it was refused.
    /// Edits that overlap fail the test.
    func renamed(to name: String) throws -> Result<String, Rename.Refusal> {
        switch Rename.edits(in: document, at: offset, to: name) {
        case .success(let edits): .success(String(decoding: try document.tree.bytes.applying(edits), as: UTF8.self))
        case .failure(let refusal): .failure(refusal)
        }
    }
}

import Foundation

/// Expects each marked range (`CursorFixture.marked`) to hold its snippet:
/// the brackets and as much text around them as tells the place apart.
func expectMarks(_ marked: [String], _ snippets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard marked.count != snippets.count || zip(marked, snippets).contains(where: { !$0.contains($1) }) else { return }
    Issue.record("marked ranges\n\(marked.joined(separator: "\n"))\ndo not show\n\(snippets.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

func expectMark(_ marked: String?, _ snippet: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectMarks(marked.map { [$0] } ?? [], [snippet], sourceLocation: sourceLocation)
}
