import JSONSyntax

/// The JSONPath subset of a function's `response_mapping` (scenario-format.md §5.5):
///
///     path    = "$" { segment }
///     segment = "." name | "[" [ "-" ] digits "]" | '["' chars '"]'
///     name    = 1*( letter / digit / "_" )
///
/// Wildcards, filters, recursive descent, slices and unions are not supported;
/// single-quoted brackets `['k']` are undocumented. Ranges are UTF-8 byte
/// offsets of the decoded string.
public enum ResponsePath {
    public struct Problem: Sendable, Equatable {
        public let message: String
        public let range: TextRange
        /// Undocumented rather than unsupported (`['k']`).
        public let isUndocumented: Bool
        /// The whole path written in the supported form, when there is one.
        public let rewrite: String?
    }

    /// The problems of a path, in order; empty when the path is supported.
    /// Reading stops at the first unsupported segment.
    public static func problems(in path: String) -> [Problem] {
        var reader = PathReader(path)
        return reader.read()
    }
}

private struct PathReader {
    /// The path's scalars with the UTF-8 offset of each, and the end offset last.
    let scalars: [Unicode.Scalar]
    let offsets: [Int]
    let path: String
    var index = 0
    var problems: [ResponsePath.Problem] = []

    init(_ path: String) {
        self.path = path
        scalars = Array(path.unicodeScalars)
        var offsets: [Int] = []
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += String(scalar).utf8.count
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    private func range(_ start: Int, _ end: Int) -> TextRange { TextRange(offsets[start], offsets[min(end, scalars.count)]) }
    private func at(_ position: Int) -> Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    private func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private mutating func fail(_ message: String, _ start: Int, _ end: Int, rewrite: String? = nil) -> [ResponsePath.Problem] {
        problems.append(ResponsePath.Problem(message: message, range: range(start, max(end, start + 1)),
                                             isUndocumented: false, rewrite: rewrite))
        return problems
    }

    mutating func read() -> [ResponsePath.Problem] {
        guard at(0) == "$" else {
            // "data.status" most likely meant "$.data.status".
            let dotted = !scalars.isEmpty && path.split(separator: ".", omittingEmptySubsequences: false)
                .allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isNameScalar) }
            return fail(scalars.isEmpty ? "the path is empty; a path starts with `$`, the whole response, like \"$.data.status\""
                                        : "a path starts with `$`, the whole response, like \"$.data.status\"",
                        0, scalars.isEmpty ? 0 : 1, rewrite: dotted ? "$." + path : nil)
        }
        index = 1
        while index < scalars.count {
            let start = index
            switch scalars[index] {
            case ".":
                if at(index + 1) == "." { return fail("recursive descent (`..`) is not supported in response paths", start, start + 2) }
                if at(index + 1) == "*" { return fail("wildcards (`*`) are not supported in response paths", start, start + 2) }
                index += 1
                while let scalar = at(index), isNameScalar(scalar) { index += 1 }
                var end = index
                while let scalar = at(end), scalar != ".", scalar != "[" { end += 1 }
                let key = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
                if end == start + 1 { return fail("a `.` must be followed by a key", start, start + 1) }
                if end > index {
                    let bracket = "[" + key.jsonQuoted + "]"
                    return fail("a key with characters other than letters, digits and `_` needs the bracket form: \(bracket)",
                                start, end, rewrite: rewrite(replacing: start, end, with: bracket))
                }
            case "[":
                guard let problem = readBracket(from: start) else { continue }
                return problem
            case "*":
                return fail("wildcards (`*`) are not supported in response paths", start, start + 1)
            default:
                return fail("expected `.key` or `[…]` here", start, start + 1)
            }
        }
        return problems
    }

    /// The whole path with the scalars `start..<end` replaced, as it would then be written.
    private func rewrite(replacing start: Int, _ end: Int, with replacement: String) -> String {
        String(String.UnicodeScalarView(scalars[..<start])) + replacement + String(String.UnicodeScalarView(scalars[end...]))
    }

    /// Reads `[…]` at `start`; a result means reading stops there.
    private mutating func readBracket(from start: Int) -> [ResponsePath.Problem]? {
        let open = start + 1
        switch at(open) {
        case "\"", "'":
            let quote = scalars[open]
            var close = open + 1
            while let scalar = at(close), scalar != quote { close += 1 }
            guard close < scalars.count, at(close + 1) == "]" else {
                return fail("this `[` is not closed by \(quote)]", start, scalars.count)
            }
            index = close + 2
            if quote == "'" {
                let key = String(String.UnicodeScalarView(scalars[(open + 1)..<close]))
                let bracket = "[" + key.jsonQuoted + "]"
                problems.append(ResponsePath.Problem(
                    message: "single-quoted brackets are not documented; write \(bracket)",
                    range: range(start, index), isUndocumented: true, rewrite: rewrite(replacing: start, index, with: bracket)))
            }
            return nil
        case "*":
            return fail("wildcards (`[*]`) are not supported in response paths", start, close(from: start))
        case "?":
            return fail("filters (`[?(…)]`) are not supported in response paths", start, close(from: start))
        default:
            let end = close(from: start)
            guard end <= scalars.count, scalars[end - 1] == "]" else {
                return fail("this `[` is never closed", start, scalars.count)
            }
            let inside = String(String.UnicodeScalarView(scalars[open..<(end - 1)]))
            if inside.contains(":") { return fail("slices (`[start:end]`) are not supported in response paths", start, end) }
            if inside.contains(",") { return fail("unions (`[a,b]`) are not supported in response paths", start, end) }
            let digits = inside.hasPrefix("-") ? inside.dropFirst() : inside[...]
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.numericType != nil }) else {
                return fail("an index is a whole number (`[0]`, `[-1]`); a key in brackets is quoted: [\"key\"]", start, end)
            }
            index = end
            return nil
        }
    }

    /// The position after the `]` that closes the bracket at `start`, or the end.
    private func close(from start: Int) -> Int {
        var end = start + 1
        while let scalar = at(end) {
            end += 1
            if scalar == "]" { break }
        }
        return end
    }
}
