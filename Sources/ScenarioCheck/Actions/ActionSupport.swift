import JSONSyntax
import ScenarioModel

/// A JSON string whose decoded text the tag and placeholder rules read: ranges
/// in the decoded text become ranges in the string's tree, and replacement
/// text is escaped for the string it lands in. A string read from its source
/// bytes (where what is read has no escapes) maps offsets one to one.
struct StringLocation {
    private let escapes: EscapeMap?
    private let contentStart: Int

    init(_ escapes: EscapeMap) {
        self.escapes = escapes
        contentStart = escapes.contentRange.start
    }

    /// Offsets count from the first byte after the string's opening quote.
    init(sourceFrom contentStart: Int) {
        escapes = nil
        self.contentStart = contentStart
    }

    func range(_ range: Range<Int>) -> TextRange {
        escapes?.sourceRange(ofDecoded: range) ?? TextRange(contentStart + range.lowerBound, contentStart + range.upperBound)
    }

    func edit(_ range: Range<Int>, _ text: String) -> TextEdit {
        TextEdit(range: self.range(range), newText: text.jsonStringContent)
    }

    /// Checks each placeholder of a string that is not an action (instructions,
    /// a role, a condition) with `check`, which appends its diagnostics. The
    /// source is read as it is where no placeholder holds an escape, which
    /// spares decoding long texts, and a placeholder written exactly like one
    /// that was found clean is not read again (instructions repeat theirs); a
    /// string with no `{{` in its source (nor an escaped brace) is not decoded.
    static func checkPlaceholders(of node: SyntaxNode, profile: () -> TestProfileData?, into diagnostics: inout [Diagnostic],
                                  _ check: (PlaceholderRules, PlaceholderRules.Found, inout [Diagnostic]) -> Void) {
        guard node.kind == .string else { return }
        let content = node.contentRange
        let first = diagnostics.count
        // The test data is looked up at the first placeholder: most texts have none.
        var rules: PlaceholderRules?
        let readAsWritten = node.tree.bytes.withUnsafeBufferPointer { whole -> Bool in
            let buffer = UnsafeBufferPointer(rebasing: whole[content.start..<content.end])
            var clean: [Slice<UnsafeBufferPointer<UInt8>>] = []
            var index = 0
            var found = false
            while let brace = ActionParser.firstIndex(of: UInt8(ascii: "{"), in: buffer, from: index), brace + 1 < buffer.count {
                guard buffer[brace + 1] == UInt8(ascii: "{") else {
                    index = brace + 1
                    continue
                }
                found = true
                var end = brace + 2
                while end + 1 < buffer.count, !(buffer[end] == UInt8(ascii: "}") && buffer[end + 1] == UInt8(ascii: "}")) { end += 1 }
                // Never closed, or written with escapes: read from the decoded text.
                guard end + 1 < buffer.count else { return false }
                let written = buffer[brace..<end + 2]
                if written.contains(UInt8(ascii: "\\")) { return false }
                index = end + 2
                if clean.contains(where: { UnsafeBufferPointer(rebasing: $0).hasSameBytes(as: UnsafeBufferPointer(rebasing: written)) }) { continue }
                guard let placeholder = ActionParser.placeholders(inUTF8: UnsafeBufferPointer(rebasing: written)).first else { continue }
                let before = diagnostics.count
                if rules == nil { rules = PlaceholderRules(location: StringLocation(sourceFrom: content.start), profile: profile()) }
                check(rules!, PlaceholderRules.Found(placeholder: placeholder, offset: brace), &diagnostics)
                if diagnostics.count == before { clean.append(written) }
            }
            return found || !holdsEscapedBrace(buffer)
        }
        guard !readAsWritten else { return }
        diagnostics.removeSubrange(first...)
        guard let decoded = node.decodedBytes else { return }
        let decodedRules = PlaceholderRules(location: StringLocation(decoded.map), profile: profile())
        for placeholder in decoded.utf8.withUnsafeBufferPointer(ActionParser.placeholders(inUTF8:)) {
            check(decodedRules, PlaceholderRules.Found(placeholder: placeholder, offset: 0), &diagnostics)
        }
    }

