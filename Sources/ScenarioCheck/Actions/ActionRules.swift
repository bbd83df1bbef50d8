import JSONSyntax
import ScenarioModel

/// The action tag language and template placeholders (scenario-format.md §6,
/// §7, FN12–FN17) in every action of a script, and the placeholders of its
/// `role` and `condition` strings. Ranges are in the script's own tree:
/// decoded action ranges are mapped through the action string's escapes.
enum ActionRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        let facts = ScriptFacts(parts)
        var check = ActionCheck(script: facts)
        if let role = parts.script.value("role") {
            checkUnsupportedPlaceholders(in: role, field: "`role`", facts, into: &check.diagnostics)
        }
        let tagged = parts.taggedActions
        var nextTagged = 0
        for (position, condition) in parts.conditions.enumerated() {
            if let text = condition.conditionNode {
                checkUnsupportedPlaceholders(in: text, field: "a `condition`", facts, into: &check.diagnostics)
            }
            let content: ActionCheck.Content, escapes: EscapeMap
            if nextTagged < tagged.count, tagged[nextTagged].condition.index == condition.index {
                (content, escapes) = (.markup(tagged[nextTagged].markup), tagged[nextTagged].escapes)
                nextTagged += 1
            } else if let decoded = parts.action(at: position, holding: UInt8(ascii: "{")) {
                // Without a tag, only the placeholders need reading.
                (content, escapes) = (.placeholders(decoded.utf8.withUnsafeBufferPointer(ActionParser.placeholders(inUTF8:))), decoded.map)
            } else {
                continue  // Plain speech, as most actions are, or no action.
            }
            check.run(condition, escapes: escapes, reading: content)
        }
        return check.diagnostics
    }

    /// Placeholders in `role` and in `condition` strings: Cekura documents none there.
    private static func checkUnsupportedPlaceholders(in node: SyntaxNode, field: String, _ facts: ScriptFacts,
                                                     into diagnostics: inout [Diagnostic]) {
        StringLocation.checkPlaceholders(of: node, profile: { facts.testProfile }, into: &diagnostics) { rules, found, diagnostics in
            if !rules.checkForm(found, into: &diagnostics) { rules.checkUnsupported(found, field: field, into: &diagnostics) }
        }
    }
}

/// The rules for the actions of one script, run one action after another,
/// each parsed once. One value serves the whole script: its storage is reused
/// from action to action, and it is never copied (a copy costs a retain per field).
struct ActionCheck {
    let script: ScriptFacts
    /// `TagFacts.all`, read for every tag: held here rather than looked up each time.
    private let catalogue = TagFacts.all
    /// The diagnostics of every action checked so far.
    var diagnostics: [Diagnostic] = []
    /// The functions `<function>` tags of earlier actions run.
    private(set) var functionsRunEarlier: Set<String> = []

    // The action being checked.
    private var currentCondition: ConditionView?
    var condition: ConditionView { currentCondition! }
    private(set) var markup = Self.noMarkup
    /// `markup.utf8`, held here: the rules read it byte by byte.
    private(set) var bytes: [UInt8] = []
    private(set) var location = StringLocation(sourceFrom: 0)
    /// Made at the action's first placeholder.
    private var placeholderRules: PlaceholderRules?
    /// The function each `<function name>` tag of this action runs, at the tag's offset.
    var functionTags: [(name: String, offset: Int)] = []
    /// The catalogue position of each tag and closing tag, by element index
    /// (`TagFacts.all`); `unknown` for other elements and for tags the
    /// catalogue does not know, `pairedWithUnknown` for the closing tag of one.
    private var facts: [Int8] = []
    static let unknown: Int8 = -1, pairedWithUnknown: Int8 = -2
    private static let noMarkup = ActionParser.parse("")
    /// The placeholders of an action read without its markup (it has no `<`).
    private var plainPlaceholders: [Placeholder] = []
    /// Opening tags reported otherwise, which `tag-unbalanced` leaves alone.
    private var settledOpeners: [Int] = []
    /// Whether a known tag needs `fixed_message: true`, and the first `<endcall />`.
    private var needsFixedMessage = false
    private var firstEndcall: Int?

    /// What is read of an action: its markup, or only its placeholders when it has no `<`.
    enum Content {
        case markup(ActionMarkup)
        case placeholders([Placeholder])
    }

    init(script: ScriptFacts) {
        self.script = script
    }

