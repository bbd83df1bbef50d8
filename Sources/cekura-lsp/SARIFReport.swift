import JSONSyntax
import ScenarioCheck

/// `check --format sarif`: a SARIF 2.1.0 log with one run, for code-scanning
/// services. Regions are 1-based with columns in UTF-16 code units (the run's
/// `columnKind`); `endColumn` is the column just after the range, as SARIF defines.
enum SARIFReport {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    static func render(_ files: [CheckedFile]) -> String {
        let ruleIDs = Set(files.flatMap { $0.diagnostics.map(\.code) }).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($0.element, $0.offset) })
        let results = files.flatMap { file in
            file.diagnostics.map { result($0, ruleIndex: ruleIndex[$0.code] ?? 0, in: file) }
        }
        let driver: JSONValue = .object([
            ("name", .string(ToolIdentity.name)),
            ("version", .string(ToolIdentity.version)),
            ("informationUri", .string(ToolIdentity.informationURI)),
            ("rules", .array(ruleIDs.map(rule))),
        ])
        return JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("columnKind", .string("utf16CodeUnits")),
                ("results", .array(results)),
            ])])),
        ]).serialized + "\n"
    }

    private static func rule(_ id: String) -> JSONValue {
        guard let summary = diagnosticCodeSummary(id) else { return .object([("id", .string(id))]) }
        return .object([("id", .string(id)), ("shortDescription", .object([("text", .string(summary))]))])
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int, in file: CheckedFile) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("ruleId", .string(diagnostic.code)),
            ("ruleIndex", .integer(ruleIndex)),
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(diagnostic.range, in: file))])])),
        ]
        if !diagnostic.related.isEmpty {
            members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                .object([
                    ("id", .integer(index)),
                    ("physicalLocation", physicalLocation(related.range, in: file)),
                    ("message", .object([("text", .string(related.message))])),
                ])
            })))
        }
        return .object(members)
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .information, .hint: "note"
        }
    }

    private static func physicalLocation(_ range: TextRange, in file: CheckedFile) -> JSONValue {
        let start = file.lspPosition(of: range.start)
        let end = file.lspPosition(of: range.end)
        return .object([
            ("artifactLocation", .object([("uri", .string(artifactURI(file.path)))])),
            ("region", .object([
                ("startLine", .integer(start.line + 1)),
                ("startColumn", .integer(start.column + 1)),
                ("endLine", .integer(end.line + 1)),
                ("endColumn", .integer(end.column + 1)),
            ])),
        ])
    }

    /// A relative path stays relative, so that code scanning resolves it against
    /// the checkout; an absolute one becomes a `file://` URI. Characters a URI
    /// path cannot hold are percent-encoded (`:` too, which would read as a scheme).
    static func artifactURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            if isAllowedInURIPath(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func isAllowedInURIPath(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~/!$&'()*+,;=@".utf8.contains(byte)
        }
    }
}
