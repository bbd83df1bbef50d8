import JSONSyntax
import LanguageServerProtocol

/// Applies LSP `TextEdit[]` as a client would, in the negotiated encoding.
enum LSPEdits {
    static func apply(_ edits: JSONValue?, to text: String, encoding: PositionEncoding) throws -> String {
        let bytes = Array(text.utf8)
        let lineIndex = LineIndex(bytes)
        let textEdits = (edits?.arrayValue ?? []).compactMap { edit -> TextEdit? in
            guard let range = lineRange(json: edit["range"]), let newText = edit["newText"]?.stringValue else { return nil }
            return TextEdit(range: lineIndex.textRange(from: range.start, to: range.end, in: encoding), newText: newText)
        }
        return String(decoding: try bytes.applying(textEdits), as: UTF8.self)
    }
}