    /// Checks the next action of the script, the action of `condition`.
    mutating func run(_ condition: ConditionView, escapes: EscapeMap, reading content: Content) {
        currentCondition = condition
        switch content {
        case .markup(let parsed):
            markup = parsed
            plainPlaceholders.removeAll(keepingCapacity: true)
        case .placeholders(let placeholders):
            markup = Self.noMarkup
            plainPlaceholders = placeholders
        }
        bytes = markup.utf8
        location = StringLocation(escapes)
        placeholderRules = nil
        settledOpeners.removeAll(keepingCapacity: true)
        needsFixedMessage = false
        firstEndcall = nil
        facts.removeAll(keepingCapacity: true)
        facts.append(contentsOf: repeatElement(Self.unknown, count: markup.records.count))
        runElements()
        for tag in functionTags { functionsRunEarlier.insert(tag.name) }
        functionTags.removeAll(keepingCapacity: true)
    }

    func catalogued(_ index: Int) -> TagFact? {
        let position = facts[index]
        return position >= 0 ? catalogue[Int(position)] : nil
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    mutating func report(_ code: RuleCode, _ severity: Severity, _ message: String, _ range: Range<Int>,
                         related: [RelatedLocation] = [], fixes: [Fix] = []) {
        diagnostics.append(Diagnostic(code, severity, message, location.range(range), related: related, fixes: fixes))
    }

    /// One pass over the elements: everything a tag needs (the tags before it,
    /// the blocks around it) comes before it.
    private mutating func runElements() {
        for index in markup.records.indices {
            let record = markup.records[index]
            switch record.kind {
            case .tag:
                let tag = TagView(markup: markup, record: record)
                let closing = markup.closing(of: index)
                let position = resolve(tag, closing: closing.flatMap { closingTag($0) })
                facts[index] = position.map { Int8($0) } ?? Self.unknown
                if let closing { facts[closing] = position.map { Int8($0) } ?? Self.pairedWithUnknown }
                guard let position else { continue }
                let fact = catalogue[position]
                checkForm(tag, fact, index)
                checkAttributes(tag, fact, position, index)
                if !checkNesting(tag, fact, index) { checkPlacement(tag, fact, index) }
                checkCondition(tag, fact)
                if fact.fixedMessage != .either { needsFixedMessage = true }
                if firstEndcall == nil, fact.name == "endcall" { firstEndcall = index }
            case .closingTag:
                let closing = ClosingTagView(markup: markup, record: record)
                if facts[index] == Self.unknown, let position = resolve(closing) { facts[index] = Int8(position) }
                if closing.range.upperBound <= closing.nameRange.upperBound || bytes[closing.range.upperBound - 1] != UInt8(ascii: ">") {
                    let end = closing.range.upperBound
                    report(.tagNotClosed, .error, "`</\(closing.name)` is missing its `>`", closing.range,
                           fixes: [Fix(title: "Add `>`", edits: [location.edit(end..<end, ">")])])
                }
            case .placeholder:
                // Checked in place: the tags before it (`<function>`) are known by now.
                check(PlaceholderRules.Found(placeholder: markup.placeholders[Int(record.first)], offset: 0))
            case .text, .marker:
                break
            }
        }
        checkBalance()
        checkFixedMessage()
        checkTextAfterEndcall()
        for placeholder in plainPlaceholders { check(PlaceholderRules.Found(placeholder: placeholder, offset: 0)) }
    }

    /// §7 and FN12–FN17 for one placeholder of the action or of an attribute value.
    mutating func check(_ found: PlaceholderRules.Found) {
        if placeholderRules == nil { placeholderRules = PlaceholderRules(location: location, profile: script.testProfile) }
        checkPlaceholder(found, placeholderRules!)
    }

    private func closingTag(_ index: Int) -> ClosingTagView? {
        if case .closingTag(let closing) = markup.view(index) { closing } else { nil }
    }

    // MARK: Names

    /// The catalogue entry of a tag: its own name, or the lower-case one
    /// (`tag-case`); an unknown name is `tag-unknown`.
    private mutating func resolve(_ tag: TagView, closing: ClosingTagView?) -> Int? {
        if let position = tag.cataloguePosition { return position }
        let lower = tag.name.lowercased()
        func renames(to name: String) -> [TextEdit] {
            [location.edit(tag.nameRange, name)] + (closing.map { [location.edit($0.nameRange, name)] } ?? [])
        }
        if let position = TagFacts.position(of: lower) {
            report(.tagCase, .warning, "tag names are lower-case: `<\(lower)>`, not `<\(tag.name)>`", tag.nameRange,
                   fixes: [Fix(title: "Write `\(lower)`", edits: renames(to: lower))])
            return position
        }
        let meant = TagFacts.tagAliases[lower] ?? closestMatch(to: lower, among: TagFacts.all.map(\.name))
        guard let meant else {
            // A non-fixed action is an instruction read as plain text: "Ask for <name>" is no tag.
            if condition.isNotFixed { return nil }
            report(.tagUnknown, .warning,
                   "`<\(tag.name)>` is not a Cekura tag; the tags are \(wordList(TagFacts.all.map(\.name), conjunction: "and", limit: 30))",
                   tag.nameRange)
            return nil
        }
        if TagFacts.tagAliases[lower] == "silence" {
            // SSML's `<break time="500ms"/>`: `<silence>` takes seconds.
            report(.tagUnknown, .warning,
                   "`<\(tag.name)>` is not a Cekura tag (it is SSML); a pause is `<silence time=\"…s\" />`", tag.nameRange,
                   fixes: silenceFix(tag).map { [$0] } ?? [])
            return nil
        }
        report(.tagUnknown, .warning, "`<\(tag.name)>` is not a Cekura tag; did you mean `<\(meant)>`?", tag.nameRange,
               fixes: [Fix(title: "Write `\(meant)`", edits: renames(to: meant))])
        return nil
    }

    /// `<break time="500ms"/>` → `<silence time="0.5s"/>`, when `time` is its
    /// only attribute and reads as a duration.
    private func silenceFix(_ tag: TagView) -> Fix? {
        guard tag.attributes.count == 1, let time = tag.attributes.first, time.name == "time", time.quoteByte != nil,
              let value = time.value, let valueRange = time.valueRange, tag.isSelfClosing else { return nil }
        var edits = [location.edit(tag.nameRange, "silence")]
        if !TagValues.isSeconds(value.utf8) {
            guard let seconds = TagValues.seconds(from: value) else { return nil }
            edits.append(location.edit(valueRange, seconds))
        }
        return Fix(title: "Write `<silence>`", edits: edits)
    }

    /// A closing tag with no opening tag of its own name.
    private mutating func resolve(_ closing: ClosingTagView) -> Int? {
        if let position = closing.cataloguePosition { return position }
        let lower = closing.name.lowercased()
        if let position = TagFacts.position(of: lower) {
            report(.tagCase, .warning, "tag names are lower-case: `</\(lower)>`, not `</\(closing.name)>`", closing.nameRange,
                   fixes: [Fix(title: "Write `\(lower)`", edits: [location.edit(closing.nameRange, lower)])])
            return position
        }
        let meant = closestMatch(to: lower, among: TagFacts.all.filter { $0.form != .selfClosing }.map(\.name))
        report(.tagUnknown, .warning,
               "`</\(closing.name)>` closes no Cekura tag" + (meant.map { "; did you mean `</\($0)>`?" } ?? ""), closing.nameRange,
               fixes: meant.map { [Fix(title: "Write `\($0)`", edits: [location.edit(closing.nameRange, $0)])] } ?? [])
        return nil
    }

    // MARK: Form

    /// `tag-not-closed`: a self-closing tag written without its `/`, or a tag
    /// that breaks off before its `>`.
    private mutating func checkForm(_ tag: TagView, _ fact: TagFact, _ index: Int) {
        if !tag.isTerminated {
            let written = "<\(tag.name)"
            let unclosedQuote = tag.attributes.first { $0.quoteByte != nil && !quoteIsClosed($0) }
            let message = unclosedQuote.map { "the value of `\($0.name)` has no closing quote, so `\(written) …` never ends" }
                ?? "`\(written) …` breaks off before its `>`: a tag ends with `/>`, or `>` when it opens a block"
            let end = tag.range.upperBound
            let selfClosing = fact.form == .selfClosing || (fact.name == "voice" && tag.attribute("text") != nil)
            let clean = tag.attributes.allSatisfy { $0.quoteByte != nil && quoteIsClosed($0) }
            report(.tagNotClosed, .error, message, tag.range,
                   fixes: selfClosing && clean ? [Fix(title: "Close it with ` />`", edits: [location.edit(end..<end, " />")])] : [])
            settledOpeners.append(index)
            return
        }
        guard !tag.isSelfClosing else { return }
        let regionalVoice = fact.form == .either && tag.attribute("text") != nil && markup.closing(of: index) == nil
        guard fact.form == .selfClosing || regionalVoice else { return }
        let closingBracket = tag.range.upperBound - 1
        let spaced = closingBracket > 0 && bytes[closingBracket - 1].isTagBlank
        let what = regionalVoice ? "a `<voice>` with `text` is self-closing" : "`<\(fact.name)>` is self-closing"
        report(.tagNotClosed, .error, "\(what): write `\(regionalVoice ? "<voice … />" : "<\(fact.name) />")`; without the `/` it is not closed",
               tag.range, fixes: [Fix(title: "Write ` />`", edits: [location.edit(closingBracket..<closingBracket + 1, spaced ? "/>" : " />")])])
        settledOpeners.append(index)
    }

    /// Whether a quoted value ends with the quote it opened with (compared as
    /// bytes: the opening quote stands just before the value).
    func quoteIsClosed(_ attribute: AttributeView) -> Bool {
        guard attribute.quoteByte != nil, let valueRange = attribute.valueRange, valueRange.lowerBound > 0 else { return false }
        return valueRange.upperBound < bytes.count && bytes[valueRange.upperBound] == bytes[valueRange.lowerBound - 1]
    }

    // MARK: Attributes

    private mutating func checkAttributes(_ tag: TagView, _ fact: TagFact, _ position: Int, _ index: Int) {
        // The attributes of the catalogue seen so far, as bits, and where each
        // was first written (eight bits per attribute): no allocation per tag.
        var seen: UInt32 = 0
        var firstWritten: UInt64 = 0
        let attributes = tag.attributes
        for written in 0..<attributes.count {
            let attribute = attributes[written]
            var name = attribute.name
            // Where the parser found the name among the catalogue's attribute names.
            var specIndex = attribute.catalogueName.flatMap { catalogued in
                let index = TagTables.attributeIndex[position][catalogued]
                return index >= 0 ? Int(index) : nil
            }
            if specIndex == nil {
                let lower = name.lowercased()
                if let known = fact.attributes.firstIndex(where: { $0.name == lower }) {
                    report(.tagCase, .warning, "attribute names are lower-case: `\(lower)`, not `\(name)`", attribute.nameRange,
                           fixes: [Fix(title: "Write `\(lower)`", edits: [location.edit(attribute.nameRange, lower)])])
                    specIndex = known
                    name = lower
                } else if fact.ignoredAttributes.contains(lower) {
                    let effective = fact.attributes.map(\.name)
                    report(.tagAttributeIgnored, .warning,
                           "`\(name)` on `<\(fact.name)>` is ignored by the platform; only \(wordList(effective, conjunction: "and")) \(effective.count == 1 ? "takes" : "take") effect",
                           attribute.range, fixes: [Fix(title: "Remove `\(name)`", edits: [location.edit(removalRange(attribute, in: tag), "")])])
                    continue
                } else {
                    // `d="{"form":"x"}"`: the JSON's own quotes end the value, and
                    // the rest reads as attributes; `client-message-json` explains.
                    if let json = jsonCutShort(tag, fact), attribute.range.lowerBound >= json { continue }
                    reportUnknownAttribute(attribute, tag, fact)
                    continue
                }
            }
            guard let specIndex, written < 255 else { continue }
            let spec = fact.attributes[specIndex]
            let bit = UInt32(1) << specIndex
            if seen & bit != 0 {
                let first = tag.attributes[Int((firstWritten >> (8 * UInt64(specIndex))) & 0xFF)]
                report(.tagAttributeDuplicate, .error, "`\(name)` is written twice on `<\(fact.name)>`; which value is used is undocumented",
                       attribute.nameRange, related: [RelatedLocation(range: location.range(first.range), message: "the first `\(name)`")])
                continue
            }
            seen |= bit
            firstWritten |= UInt64(written) << (8 * UInt64(specIndex))
            guard let valueRange = attribute.valueRange else {
                report(.tagAttributeEmpty, .error, "`\(name)` has no value: write `\(name)=\"…\"`", attribute.range)
                continue
            }
            if attribute.quoteByte == nil {
                let value = text(valueRange)
                report(.tagAttributeUnquoted, .error, "attribute values are written in quotes: `\(name)=\"\(shown(value))\"`", valueRange,
                       fixes: [Fix(title: "Quote the value", edits: [location.edit(valueRange, "\"\(value)\"")])])
            } else if !quoteIsClosed(attribute) {
                continue  // `tag-not-closed` says so
            }
            checkValue(valueRange, spec, of: tag, fact, choices: TagTables.choices[position][specIndex])
        }
        if TagTables.required[position] & ~seen != 0 {
            for (specIndex, spec) in fact.attributes.enumerated() where spec.required && seen & (UInt32(1) << specIndex) == 0 {
                if fact.name == "audio" {
                    report(.audioIDMissing, .error,
                           "`<audio>` needs the `id` of an uploaded clip: `<audio id=\"…\" />`; only an upload's `action_template` may leave it out",
                           tag.range)
                } else {
                    report(.tagAttributeMissing, .error, "`<\(fact.name)>` needs `\(spec.name)`, e.g. `\(fact.example)`", tag.nameRange)
                }
            }
        }
        if fact.form == .either {
            checkVoice(tag, { name in
                guard let specIndex = fact.attributes.firstIndex(where: { $0.name == name }), seen & (UInt32(1) << specIndex) != 0 else { return nil }
                return tag.attributes[Int((firstWritten >> (8 * UInt64(specIndex))) & 0xFF)]
            }, index)
        }
    }

    /// Where a JSON attribute written in double quotes (`d="{"form":"x"}"`) was cut short by the JSON's own quotes.
    private func jsonCutShort(_ tag: TagView, _ fact: TagFact) -> Int? {
        tag.attributes.first { attribute in
            guard attribute.quoteByte == UInt8(ascii: "\""), let spec = fact.attribute(attribute.name), case .json = spec.value,
                  let value = attribute.value else { return false }
            return value.hasPrefix("{") || value.hasPrefix("[")
        }?.range.upperBound
    }

    private mutating func reportUnknownAttribute(_ attribute: AttributeView, _ tag: TagView, _ fact: TagFact) {
        let name = attribute.name
        guard !fact.attributes.isEmpty else {
            report(.tagAttributeUnknown, .warning, "`<\(fact.name)>` takes no attributes; `\(name)` has no effect", attribute.nameRange)
            return
        }
        let names = fact.attributes.map(\.name)
        let meant = closestMatch(to: name, among: names)
        let known = "`<\(fact.name)>` takes \(wordList(names, conjunction: "and"))"
        // A rename onto an attribute already written would duplicate it.
        let renamable = meant.map { meant in !tag.attributes.contains { $0.name == meant } } ?? false
        if let meant {
            report(.tagAttributeUnknown, .warning, "`\(name)` is not an attribute of `<\(fact.name)>`; did you mean `\(meant)`? (\(known))",
                   attribute.nameRange,
                   fixes: renamable ? [Fix(title: "Write `\(meant)`", edits: [location.edit(attribute.nameRange, meant)])] : [])
        } else {
            report(.tagAttributeUnknown, .warning, "`\(name)` is not an attribute of `<\(fact.name)>`; \(known)", attribute.nameRange)
        }
    }

    /// An attribute with the blanks before it.
    private func removalRange(_ attribute: AttributeView, in tag: TagView) -> Range<Int> {
        var start = attribute.range.lowerBound
        while start > tag.nameRange.upperBound, bytes[start - 1].isTagBlank { start -= 1 }
        return start..<attribute.range.upperBound
    }

    // MARK: Nesting (§6.4)

    /// `tag-nested`; true when reported, so that placement rules do not repeat it.
    private mutating func checkNesting(_ tag: TagView, _ fact: TagFact, _ index: Int) -> Bool {
        let opensBlock = !tag.isSelfClosing && tag.isTerminated && fact.form != .selfClosing
        var finding: (severity: Severity, message: String, container: Int)?
        // From the innermost block out; the outermost error is reported, else the outermost warning.
        var enclosing = markup.innermostBlock(around: index)
        while let container = enclosing {
            enclosing = markup.innermostBlock(around: container)
            guard let outer = catalogued(container) else { continue }
            var found: (Severity, String)?
            switch outer.content {
            case .textAndPlaceholders:
                found = (.error, "`<\(outer.name)>` holds only text and placeholders; `<\(fact.name)>` cannot stand inside it")
            case .unrestricted where fact.name == outer.name:
                found = (.error, "`<\(outer.name)>` spans cannot be nested; close the first before opening another")
            case .unrestricted where opensBlock:
                found = (.warning, "a `<\(fact.name)>` block inside `<\(outer.name)>` is not documented; only text and self-closing tags are")
            case .textAndInlineTags where fact.name == "voice" || fact.name == "ignore_interruptions":
                found = (.error, "`<\(fact.name)>` cannot stand inside a `<\(outer.name)>` block, which holds text and self-closing tags")
            case .textAndInlineTags where opensBlock:
                found = (.warning, "a `<\(fact.name)>` block inside a `<\(outer.name)>` block is not documented; it holds text and self-closing tags")
            default:
                break
            }
            if let found, found.0 == .error || finding?.severity != .error {
                finding = (found.0, found.1, container)
            }
        }
        guard let finding, case .tag(let outerTag) = markup.view(finding.container) else { return false }
        report(.tagNested, finding.severity, finding.message, tag.range,
               related: [RelatedLocation(range: location.range(outerTag.range), message: "the enclosing `<\(outerTag.name)>`")])
        return true
    }

    // MARK: Placement (§6.3)

    private mutating func checkPlacement(_ tag: TagView, _ fact: TagFact, _ index: Int) {
        switch fact.placement {
        case .anywhere:
            return
        case .wholeAction:
            guard let other = markup.records.indices.first(where: { $0 != index && !isBlank($0) }) else { return }
            report(.tagMustBeWholeAction, .error,
                   "`<\(fact.name)>` must be the whole action, with nothing else in it; here it stands with \"\(shown(text(trimmed(markup.records[other].range)), limit: 30))\". Move the rest to an `action_followup`",
                   tag.range)
        case .startOfAction:
            var startTags: [String] = []
            for before in 0..<index where !isBlank(before) {
                if markup.records[before].kind == .tag, let earlier = catalogued(before), earlier.placement == .startOfAction {
                    startTags.append(earlier.name)
                    continue
                }
                report(.tagMustStartAction, .error,
                       "`<\(fact.name)>` must start the action, with only blanks before it; it comes after \"\(shown(text(trimmed(markup.records[before].range)), limit: 30))\"",
                       tag.range)
                return
            }
            if fact.name == "interruption", let first = startTags.first(where: { $0 != "interruption" }) {
                report(.tagStartOrder, .warning,
                       "`<interruption>` comes after `<\(first)>`; it is documented at the very start of the action, and the order of start tags is undocumented: put `<interruption>` first",
                       tag.range)
            }
        }
    }

    private func isBlank(_ index: Int) -> Bool {
        let record = markup.records[index]
        return record.kind == .text && bytes[record.range].allSatisfy(\.isTagBlank)
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start].isTagBlank { start += 1 }
        while end > start, bytes[end - 1].isTagBlank { end -= 1 }
        return start..<end
    }

