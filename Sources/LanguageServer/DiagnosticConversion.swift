import JSONSyntax
import LanguageServerProtocol

/// Checker diagnostics as LSP `Diagnostic` objects, in the negotiated encoding.
struct DiagnosticConversion {
    let lineIndex: LineIndex
    let encoding: PositionEncoding
    let uri: String
    let client: ClientCapabilities

    func json(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("range", lineIndex.json(diagnostic.range, in: encoding)),
            // The checker's severities are LSP's `DiagnosticSeverity` numbers.
            ("severity", .integer(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("source", "cekura"),
            ("message", .string(diagnostic.message)),
        ]
        if client.acceptsRelatedInformation, !diagnostic.related.isEmpty {
            members.append(("relatedInformation", .array(diagnostic.related.map { related in
                ["location": ["uri": .string(uri), "range": lineIndex.json(related.range, in: encoding)], "message": .string(related.message)]
            })))
        }
        return .object(members)
    }
}
