import JSONSyntax

/// The source line a diagnostic starts on and a caret line underlining its
/// range (`^~~~`), aligned for a terminal: the padding takes each character's
/// display width and copies tabs, so the caret sits under the right character
/// whatever the tab stops. A range that runs onto later lines is underlined to
/// the end of its first line.
struct SourceExcerpt: Equatable, Sendable {
    var sourceLine: String
    var caretLine: String

    /// A longer line (minified JSON) is cut to this many characters, starting a
    /// little before the range, and marked with `...` where text is left out.
    static let maxShownCharacters = 200
    /// How much of a cut line before the range is kept.
    static let contextBeforeRange = 40
    static let elision = "..."
    /// No character takes more bytes; bounds the bytes decoded for a long line.
    static let maxBytesPerCharacter = 4
}

extension SourceExcerpt {
    /// `redactions` are byte ranges whose characters are shown as `*`: values
    /// that look like secrets never reach a terminal or a CI log.
    init(source: [UInt8], lines: LineIndex, range: TextRange, redactions: [TextRange] = []) {
        let content = lines.lineRange(lines.line(of: range.start))
        let start = min(max(range.start, content.start), content.end)
        let end = min(max(range.end, start), content.end)
        let decoded = Self.decodedBytes(source, line: content, start: start)
        let scalars = SourceScalar.decode(source[decoded]).map { scalar in
            redactions.contains { $0.contains(scalar.offset) } ? SourceScalar(scalar: "*", offset: scalar.offset, length: scalar.length) : scalar
        }

        let first = scalars.firstIndex { $0.end > start } ?? scalars.count
        let pastLast = scalars.firstIndex { $0.offset >= end } ?? scalars.count
        var shown = 0..<scalars.count
        if scalars.count > Self.maxShownCharacters || decoded != content.start..<content.end {
            let lowerBound = max(0, first - Self.contextBeforeRange)
            shown = lowerBound..<min(scalars.count, lowerBound + Self.maxShownCharacters)
        }
        let shownStart = shown.isEmpty ? start : scalars[shown.lowerBound].offset
        let shownEnd = shown.isEmpty ? start : scalars[shown.upperBound - 1].end
        let leadingElision = shownStart > content.start ? Self.elision : ""
        let trailingElision = shownEnd < content.end ? Self.elision : ""

        var line = leadingElision
        line.unicodeScalars.append(contentsOf: scalars[shown].map { Self.printable($0.scalar) })
        sourceLine = line + trailingElision

        var caret = String(repeating: " ", count: leadingElision.count)
        for scalar in scalars[shown.lowerBound..<first] {
            if scalar.scalar == "\t" {
                caret += "\t"
            } else {
                caret += String(repeating: " ", count: DisplayWidth.of(Self.printable(scalar.scalar)))
            }
        }
        // A tab inside the range counts one column: only what precedes the caret
        // has to line up, and the underline just has to be visible.
        let underlined = scalars[first..<min(max(first, pastLast), shown.upperBound)]
        let width = underlined.reduce(0) { $0 + ($1.scalar == "\t" ? 1 : DisplayWidth.of(Self.printable($1.scalar))) }
        caretLine = caret + "^" + String(repeating: "~", count: max(0, width - 1))
    }

    /// The bytes worth decoding: the whole line when it is short, else a window
    /// around `start` wide enough for the characters that can be shown, its ends
    /// moved off the middle of a character.
    private static func decodedBytes(_ source: [UInt8], line: TextRange, start: Int) -> Range<Int> {
        guard line.length > maxShownCharacters * maxBytesPerCharacter else { return line.start..<line.end }
        var lower = max(line.start, start - contextBeforeRange * maxBytesPerCharacter)
        var upper = min(line.end, start + (maxShownCharacters - contextBeforeRange) * maxBytesPerCharacter)
        func isContinuation(_ offset: Int) -> Bool { offset < line.end && source[offset] & 0xC0 == 0x80 }
        for _ in 1..<maxBytesPerCharacter where lower < start && isContinuation(lower) { lower += 1 }
        for _ in 1..<maxBytesPerCharacter where upper > start && isContinuation(upper) { upper -= 1 }
        return lower..<upper
    }

    /// What the terminal is shown for a scalar: control characters other than tab
    /// would move the cursor or start escape sequences, so they appear as their
    /// Unicode control pictures (C1 controls, which have none, as U+FFFD).
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: scalar
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\u{FFFD}"
        default: scalar
        }
    }
}