    // MARK: The condition

    /// `interruption-needs-followup`, `function-on-first-message` (FN15).
    private mutating func checkCondition(_ tag: TagView, _ fact: TagFact) {
        if fact.onlyOnFollowup, !condition.isFollowup {
            let typeWords = condition.type.map { "this condition's `type` is \"\($0)\"" } ?? "this condition has no `type`"
            var fixes: [Fix] = []
            if let target = condition.conditionNode, target.kind == .number, target.intValue != nil {
                let edit = condition.typeNode.map { TextEdit(range: $0.range, newText: "\"action_followup\"") }
                    ?? MemberEdits.insert(key: "type", value: "\"action_followup\"", into: condition.node)
                fixes = [Fix(title: "Set `type` to \"action_followup\"", edits: [edit])]
            }
            let howTo = fixes.isEmpty ? "; make it an `action_followup` whose `condition` is the id of the condition it follows" : ""
            report(.interruptionNeedsFollowup, .error,
                   "`<interruption>` works only on an `action_followup` condition, where it cuts into the agent's reply; \(typeWords)\(howTo)",
                   tag.range, fixes: fixes)
        }
        if fact.notOnFirstMessage, condition.isFirstMessage {
            report(.functionOnFirstMessage, .error,
                   "`<function>` cannot run on the first message; set `auto_run: true` on the function so it runs when the call starts, and use its outputs in a later condition",
                   tag.range)
        }
    }