    /// `\u007b`: a brace written as an escape.
    private static func holdsEscapedBrace(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let backslash = ActionParser.firstIndex(of: UInt8(ascii: "\\"), in: buffer, from: index) {
            if backslash + 5 < buffer.count, buffer[backslash + 1] == UInt8(ascii: "u"), buffer[backslash + 2] == UInt8(ascii: "0"),
               buffer[backslash + 3] == UInt8(ascii: "0"), buffer[backslash + 4] == UInt8(ascii: "7"),
               buffer[backslash + 5] | 0x20 == UInt8(ascii: "b") {
                return true
            }
            // `\\` is one escape: skip both.
            index = backslash + 2
        }
        return false
    }
}

/// A function the script declares, as the tag and placeholder rules need it.
struct DeclaredFunction {
    let name: String
    /// `auto_run`, default true: the function runs when the call starts.
    let autoRun: Bool
    /// `config.response_mapping` when it is an object.
    let mapping: SyntaxNode?

    var outputs: [String] { mapping?.members.map(\.keyName) ?? [] }
}

/// What the rules consult about the script an action stands in, computed once
/// per script and only when an action needs it.
final class ScriptFacts {
    let script: ConditionalActionsView
    private let context: ScriptOccurrence.Context
    /// Looked up when a placeholder needs it.
    private(set) lazy var testProfile: TestProfileData? = TestProfileData.of(context)

    private let functionViews: [FunctionView]

    init(_ parts: ScriptParts) {
        script = parts.script
        context = parts.occurrence.context
        functionViews = parts.functions
    }

    /// Declared functions (the first of duplicates), in declaration order: a
    /// script declares a handful, which a search reads faster than a table is built.
    private(set) lazy var functions: [DeclaredFunction] = {
        var functions: [DeclaredFunction] = []
        for function in functionViews {
            guard let name = function.name, !functions.contains(where: { $0.name == name }) else { continue }
            functions.append(DeclaredFunction(name: name, autoRun: function.autoRun, mapping: function.responseMapping))
        }
        return functions
    }()

    func function(named name: String) -> DeclaredFunction? { functions.first { $0.name == name } }
}

/// What the rules consult about the condition an action belongs to; the
/// fields other than `action` and `condition` are looked up when a rule needs them.
extension ConditionView {
    /// The first condition (id 0, `FIRST_MESSAGE`).
    public var isFirstMessage: Bool { index == 0 || id == 0 }

    /// `fixed_message: false` written out; a missing or mistyped value is the
    /// script rules' to report.
    public var isNotFixed: Bool { fixedMessageNode?.kind == .false }
}

/// A list as messages write it: "`a`, `b` or `c`".
public func wordList(_ items: [String], conjunction: String = "or", limit: Int = 8) -> String {
    let quoted = items.prefix(limit).map { "`\($0)`" }
    let more = items.count > limit ? ", …" : ""
    guard quoted.count > 1 else { return (quoted.first ?? "") + more }
    if !more.isEmpty { return quoted.joined(separator: ", ") + more }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
}

/// Text as a message quotes it: shortened, on one line. Public: editor
/// features (outline names, inlay hints) quote texts the same way.
public func shown(_ text: String, limit: Int = 40) -> String {
    let flat = String(text.map { $0.isNewline ? " " : $0 })
    return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
}

/// Text without the blanks (space, tab, line ends) around it.
func trimmingBlanks(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var start = 0, end = bytes.count
    while start < end, bytes[start].isTagBlank { start += 1 }
    while end > start, bytes[end - 1].isTagBlank { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
}

extension UInt8 {
    var isTagBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
