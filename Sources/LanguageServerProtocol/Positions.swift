import JSONSyntax

/// LSP's `Position` and `Range` objects, in lines and columns of the
/// negotiated encoding.
extension LinePosition {
    public var json: JSONValue { ["line": .integer(line), "character": .integer(column)] }

    /// Reads `{line, character}`; nil when either is missing or negative.
    public init?(json: JSONValue?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue, line >= 0, character >= 0 else {
            return nil
        }
        self.init(line: line, column: character)
    }
}

extension LineIndex {
    /// A byte range as an LSP `Range`.
    public func json(_ range: TextRange, in encoding: PositionEncoding) -> JSONValue {
        let (start, end) = self.range(of: range, in: encoding)
        return ["start": start.json, "end": end.json]
    }
}

/// Reads an LSP `Range` object.
public func lineRange(json: JSONValue?) -> (start: LinePosition, end: LinePosition)? {
    guard let start = LinePosition(json: json?["start"]), let end = LinePosition(json: json?["end"]) else { return nil }
    return (start, end)
}