    // MARK: Blocks

    /// `tag-unbalanced`: a block never closed, a closing tag that closes nothing.
    private mutating func checkBalance() {
        guard !markup.unclosed.isEmpty || !markup.strayClosings.isEmpty else { return }
        var openers = markup.unclosed.filter { facts[$0] >= 0 && !settledOpeners.contains($0) }
        var strays: [Int] = []
        for closing in markup.strayClosings {
            guard facts[closing] >= 0 else { continue }
            // `<Spell>…</spell>`: paired once the case is fixed, which `tag-case` offers.
            if let opener = openers.lastIndex(where: { $0 < closing && facts[$0] == facts[closing] }) {
                openers.remove(at: opener)
            } else {
                strays.append(closing)
            }
        }
        for opener in openers {
            guard case .tag(let tag) = markup.view(opener), let fact = catalogued(opener) else { continue }
            if fact.name == "voice" {
                let bracket = tag.range.upperBound - 1
                let spaced = bracket > 0 && bytes[bracket - 1].isTagBlank
                report(.tagUnbalanced, .error,
                       "this `<voice>` block is never closed with `</voice>`; a voice that stays for the rest of the call is self-closing: `<voice … />`",
                       tag.range, fixes: [Fix(title: "Make it self-closing", edits: [location.edit(bracket..<bracket + 1, spaced ? "/>" : " />")])])
            } else {
                report(.tagUnbalanced, .error, "`<\(tag.name)>` is never closed: add `</\(fact.name)>` after its content", tag.range)
            }
        }
        for stray in strays {
            guard case .closingTag(let closing) = markup.view(stray), let fact = catalogued(stray) else { continue }
            if fact.form == .selfClosing {
                report(.tagUnbalanced, .error, "`<\(fact.name) />` is self-closing and has no closing tag `</\(closing.name)>`", closing.range,
                       fixes: [Fix(title: "Remove `</\(closing.name)>`", edits: [location.edit(closing.range, "")])])
            } else {
                report(.tagUnbalanced, .error, "`</\(closing.name)>` closes no open `<\(fact.name)>`", closing.range)
            }
        }
    }

