import JSONSyntax
import ScenarioModel

/// Attribute values (scenario-format.md §6.6, §6.7) and the voice tag's own rules.
extension ActionCheck {
    /// Checks the value at `range`. It runs for every attribute, so the value is
    /// read as bytes, and made a `String` only where a check needs one or a
    /// message quotes it.
    mutating func checkValue(_ range: Range<Int>, _ spec: TagFact.Attribute, of tag: TagView, _ fact: TagFact, choices: Set<String>?) {
        var label: String { "`\(spec.name)` of `<\(fact.name)>`" }
        var value: String { text(range) }
        let written = bytes[range]
        switch spec.value {
        case .seconds:
            guard !TagValues.isSeconds(written) else { return }
            let meant = TagValues.seconds(from: value)
            report(.tagTimeFormat, .error,
                   "\(label) is a number of seconds ending in `s`, like \"2s\" or \"1.5s\"; found \"\(shown(value))\"" + (meant.map { " — did you mean \"\($0)\"?" } ?? ""),
                   range, fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [location.edit(range, $0)])] } ?? [])
        case .milliseconds:
            guard written.isEmpty || !written.allSatisfy(\.isDigit) else { return }
            let meant = TagValues.milliseconds(from: value)
            report(.tagTimeFormat, .warning,
                   "\(label) is a duration in milliseconds, digits only, like \"500\" (the exact format is undocumented); found \"\(shown(value))\"" + (meant.map { " — did you mean \"\($0)\"?" } ?? ""),
                   range, fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [location.edit(range, $0)])] } ?? [])
        case .number(let min, let max):
            checkNumber(value, range, spec, fact, min: min, max: max)
        case .oneOf(let allowed):
            // Written exactly as an allowed value (nearly always), else compared as strings.
            guard !allowed.contains(where: { $0.value.utf8.elementsEqual(written) }) else { return }
            let value = value
            guard !(choices?.contains(value) ?? allowed.contains(where: { $0.value == value })) else { return }
            checkChoice(value, range, spec, fact, allowed.map(\.value))
        case .dtmfDigits:
            if !written.isEmpty, written.allSatisfy(\.isKeypadCharacter) { return }
            checkDigits(value, range)
        case .json:
            let tree = SyntaxTree(value)
            guard tree.root == nil || tree.hasErrors else { return }
            let advice = tag.attribute(spec.name)?.quoteByte == UInt8(ascii: "\"")
                ? "; JSON has double quotes of its own, so write the value in single quotes: `d='{\"form\":\"address\"}'`" : ""
            report(.clientMessageJSON, .warning, "\(label) is decoded as JSON before it is sent, and \"\(shown(value))\" is not valid JSON\(advice)", range)
        case .functionName:
            checkFunctionName(value, range, tag)
        case .text:
            guard written.contains(where: { !$0.isTagBlank }) else {
                if fact.name == "audio" {
                    report(.audioIDMissing, .error, "`id` of `<audio>` is empty; it names an uploaded clip", range)
                } else if spec.required {
                    report(.tagAttributeEmpty, .error, "\(label) is empty; it must hold \(spec.doc.prefix { $0 != "." }.lowercasedFirst())", range)
                } else {
                    report(.tagAttributeEmpty, .error, "\(label) is empty; write it or leave `\(spec.name)` out", range)
                }
                return
            }
            if fact.name == "ivr", spec.name == "text" {
                checkIVRText(value, range)
            } else if written.contains(UInt8(ascii: "{")) {
                collectPlaceholders(in: value, at: range.lowerBound, inDTMF: false)
            }
        }
    }

    private mutating func checkNumber(_ value: String, _ range: Range<Int>, _ spec: TagFact.Attribute, _ fact: TagFact,
                                      min: Double?, max: Double?) {
        var label: String { "`\(spec.name)` of `<\(fact.name)>`" }
        var bounds: String { spec.value.expectation }
        guard let number = TagValues.number(value) else {
            report(.valueOutOfRange, spec.strictness == .advisory ? .warning : .error,
                   "\(label) is \(bounds); found \"\(shown(value))\", which is not a number", range)
            return
        }
        guard number < (min ?? -.infinity) || number > (max ?? .infinity) else { return }
        report(.valueOutOfRange, spec.strictness == .strict ? .error : .warning, "\(label) is \(bounds); found \(shown(value))", range)
    }

    /// `sound-unknown` for sounds; `enum-mismatch` for `provider`.
    private mutating func checkChoice(_ value: String, _ range: Range<Int>, _ spec: TagFact.Attribute, _ fact: TagFact, _ allowed: [String]) {
        if spec.name == "sound" {
            let normalized = String(value.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
            let meant = allowed.contains(normalized) ? normalized
                : (fact.name == "background_noise" ? TagFacts.backgroundSoundAliases[normalized] : nil)
                    ?? closestMatch(to: normalized, among: allowed)
            let known = allowed.count <= 6 ? wordList(allowed) : "one of \(allowed.count) names such as \(wordList(Array(allowed.prefix(4))))"
            let lower = value.lowercased()
            let url = lower.hasPrefix("http://") || lower.hasPrefix("https://")
                ? "; a custom audio URL is not a tag value: set it as the personality's background noise" : ""
            report(.soundUnknown, .error,
                   "\"\(shown(value))\" is not a sound of `<\(fact.name)>`" + (meant.map { "; did you mean \"\($0)\"?" } ?? " (it takes \(known))") + url,
                   range, fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [location.edit(range, $0)])] } ?? [])
            return
        }
        let meant = (spec.name == "provider" ? TagFacts.voiceProviderAliases[value.lowercased()] : nil) ?? closestMatch(to: value, among: allowed)
        report(.enumMismatch, .error,
               "`\(spec.name)` of `<\(fact.name)>` is \(wordList(allowed.map { "\"\($0)\"" }).replacingBackticks()); found \"\(shown(value))\"" + (meant.map { " — did you mean \"\($0)\"?" } ?? ""),
               range, fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [location.edit(range, $0)])] } ?? [])
    }

    /// `digits`: keypad characters and `{{test_profile…}}` placeholders (§6.7).
    /// `value` is not only keypad characters.
    private mutating func checkDigits(_ value: String, _ range: Range<Int>) {
        guard value.utf8.contains(where: { !$0.isTagBlank }) else {
            report(.dtmfDigitsInvalid, .error, "`digits` of `<dtmf>` is empty, so no tones are sent; write keypad characters `0-9 * # A-D`", range)
            return
        }
        let found = value.utf8.contains(UInt8(ascii: "{")) ? ActionParser.placeholders(in: value) : []
        var invalid: [UInt8] = [], formatting = false, lowercase = false
        // What `digits` would be without formatting and with upper-case letters; built only when it is offered.
        func characters(_ each: (UInt8) -> Void, placeholder: (Range<Int>) -> Void) {
            var text = value
            text.withUTF8 { bytes in
                var index = 0, placeholderIndex = 0
                while index < bytes.count {
                    if placeholderIndex < found.count, found[placeholderIndex].range.lowerBound == index {
                        placeholder(found[placeholderIndex].range)
                        index = found[placeholderIndex].range.upperBound
                        placeholderIndex += 1
                        continue
                    }
                    each(bytes[index])
                    index += 1
                }
            }
        }
        characters({ byte in
            switch byte {
            case _ where byte.isKeypadCharacter: break
            case UInt8(ascii: "a")...UInt8(ascii: "d"): lowercase = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), 0x09: formatting = true
            default: if !invalid.contains(byte) { invalid.append(byte) }
            }
        }, placeholder: { _ in })
        var repaired: String {
            var bytes: [UInt8] = []
            characters({ byte in
                if byte.isKeypadCharacter {
                    bytes.append(byte)
                } else if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "d") {
                    bytes.append(byte - 0x20)
                }
            }, placeholder: { range in bytes += Array(value.utf8)[range] })
            return String(decoding: bytes, as: UTF8.self)
        }
        for placeholder in found {
            let inDigits = PlaceholderRules.Found(placeholder: placeholder, offset: range.lowerBound, inDTMF: true)
            switch placeholder.kind {
            case .function:
                report(.dtmfDigitsInvalid, .error,
                       "`digits` of `<dtmf>` takes keypad characters and `{{test_profile…}}` placeholders; `{{function…}}` is not documented here",
                       inDigits.range)
            default:
                check(inDigits)
            }
        }
        var allowed: String { "keypad characters `0-9 * # A-D` and `{{test_profile…}}` placeholders" }
        if !invalid.isEmpty {
            let listed = invalid.map { "`\(String(decoding: [$0], as: UTF8.self))`" }.joined(separator: ", ")
            report(.dtmfDigitsInvalid, .error,
                   "`digits` of `<dtmf>` takes only \(allowed); \"\(shown(value))\" also has \(listed), and other characters make the DTMF send fail", range)
        } else if formatting {
            report(.dtmfDigitsInvalid, .error,
                   "`digits` of `<dtmf>` takes only \(allowed); the spaces or dashes in \"\(shown(value))\" make the DTMF send fail",
                   range, fixes: [Fix(title: "Write \"\(repaired)\"", edits: [location.edit(range, repaired)])])
        } else if lowercase {
            report(.dtmfDigitsInvalid, .warning,
                   "the keypad letters are upper-case `A-D`; \"\(shown(value))\" has lower-case ones", range,
                   fixes: [Fix(title: "Write \"\(repaired)\"", edits: [location.edit(range, repaired)])])
        }
    }

    /// FN12 for the tag; the name is kept for FN17.
    private mutating func checkFunctionName(_ name: String, _ range: Range<Int>, _ tag: TagView) {
        functionTags.append((name, tag.range.lowerBound))
        guard script.function(named: name) == nil else { return }
        reportUnknownFunction(name, range)
    }

    mutating func reportUnknownFunction(_ name: String, _ range: Range<Int>) {
        let names = script.functions.map(\.name)
        let meant = closestMatch(to: name, among: names)
        let known = names.isEmpty ? "this script declares no `functions`" : "the script declares \(wordList(names, conjunction: "and"))"
        report(.functionUnknown, .error,
               (name.isEmpty ? "no function is named" : "no function named \"\(shown(name))\" is declared") + "; \(known)"
                   + (meant.map { " — did you mean \"\($0)\"?" } ?? ""),
               range, fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [location.edit(range, $0)])] } ?? [])
    }

    /// `<ivr text>` may not hold `<hold>` or `<audio>` (rejected at save time).
    private mutating func checkIVRText(_ value: String, _ range: Range<Int>) {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") }) else { return }
        let inner = ActionParser.parse(value)
        for element in inner.elements {
            switch element {
            case .tag(let tag):
                let name = tag.name.lowercased()
                let shifted = range.lowerBound + tag.range.lowerBound..<range.lowerBound + tag.range.upperBound
                if TagFacts.tag(name)?.refusedInIVRText == true {
                    report(.ivrTextContainsTag, .error,
                           "`<\(name)>` inside the `text` of `<ivr>` is refused when the scenario is saved; put it in a separate condition",
                           shifted)
                } else {
                    report(.ivrTextContainsTag, .warning,
                           "tags inside the `text` of `<ivr>` are not documented; `<\(tag.name)>` is most likely read out as written",
                           shifted)
                }
            case .placeholder(let placeholder):
                check(PlaceholderRules.Found(placeholder: placeholder, offset: range.lowerBound))
            default:
                break
            }
        }
    }

    mutating func collectPlaceholders(in value: String, at offset: Int, inDTMF: Bool) {
        for placeholder in ActionParser.placeholders(in: value) {
            check(PlaceholderRules.Found(placeholder: placeholder, offset: offset, inDTMF: inDTMF))
        }
    }

    // MARK: <voice>

    /// `voice-id-format`, `voice-model-mismatch`, `voice-text-and-block`.
    mutating func checkVoice(_ tag: TagView, _ attribute: (String) -> AttributeView?, _ index: Int) {
        let provider = attribute("provider")?.value.flatMap { TagFacts.voiceModels[$0] != nil ? $0 : nil }
        if let provider, let id = attribute("id"), let range = id.valueRange, quoteIsClosed(id) || id.quoteByte == nil,
           bytes[range].contains(where: { !$0.isTagBlank }) {
            if provider == "cartesia", !TagValues.isUUID(bytes[range]) {
                report(.voiceIDFormat, .error, "Cartesia voice ids are UUIDs (8-4-4-4-12 hexadecimal digits); found \"\(shown(text(range)))\"", range)
            } else if provider == "11labs", !TagValues.isAlphanumeric(bytes[range]) {
                report(.voiceIDFormat, .error, "ElevenLabs voice ids are letters and digits, without dashes; found \"\(shown(text(range)))\"", range)
            }
        }
        if let provider, let model = attribute("model"), let value = model.value, let range = model.valueRange,
           value.utf8.contains(where: { !$0.isTagBlank }), let known = TagFacts.voiceModels[provider], !known.contains(value) {
            let owner = TagFacts.voiceModels.first { $0.value.contains(value) }?.key
                ?? (value.hasPrefix("eleven") ? "11labs" : value.hasPrefix("sonic") ? "cartesia" : nil)
            if let owner, owner != provider {
                report(.voiceModelMismatch, .warning,
                       "voice model \"\(shown(value))\" belongs to provider \"\(owner)\", but `provider` is \"\(provider)\", whose models are \(wordList(known.map { "\"\($0)\"" }).replacingBackticks())",
                       range)
            } else {
                let meant = closestMatch(to: value, among: known)
                report(.voiceModelMismatch, .warning,
                       "\"\(shown(value))\" is not a model Cekura documents for \"\(provider)\", whose models are \(wordList(known.map { "\"\($0)\"" }).replacingBackticks())"
                           + (meant.map { " — did you mean \"\($0)\"?" } ?? ""),
                       range, fixes: meant.map { [Fix(title: "Write \"\($0)\"", edits: [location.edit(range, $0)])] } ?? [])
            }
        }
        if let text = attribute("text"), !tag.isSelfClosing, tag.isTerminated, markup.closing(of: index) != nil {
            report(.voiceTextAndBlock, .error,
                   "a `<voice>` speaks either its `text` (self-closing) or the block it encloses, not both; remove `text` or the block",
                   text.range)
        }
    }

    // MARK: Placeholders

    /// §7 and FN12–FN17 for one placeholder of the action.
    mutating func checkPlaceholder(_ found: PlaceholderRules.Found, _ rules: PlaceholderRules) {
        if rules.checkForm(found, into: &diagnostics) { return }
        switch found.placeholder.kind {
        case .testProfile(let keys):
            rules.checkTestProfileKeys(keys, found, into: &diagnostics)
        case .function(let name, let output):
            checkFunctionPlaceholder(found, name, output)
        case .malformed, .otherNamespace:
            break
        }
    }

    private mutating func checkFunctionPlaceholder(_ found: PlaceholderRules.Found, _ name: Placeholder.Key, _ output: Placeholder.Key?) {
        var misplaced = false
        if condition.isFirstMessage {
            report(.functionOnFirstMessage, .error,
                   "`{{function…}}` cannot be used on the first message, before any function has run; set `auto_run: true` on the function and use the value in a later condition",
                   found.range)
            misplaced = true
        } else if condition.isNotFixed {
            report(.functionPlaceholderNotFixed, .error,
                   "`{{function…}}` is filled in only in fixed messages; a non-fixed action gets the function's results automatically, so drop the placeholder (or set `fixed_message` to true)",
                   found.range)
            misplaced = true
        }
        guard let function = script.function(named: name.name) else {
            reportUnknownFunction(name.name, found.shift(name.range))
            return
        }
        guard let output else {
            report(.functionOutputUnknown, .error,
                   "`{{function.\(name.name)}}` names no output: write `{{function.\(name.name).<output>}}`"
                       + (function.outputs.isEmpty ? "; `\(name.name)` maps no outputs in `response_mapping`" : " with one of \(wordList(function.outputs))"),
                   found.range)
            return
        }
        guard let entry = function.mapping?[key: output.name] else {
            let outputs = function.outputs
            let meant = closestMatch(to: output.name, among: outputs)
            report(.functionOutputUnknown, .error,
                   "`\(output.name)` is not an output of `\(name.name)`: "
                       + (outputs.isEmpty ? "its `config.response_mapping` maps none" : "its `response_mapping` maps \(wordList(outputs, conjunction: "and"))")
                       + (meant.map { " — did you mean `\($0)`?" } ?? ""),
                   found.shift(output.range), fixes: meant.map { [Fix(title: "Write `\($0)`", edits: [location.edit(found.shift(output.range), $0)])] } ?? [])
            return
        }
        guard !misplaced else { return }
        if entry.kind != .object || entry.member(named: "default") == nil {
            report(.functionOutputNoDefault, .hint,
                   "`\(output.name)` of `\(name.name)` has no `default`: if the request fails or times out, the caller says `{{function.\(name.name).\(output.name)}}` as written; map it as `{\"path\": …, \"default\": …}`",
                   found.shift(output.range))
        }
        let start = found.range.lowerBound
        if !function.autoRun, !functionsRunEarlier.contains(name.name),
           !functionTags.contains(where: { $0.name == name.name && $0.offset < start }) {
            report(.functionNeverRun, .warning,
                   "`\(name.name)` has `auto_run: false` and no `<function name=\"\(name.name)\"/>` runs it before this point (earlier in this action or in an earlier condition), so the placeholder has no value yet",
                   found.shift(name.range))
        }
    }
}

