import Foundation
import JSONSyntax

/// One version of an open document: immutable, so a request can read it on a
/// worker queue while edits make newer versions on the state queue.
struct OpenDocument: Sendable {
    let uri: String
    let version: Int
    let document: JSONDocument
    /// The file path of a `file:` URI, for kind detection and associations.
    let path: String?

    init(uri: String, version: Int, document: JSONDocument) {
        self.uri = uri
        self.version = version
        self.document = document
        path = Self.path(of: uri)
    }

    func with(version: Int, document: JSONDocument) -> OpenDocument {
        OpenDocument(uri: uri, version: version, document: document)
    }

    /// The path of a `file:` URI, percent-decoded; an untitled buffer or another
    /// scheme has none (its kind then comes from `$schema` or the shape).
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.scheme == "file" else { return nil }
        return url.path
    }
}