    // MARK: fixed_message (§6.5)

    /// `tag-needs-fixed-message`, once per action: the fix sets the flag for all its tags.
    private mutating func checkFixedMessage() {
        guard needsFixedMessage, condition.isNotFixed, let flag = condition.fixedMessageNode else { return }
        var tagged: [(tag: TagView, fact: TagFact)] = []
        for index in markup.records.indices {
            if case .tag(let tag) = markup.view(index), let fact = catalogued(index), fact.fixedMessage != .either { tagged.append((tag, fact)) }
        }
        guard !tagged.isEmpty else { return }
        let audio = tagged.first { $0.fact.fixedMessage == .refusedWhenNotFixed }
        let anchor = audio ?? tagged[0]
        var names: [String] = []
        for (_, fact) in tagged where !names.contains(fact.name) { names.append(fact.name) }
        let list = wordList(names.map { "<\($0)>" }, conjunction: "and")
        let message = audio != nil
            ? "`<audio>` clips can only be attached to a condition with `fixed_message: true`; the API refuses them here"
            : "tags work only with `fixed_message: true`; with false the action is an instruction the caller paraphrases, and \(list) would not take effect"
        let related = tagged.filter { $0.tag.range != anchor.tag.range }.prefix(5).map {
            RelatedLocation(range: location.range($0.tag.range), message: "another tag of this action")
        }
        report(.tagNeedsFixedMessage, audio != nil ? .error : .warning, message, anchor.tag.range, related: Array(related),
               fixes: [Fix(title: "Set `fixed_message` to true", edits: [TextEdit(range: flag.range, newText: "true")])])
    }

    // MARK: <endcall />

    private mutating func checkTextAfterEndcall() {
        guard let endcall = firstEndcall else { return }
        var start: Int?, end = 0
        for record in markup.records[(endcall + 1)...] {
            switch record.kind {
            case .closingTag:
                continue
            case .text:
                let content = trimmed(record.range)
                guard !content.isEmpty else { continue }
                start = start ?? content.lowerBound
                end = content.upperBound
            default:
                start = start ?? record.range.lowerBound
                end = record.range.upperBound
            }
        }
        guard let start else { return }
        report(.textAfterEndcall, .hint, "this comes after `<endcall />`, which ends the call, so it is probably never spoken", start..<end)
    }
}