/// Tables of the catalogue the rules consult for every tag, built once.
enum TagTables {
    /// By tag position and attribute index: the values a closed attribute allows.
    static let choices: [[Set<String>?]] = TagFacts.all.map { fact in
        fact.attributes.map { attribute in
            if case .oneOf(let values) = attribute.value { Set(values.map(\.value)) } else { nil }
        }
    }

    /// By tag position and attribute name (its position in
    /// `TagFacts.attributeNames`): the attribute's index in the tag's
    /// `attributes`, -1 when the tag has no such attribute.
    static let attributeIndex: [[Int8]] = TagFacts.all.map { fact in
        TagFacts.attributeNames.names.map { name in Int8(fact.attributes.firstIndex { $0.name == name } ?? -1) }
    }

    /// By tag position: the required attributes, one bit per attribute index.
    static let required: [UInt32] = TagFacts.all.map { fact in
        fact.attributes.enumerated().reduce(UInt32(0)) { mask, pair in pair.element.required ? mask | UInt32(1) << pair.offset : mask }
    }
}

extension UInt8 {
    /// `0-9 * # A-D`.
    fileprivate var isKeypadCharacter: Bool {
        isDigit || self == UInt8(ascii: "*") || self == UInt8(ascii: "#") || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "D"))
    }
}

extension StringProtocol {
    fileprivate func lowercasedFirst() -> String { prefix(1).lowercased() + dropFirst() }
}

extension String {
    /// `"a"` written for a message that already quotes with backticks: drops them.
    fileprivate func replacingBackticks() -> String { String(filter { $0 != "`" }) }
}
