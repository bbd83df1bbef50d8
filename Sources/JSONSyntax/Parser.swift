/// Recursive descent over the token array, in the manner of
/// vscode-json-languageservice: it never throws, keeps partial nodes (a member
/// without a value is still a member), resynchronises on `,` `}` `]`, and
/// reports at most one error at a given offset so errors do not cascade.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let maxDepth: Int
    var position = 0
    var nodes: [RawNode] = []
    var diagnostics: [Diagnostic] = []
    /// The open containers, innermost last; a stray closer that matches one of
    /// them closes the inner ones as unclosed instead of being dropped.
    var openContainers: [TokenKind] = []
    private var lastErrorStart = -1

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], maxDepth: Int) {
        self.bytes = bytes
        self.tokens = tokens
        self.maxDepth = maxDepth
        nodes.reserveCapacity(tokens.count / 2 + 4)
    }

    private var current: Token { tokens[position] }
    private var following: Token { tokens[min(position + 1, tokens.count - 1)] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }
    private func range(_ token: Token) -> TextRange { TextRange(Int(token.start), Int(token.end)) }
    private func text(_ token: Token) -> String {
        String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error {
            guard diagnostic.range.start != lastErrorStart else { return }
            lastErrorStart = diagnostic.range.start
        }
        diagnostics.append(diagnostic)
    }

    // MARK: Nodes

    private mutating func open(_ kind: SyntaxKind, at start: Int32, parent: Int, flags: StringFlags = []) -> Int {
        nodes.append(RawNode(kind: kind, flags: flags, start: start, end: start, parent: Int32(parent),
                             subtreeEnd: Int32(nodes.count + 1), colon: -1))
        return nodes.count - 1
    }

    private mutating func close(_ node: Int, at end: Int32) {
        nodes[node].end = max(end, nodes[node].start)
        nodes[node].subtreeEnd = Int32(nodes.count)
    }

    @discardableResult
    private mutating func leaf(_ kind: SyntaxKind, _ token: Token, parent: Int, flags: StringFlags = []) -> Int {
        let node = open(kind, at: token.start, parent: parent, flags: flags)
        close(node, at: token.end)
        advance()
        return node
    }

    /// The end of the last token consumed; tokens are never given back, so while
    /// a container is open this is the end of its content so far.
    private var lastConsumedEnd: Int32 { position > 0 ? tokens[position - 1].end : 0 }

    // MARK: Document

    mutating func parseDocument() {
        let document = open(.document, at: 0, parent: -1)
        var sawValue = false
        while current.kind != .eof {
            let token = current
            if startsValue(token.kind) {
                if sawValue {
                    report(Diagnostic(.trailingContent,
                        "a JSON file holds one value; this is more content after it", range(token)))
                }
                let value = nodes.count
                parseValue(parent: document, depth: 1)
                // A stray word or character is not the value, which may still follow it.
                if nodes[value].kind != .error { sawValue = true }
            } else {
                report(Diagnostic(.unexpectedToken, unexpectedMessage(token), range(token),
                                  fixes: [Fix(title: "Remove '\(text(token))'", edits: [.delete(range(token))])]))
                leaf(.error, token, parent: document)
            }
        }
        // Nothing but whitespace and comments (every token leaves a node).
        if nodes.count == 1 {
            report(Diagnostic(.emptyDocument, "the file is empty; it needs a JSON object", .empty(at: 0)))
        }
        close(document, at: Int32(bytes.count))
    }

    private func startsValue(_ kind: TokenKind) -> Bool {
        switch kind {
        case .openBrace, .openBracket, .string, .number, .word, .unknown: true
        default: false
        }
    }

    private func unexpectedMessage(_ token: Token) -> String {
        switch token.kind {
        case .closeBrace: "'}' closes nothing here"
        case .closeBracket: "']' closes nothing here"
        case .colon: "':' belongs between a property name and its value"
        case .comma: "',' belongs between members or elements"
        default: "unexpected '\(text(token))'"
        }
    }

    // MARK: Values

    private mutating func parseValue(parent: Int, depth: Int) {
        let token = current
        switch token.kind {
        case .openBrace, .openBracket:
            if depth > maxDepth {
                skipTooDeep(parent: parent)
            } else if token.kind == .openBrace {
                parseObject(parent: parent, depth: depth)
            } else {
                parseArray(parent: parent, depth: depth)
            }
        case .string:
            reportQuoting(token)
            leaf(.string, token, parent: parent, flags: token.flags)
        case .number:
            leaf(.number, token, parent: parent)
        case .word:
            parseWord(token, parent: parent)
        case .unknown:
            if !token.flags.contains(.hasInvalidUTF8) {
                report(Diagnostic(.unexpectedToken, "unexpected '\(text(token))'", range(token)))
            }
            leaf(.error, token, parent: parent)
        default:
            break
        }
    }

    private mutating func reportQuoting(_ token: Token) {
        guard token.flags.contains(.singleQuoted) else { return }
        report(Diagnostic(.singleQuotedString, "JSON strings need double quotes", range(token),
            fixes: [Fix(title: "Use double quotes", edits: [TextEdit(range: range(token),
                newText: doubleQuoted(singleQuoted: token))])]))
    }

    /// Rewrites a single-quoted string with double quotes: `\'` loses its
    /// backslash and a bare `"` gains one.
    private func doubleQuoted(singleQuoted token: Token) -> String {
        var out: [UInt8] = [.quote]
        var index = Int(token.start) + 1
        let contentEnd = token.flags.contains(.unterminated) ? Int(token.end) : Int(token.end) - 1
        while index < contentEnd {
            let byte = bytes[index]
            if byte == .backslash, index + 1 < contentEnd {
                if bytes[index + 1] == .apostrophe { out.append(.apostrophe) } else {
                    out.append(byte)
                    out.append(bytes[index + 1])
                }
                index += 2
                continue
            }
            if byte == .quote { out.append(.backslash) }
            out.append(byte)
            index += 1
        }
        out.append(.quote)
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseWord(_ token: Token, parent: Int) {
        let word = text(token)
        switch word {
        case "true": leaf(.true, token, parent: parent)
        case "false": leaf(.false, token, parent: parent)
        case "null": leaf(.null, token, parent: parent)
        case "NaN", "Infinity":
            report(Diagnostic(.nonFiniteNumber, "JSON has no \(word); the API cannot read it", range(token)))
            leaf(.number, token, parent: parent)
        default:
            let lowered = word.lowercased()
            let literal: (SyntaxKind, String)? = switch lowered {
            case "true": (.true, "true")
            case "false": (.false, "false")
            case "null", "none", "nil": (.null, "null")
            default: nil
            }
            if let (kind, spelling) = literal {
                report(Diagnostic(.invalidLiteral, "JSON writes this as \(spelling)", range(token),
                    fixes: [Fix(title: "Write \(spelling)", edits: [TextEdit(range: range(token), newText: spelling)])]))
                leaf(kind, token, parent: parent)
            } else {
                report(Diagnostic(.unquotedString, "\(word) is not a JSON value; strings need double quotes",
                    range(token), fixes: [Fix(title: "Put \(word) in double quotes",
                        edits: [TextEdit(range: range(token), newText: "\"\(word)\"")])]))
                leaf(.error, token, parent: parent)
            }
        }
    }

    /// Beyond the depth limit the whole nested value becomes one error node; the
    /// walk is iterative, so no input can exhaust the stack.
    private mutating func skipTooDeep(parent: Int) {
        let start = current
        report(Diagnostic(.nestingTooDeep,
            "objects and arrays are nested more than \(maxDepth) levels deep here; the rest of this value is not analysed",
            range(start)))
        var depth = 0
        var end = start.end
        while current.kind != .eof {
            switch current.kind {
            case .openBrace, .openBracket: depth += 1
            case .closeBrace, .closeBracket: depth -= 1
            default: break
            }
            end = current.end
            advance()
            if depth == 0 { break }
        }
        let node = open(.error, at: start.start, parent: parent)
        close(node, at: end)
    }

    // MARK: Objects

    private mutating func parseObject(parent: Int, depth: Int) {
        let brace = current
        let object = open(.object, at: brace.start, parent: parent)
        advance()
        openContainers.append(.openBrace)
        defer { openContainers.removeLast() }
        var expectingMember = true
        var pendingComma: Token?
        var memberCount = 0
        while true {
            let token = current
            switch token.kind {
            case .closeBrace:
                if let comma = pendingComma, memberCount > 0 { reportTrailingComma(comma) }
                advance()
                close(object, at: token.end)
                checkDuplicateKeys(object)
                return
            case .closeBracket where openContainers.dropLast().contains(.openBracket), .eof:
                reportUnclosed(brace)
                closeUnclosed(object)
                checkDuplicateKeys(object)
                return
            case .comma:
                if expectingMember {
                    report(Diagnostic(.extraComma, "a property should come before this comma", range(token),
                                      fixes: [Fix(title: "Remove the comma", edits: [.delete(range(token))])]))
                }
                pendingComma = token
                expectingMember = true
                advance()
            case .string, .word, .number, .colon:
                if !expectingMember { reportMissingComma(before: token) }
                parseMember(object: object, depth: depth)
                memberCount += 1
                expectingMember = false
                pendingComma = nil
            case .openBrace, .openBracket, .unknown, .closeBracket:
                // Invalid UTF-8 is already reported, byte by byte, by the scanner.
                if !(token.kind == .unknown && token.flags.contains(.hasInvalidUTF8)) {
                    report(Diagnostic(.unexpectedToken,
                        token.kind == .unknown ? "unexpected '\(text(token))'" : "a property name in double quotes should come here",
                        range(token)))
                }
                let wrapper = open(.error, at: token.start, parent: object)
                if token.kind == .closeBracket { advance() } else { parseValue(parent: wrapper, depth: depth + 1) }
                // An unclosed container inside runs past its last token (see closeUnclosed).
                close(wrapper, at: max(lastConsumedEnd, nodes.count > wrapper + 1 ? nodes[wrapper + 1].end : 0))
            }
        }
    }

    private mutating func parseMember(object: Int, depth: Int) {
        let keyToken = current
        let member = open(.member, at: keyToken.start, parent: object)
        switch keyToken.kind {
        case .string:
            reportQuoting(keyToken)
            leaf(.string, keyToken, parent: member, flags: keyToken.flags)
        case .colon:
            report(Diagnostic(.missingKey, "a property name in double quotes should come before ':'", range(keyToken)))
            let key = open(.error, at: keyToken.start, parent: member)
            close(key, at: keyToken.start)
        default:
            let name = text(keyToken)
            report(Diagnostic(.unquotedKey, "property names need double quotes", range(keyToken),
                fixes: [Fix(title: "Put \(name) in double quotes",
                            edits: [TextEdit(range: range(keyToken), newText: "\"\(name)\"")])]))
            leaf(.string, keyToken, parent: member, flags: [.unquoted])
        }
        var end = keyToken.kind == .colon ? keyToken.start : keyToken.end

        if current.kind == .colon {
            nodes[member].colon = current.start
            end = current.end
            advance()
        } else if startsValue(current.kind) && !startsMember(at: position) && !onLaterLine(current, than: end) {
            report(Diagnostic(.missingColon, "':' should come between the property name and its value", range(current),
                              fixes: [Fix(title: "Insert ':'", edits: [insertion(afterLastToken: ":")])]))
        } else {
            report(Diagnostic(.missingColon, "this property name needs ':' and a value", range(keyToken),
                              fixes: [Fix(title: "Insert ':'", edits: [insertion(afterLastToken: ": ")])]))
            close(member, at: end)
            return
        }

        if startsValue(current.kind) && !(nodes[member].colon >= 0 && startsMember(at: position) && onLaterLine(current, than: end)) {
            let value = nodes.count
            parseValue(parent: member, depth: depth + 1)
            // An unclosed container runs past its last token (see closeUnclosed).
            end = max(lastConsumedEnd, nodes[value].end)
        } else {
            let at = current.kind == .eof ? TextRange(Int(end) - 1, Int(end)) : range(current)
            report(Diagnostic(.missingValue, "a value should follow ':'", at))
        }
        close(member, at: end)
    }

    /// A string or word followed by ':' begins a new member.
    private func startsMember(at index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .string || token.kind == .word else { return false }
        return tokens[min(index + 1, tokens.count - 1)].kind == .colon
    }

    private func onLaterLine(_ token: Token, than offset: Int32) -> Bool {
        var index = Int(offset)
        while index < Int(token.start) {
            if bytes[index] == .newline || bytes[index] == .carriageReturn { return true }
            index += 1
        }
        return false
    }

    // MARK: Arrays

    private mutating func parseArray(parent: Int, depth: Int) {
        let bracket = current
        let array = open(.array, at: bracket.start, parent: parent)
        advance()
        openContainers.append(.openBracket)
        defer { openContainers.removeLast() }
        var expectingElement = true
        var pendingComma: Token?
        var elementCount = 0
        while true {
            let token = current
            switch token.kind {
            case .closeBracket:
                if let comma = pendingComma, elementCount > 0 { reportTrailingComma(comma) }
                advance()
                close(array, at: token.end)
                return
            case .closeBrace where openContainers.dropLast().contains(.openBrace), .eof:
                reportUnclosed(bracket)
                closeUnclosed(array)
                return
            case .comma:
                if expectingElement {
                    report(Diagnostic(elementCount == 0 ? .extraComma : .missingValue,
                        elementCount == 0 ? "a value should come before this comma" : "a value should come between these commas",
                        range(token), fixes: [Fix(title: "Remove the comma", edits: [.delete(range(token))])]))
                }
                pendingComma = token
                expectingElement = true
                advance()
            case .colon, .closeBrace:
                report(Diagnostic(.unexpectedToken, unexpectedMessage(token), range(token),
                                  fixes: [Fix(title: "Remove '\(text(token))'", edits: [.delete(range(token))])]))
                leaf(.error, token, parent: array)
            default:
                if !expectingElement { reportMissingComma(before: token) }
                parseValue(parent: array, depth: depth + 1)
                elementCount += 1
                expectingElement = false
                pendingComma = nil
            }
        }
    }

    /// An unclosed container runs up to whatever ends it (the end of the file,
    /// or the outer bracket that closed it), because that is where the user is
    /// still typing into it.
    private mutating func closeUnclosed(_ node: Int) {
        nodes[node].flags.insert(.unterminated)
        close(node, at: current.start)
    }

    // MARK: Shared reports

    /// Inserts text right after the last token consumed. A string left open runs
    /// to the end of its line and would take in whatever is put there, so after
    /// one the text goes at the start of the next line (or on a new last line).
    private func insertion(afterLastToken text: String) -> TextEdit {
        let last = tokens[max(0, position - 1)]
        guard last.kind == .string, last.flags.contains(.unterminated) else { return .insert(text, at: Int(last.end)) }
        var offset = Int(last.end)
        guard offset < bytes.count else { return .insert("\n" + text, at: offset) }
        if bytes[offset] == .carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == .newline { offset += 1 }
        return .insert(text, at: offset + 1)
    }

    private mutating func reportMissingComma(before token: Token) {
        report(Diagnostic(.missingComma, "a comma should separate this from what comes before", range(token),
                          fixes: [Fix(title: "Insert ','", edits: [insertion(afterLastToken: ",")])]))
    }

    private mutating func reportTrailingComma(_ comma: Token) {
        report(Diagnostic(.trailingComma, "JSON does not allow a comma before the closing bracket", range(comma),
                          fixes: [Fix(title: "Remove the comma", edits: [.delete(range(comma))])]))
    }

    private mutating func reportUnclosed(_ opener: Token) {
        let isObject = opener.kind == .openBrace
        let closer = isObject ? "}" : "]"
        report(Diagnostic(isObject ? .unclosedObject : .unclosedArray,
            "this '\(isObject ? "{" : "[")' is never closed", range(opener),
            fixes: [Fix(title: "Insert '\(closer)'", edits: [insertion(afterLastToken: closer)])]))
    }
}
