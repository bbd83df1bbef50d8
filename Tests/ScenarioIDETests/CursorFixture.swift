import JSONSyntax
import ScenarioModel
@testable import ScenarioIDE

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
}

import Foundation
