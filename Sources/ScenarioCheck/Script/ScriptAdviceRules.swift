import JSONSyntax
import ScenarioModel

/// Best practice for whole scripts and the wording of conditions
/// (scenario-format.md §5.4 C13–C15), all hints.
enum ScriptAdviceRules {
    static let maximumConditions = 15

    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let conditionsKey = parts.script.member("conditions")?.key
        if let array = parts.script.conditionsArray, array.elementCount > maximumConditions, let key = conditionsKey {
            diagnostics.append(Diagnostic(.scriptTooLong, .hint,
                "this script has \(array.elementCount) conditions; scripts over \(maximumConditions) get hard to follow and to maintain — split branches into separate evaluators",
                key.range))
        }
        if !parts.conditions.isEmpty, let key = conditionsKey, !parts.hasTag("endcall"),
           !parts.callerHasTool(["end_call", "end_call_only_on_transfer"]) {
            diagnostics.append(Diagnostic(.scriptNoEndcall, .hint,
                "no action ends the call with <endcall />, and the caller has no end-call tool, so every call runs until `max_duration`; end the last action with <endcall />",
                key.range))
        }
        for condition in parts.conditions where !condition.isFirst && !condition.isFollowup {
            guard let value = condition.conditionNode, let advice = value.withStringBytes(styleAdvice) ?? nil,
                  condition.expression == .naturalLanguage else { continue }
            diagnostics.append(Diagnostic(.conditionStyle, .hint, advice, value.range))
        }
        return diagnostics
    }

    private static let firstPersonWords: Set<String> = ["i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "my", "me", "we", "we're", "we’re", "our"]
    /// Verbs that open an instruction to the caller; words that also open a
    /// description ("Call is transferred", "Hold music plays", "Offer of a
    /// discount") are left out.
    private static let instructionWords: Set<String> = [
        "say", "ask", "tell", "give", "provide", "respond", "reply", "answer", "mention", "explain", "spell",
        "repeat", "wait", "thank", "greet", "introduce", "refuse", "decline", "accept", "agree", "insist", "choose",
        "pick", "select", "share", "hang", "press", "send", "read", "describe", "speak", "talk", "inform", "complain",
        "demand", "pretend", "act", "be", "don't", "don’t", "never", "always", "keep", "let", "please", "try", "stay",
        "interrupt", "confirm", "apologize", "apologise", "book", "cancel", "listen", "enter",
    ]

    /// C15: a standard condition should describe what the main agent does.
    /// Three shapes are told apart: the caller speaking ("I ask…"), an
    /// instruction to the caller ("Say your name"), and a bare keyword
    /// ("Email"). Words are compared in English only, the language of every
    /// documented example; other text is left alone.
    static func styleAdvice(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        // Only the first word matters, and whether there is another: reading
        // just those bytes keeps this cheap on long condition texts.
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let start = text.firstIndex(where: { !isBlank($0) }) else { return nil }
        let end = text[start...].firstIndex(where: isBlank) ?? text.endIndex
        let isSingleWord = text[end...].allSatisfy(isBlank)
        let word = UnsafeBufferPointer(rebasing: text[start..<end])
        let first = listForm(word)
        var firstWord: String { String(decoding: word, as: UTF8.self) }
        if firstPersonWords.contains(first) {
            return "a condition describes what the main agent does, not what the caller does; \"\(firstWord) …\" reads as the caller's own turn. Write it like \"The agent asks for your email\""
        }
        if instructionWords.contains(first) {
            return "this reads as an instruction to the caller (\"\(firstWord) …\"); a condition describes what the main agent does, like \"The agent asks for your email\" — what the caller should do goes in `action`"
        }
        if isSingleWord, firstWord.unicodeScalars.allSatisfy({ $0.value < 0x250 && ($0.properties.isAlphabetic || $0 == "-" || $0 == "_") }) {
            return "\"\(firstWord)\" is a bare keyword; describe what the main agent does, like \"The agent asks for your email\", or match the word with contains \"\(firstWord.lowercased())\""
        }
        return nil
    }
}

extension ScriptAdviceRules {
    private static let punctuation = ",.:;!?"

    /// A word as the word lists hold it: lower case, without the punctuation
    /// around it. An ASCII word (nearly every one) is read byte by byte, to
    /// the same result, without building a `String` per step.
    fileprivate static func listForm(_ word: UnsafeBufferPointer<UInt8>) -> String {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: word, as: UTF8.self).lowercased().trimming(punctuation)
        }
        func isPunctuation(_ byte: UInt8) -> Bool { punctuation.utf8.contains(byte) }
        var start = 0, end = word.count
        while end > start, isPunctuation(word[end - 1]) { end -= 1 }
        while start < end, isPunctuation(word[start]) { start += 1 }
        return String(unsafeUninitializedCapacity: end - start) { lowered in
            for offset in start..<end {
                let byte = word[offset]
                lowered[offset - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return end - start
        }
    }
}

extension String {
    fileprivate func trimming(_ set: String) -> String {
        var scalars = Substring(self)
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        return String(scalars)
    }
}
