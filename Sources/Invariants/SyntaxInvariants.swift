import JSONSyntax
import ScenarioCheck

extension Invariants {
    /// Parsing keeps every byte and puts every node inside its parent; line
    /// positions and string offsets map back and forth; checking and formatting
    /// give edits that apply.
    public static func syntax(_ bytes: [UInt8]) -> [String] {
        var violations = Violations()
        let tree = SyntaxTree.parse(bytes)
        violations.check(tree.bytes == bytes, "the tree does not hold the input bytes")
        checkNodes(tree, &violations)
        checkLineIndex(bytes, &violations)
        for fileName in ["cekura.tests.json", "x.scenario.json", "script.json"] {
            let result = FileCheck.run(tree, fileName: fileName)
            for diagnostic in result.diagnostics {
                violations.check(diagnostic.range.start >= 0 && diagnostic.range.end <= bytes.count && diagnostic.range.start <= diagnostic.range.end,
                                 "\(diagnostic.code) has range \(diagnostic.range) outside 0..<\(bytes.count)")
                for fix in diagnostic.fixes {
                    violations.check((try? bytes.applying(fix.edits)) != nil, "the fix \"\(fix.title)\" of \(diagnostic.code) does not apply")
                }
            }
        }
        if let formatted = JSONFormatter.format(tree) {
            let edits = JSONFormatter.edits(tree) ?? []
            violations.check((try? bytes.applying(edits)).map { String(decoding: $0, as: UTF8.self) } == formatted,
                             "formatting edits do not give the formatted text")
            violations.check(JSONFormatter.format(SyntaxTree(formatted)) == formatted, "formatting twice changes the text")
        }
        return violations.found
    }

    private static func checkNodes(_ tree: SyntaxTree, _ violations: inout Violations) {
        var stack = [tree.document]
        var strings = 0
        while let node = stack.popLast() {
            let range = node.range
            violations.check(0 <= range.start && range.start <= range.end && range.end <= tree.bytes.count, "\(node) lies outside the input")
            for child in node.children {
                violations.check(range.contains(child.range), "\(child) lies outside its parent \(node)")
                stack.append(child)
            }
            if node.kind == .string, strings < 64 {
                strings += 1
                checkDecoded(node.decoded, &violations)
            }
        }
    }

    /// Decoded offsets map to source offsets inside the string, in order, and
    /// back to an offset no later than where they came from (an escape maps to its start).
    private static func checkDecoded(_ decoded: DecodedString, _ violations: inout Violations) {
        var previous = decoded.contentRange.start
        for offset in 0...decoded.utf8Count {
            let source = decoded.sourceOffset(ofDecoded: offset)
            violations.check(decoded.contentRange.touches(source), "decoded \(offset) maps to \(source), outside \(decoded.contentRange)")
            violations.check(source >= previous, "decoded offsets map out of order at \(offset)")
            violations.check(decoded.decodedOffset(ofSource: source) <= offset, "decoded \(offset) does not map back")
            previous = source
        }
    }

    /// Every offset at a character boundary survives a trip through a line
    /// position in UTF-8 and UTF-16.
    private static func checkLineIndex(_ bytes: [UInt8], _ violations: inout Violations) {
        let index = LineIndex(bytes)
        let step = max(1, bytes.count / 256)
        // Between the `\r` and `\n` of a line break there is no position to name
        // (LSP counts columns in a line's text), so those offsets are skipped.
        func splitsLineBreak(_ offset: Int) -> Bool {
            offset > 0 && offset < bytes.count && bytes[offset - 1] == UInt8(ascii: "\r") && bytes[offset] == UInt8(ascii: "\n")
        }
        for offset in stride(from: 0, through: bytes.count, by: step)
        where (offset == bytes.count || bytes[offset] & 0xC0 != 0x80) && !splitsLineBreak(offset) {
            for encoding in [PositionEncoding.utf8, .utf16] {
                let position = index.position(of: offset, in: encoding)
                let back = index.offset(of: position, in: encoding)
                // Invalid UTF-8 counts by bytes in one encoding and by replacement characters in the other.
                guard isWellFormed(bytes[index.lineRange(position.line).start..<min(bytes.count, max(offset, index.lineRange(position.line).start))]) else { continue }
                violations.check(back == offset, "offset \(offset) → \(position) → \(back) in \(encoding)")
            }
        }
    }

    private static func isWellFormed(_ bytes: ArraySlice<UInt8>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
