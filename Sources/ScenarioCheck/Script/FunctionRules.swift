import JSONSyntax
import ScenarioModel

/// A script's `functions` (scenario-format.md §5.5, FN1–FN9, FN18, FN19): each
/// a uniquely named `rest_api` call to a public http(s) URL, run at the start
/// of the call or by a `<function name="…"/>` tag, using outputs of functions
/// declared before it only. `response_mapping` is `ResponseMappingRules`'.
enum FunctionRules {
    static func check(_ parts: ScriptParts) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstWithName: [String: SyntaxNode] = [:]
        let order = parts.functions.enumerated().map { ($0.element.name, $0.offset) }
        let declared = Dictionary(order.compactMap { name, index in name.map { ($0, index) } }, uniquingKeysWith: { first, _ in first })
        for (index, function) in parts.functions.enumerated() {
            diagnostics += checkName(function)
            if let name = function.name, let node = function.value("name") {
                if let first = firstWithName[name] {
                    diagnostics.append(Diagnostic(.functionNameDuplicate, .error,
                        "another function is already named \"\(name)\"; tags and placeholders name a function, so names must be unique",
                        node.range, related: [RelatedLocation(range: first.range, message: "the first function named \"\(name)\"")]))
                } else {
                    firstWithName[name] = node
                }
            }
            diagnostics += checkType(function)
            diagnostics += checkConfig(function)
            diagnostics += checkUse(function, parts)
            diagnostics += checkChainOrder(function, at: index, declared: declared)
        }
        return diagnostics
    }

    // MARK: FN1, FN3

    private static func checkName(_ function: FunctionView) -> [Diagnostic] {
        guard let node = function.value("name") else {
            return [Diagnostic(.functionNameInvalid, .error,
                "this function has no `name`; tags (`<function name=\"…\"/>`) and placeholders (`{{function.<name>.<output>}}`) run and read it by name",
                function.node.anchorRange, fixes: [Fix(title: "Add `name`", edits: [MemberEdits.insert(key: "name", value: "\"\"", into: function.node)])])]
        }
        guard let name = node.stringValue, let problem = FunctionView.nameProblem(name) else { return [] }
        return [Diagnostic(.functionNameInvalid, .error, "\(FunctionView.nameRule); \(problem)", node.range)]
    }

    private static func checkType(_ function: FunctionView) -> [Diagnostic] {
        guard let type = function.value("type") else {
            return [Diagnostic(.functionTypeInvalid, .error,
                "this function has no `type`; the only type is \"rest_api\"", function.node.anchorRange,
                fixes: [Fix(title: "Add `type`", edits: [MemberEdits.insert(key: "type", value: "\"rest_api\"", into: function.node)])])]
        }
        guard type.stringValue != "rest_api", type.kind != .error else { return [] }
        return [Diagnostic(.functionTypeInvalid, .error,
            "a function's `type` must be \"rest_api\", the only type; found \(type.valueDescription)", type.range,
            fixes: [Fix(title: "Write \"rest_api\"", edits: [TextEdit(range: type.range, newText: "\"rest_api\"")])])]
    }

    // MARK: FN4, FN5, FN7, FN9

    private static func checkConfig(_ function: FunctionView) -> [Diagnostic] {
        guard let configMember = function.member("config") else {
            return [Diagnostic(.functionURLInvalid, .error,
                "this function has no `config`, which holds the `url` to call", function.node.anchorRange,
                fixes: [Fix(title: "Add `config`", edits: [MemberEdits.insert(key: "config", value: #"{"method": "GET", "url": "https://"}"#, into: function.node)])])]
        }
        guard let config = function.config else { return [] }
        var diagnostics: [Diagnostic] = []
        if let url = config[key: "url"] {
            if let text = url.stringValue { diagnostics += checkURL(text, url) }
        } else {
            diagnostics.append(Diagnostic(.functionURLInvalid, .error,
                "this function's `config` has no `url` to call", configMember.key?.range ?? config.anchorRange,
                fixes: [Fix(title: "Add `url`", edits: [MemberEdits.insert(key: "url", value: "\"https://\"", into: config)])]))
        }
        let method = config[key: "method"]
        if let body = config.member(named: "body"), let key = body.key,
           method == nil || method?.stringValue == "GET" {
            let edit = method.map { TextEdit(range: $0.range, newText: "\"POST\"") }
                ?? MemberEdits.insert(key: "method", value: "\"POST\"", into: config)
            diagnostics.append(Diagnostic(.functionBodyWithoutPost, .warning,
                method == nil ? "`body` is only sent with `\"method\": \"POST\"`; without `method` the request is a GET, sent without it"
                              : "`body` is only sent with `\"method\": \"POST\"`; this GET request is sent without it",
                key.range, fixes: [Fix(title: "Set `method` to \"POST\"", edits: [edit])]))
        }
        for (field, label) in [("headers", "header"), ("query_params", "query parameter")] {
            guard let object = config[key: field], object.kind == .object else { continue }
            for member in object.members {
                guard let value = member.value, value.kind != .string, value.kind != .number, value.kind != .error else { continue }
                diagnostics.append(Diagnostic(.functionParamType, .error,
                    "\(label) `\(member.keyName)` must be a string or a number; found \(value.valueDescription)", value.range,
                    fixes: value.kind == .true || value.kind == .false
                        ? [Fix(title: "Write \"\(value.text)\"", edits: [TextEdit(range: value.range, newText: value.text.jsonQuoted)])] : []))
            }
        }
        return diagnostics
    }

    /// FN4, FN5: `http://` or `https://` with a host the internet can reach.
    /// A URL that starts with a placeholder is only known at call time.
    private static func checkURL(_ text: String, _ node: SyntaxNode) -> [Diagnostic] {
        let trimmed = text.trimmingBlanks
        guard !trimmed.hasPrefix("{{") else { return [] }
        let lowered = trimmed.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else {
            var fixes: [Fix] = []
            if !trimmed.isEmpty, !trimmed.contains("://"), !trimmed.contains(" ") {
                fixes.append(Fix(title: "Write \"https://\(trimmed)\"", edits: [TextEdit(range: node.range, newText: ("https://" + trimmed).jsonQuoted)]))
            }
            return [Diagnostic(.functionURLInvalid, .error,
                trimmed.isEmpty ? "`url` is empty; it must be an http:// or https:// URL"
                                : "`url` must start with http:// or https://; found \"\(text)\"",
                node.range, fixes: fixes)]
        }
        let host = hostName(String(trimmed.dropFirst(scheme.count)))
        if host.isEmpty {
            return [Diagnostic(.functionURLInvalid, .error, "`url` has no host name after \(scheme); found \"\(text)\"", node.range)]
        }
        guard !host.contains("{{"), let kind = privateHostKind(host) else { return [] }
        return [Diagnostic(.functionURLNotPublic, .warning,
            "\(host) is \(kind); Cekura calls functions from its own servers and refuses such addresses at call time — use a URL reachable from the internet",
            node.range)]
    }

    /// The host of what follows `scheme://`, lower-cased, without user info or port.
    private static func hostName(_ rest: String) -> String {
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        if hostAndPort.hasPrefix("[") {
            return String(hostAndPort.prefix { $0 != "]" }.dropFirst()).lowercased()
        }
        return String(hostAndPort.prefix { $0 != ":" }).lowercased()
    }

    /// What kind of non-public address a host is, if it is one (FN5).
    static func privateHostKind(_ host: String) -> String? {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        if name == "localhost" || name.hasSuffix(".localhost") { return "a loopback address" }
        if name.hasSuffix(".local") { return "a local-network name" }
        if name == "::1" { return "a loopback address" }
        if name.hasPrefix("fe80:") { return "a link-local address" }
        if name.contains(":"), name.hasPrefix("fc") || name.hasPrefix("fd") { return "a private address" }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 4, parts.allSatisfy({ $0.map { (0...255).contains($0) } ?? false }) else { return nil }
        let octets = parts.compactMap { $0 }
        switch (octets[0], octets[1]) {
        case (127, _): return "a loopback address"
        case (10, _), (172, 16...31), (192, 168): return "a private address"
        case (169, 254): return "a link-local address"
        case (0, _): return "not a routable address"
        default: return nil
        }
    }

    // MARK: FN18

    /// An `auto_run: false` function runs only when a tag names it.
    private static func checkUse(_ function: FunctionView, _ parts: ScriptParts) -> [Diagnostic] {
        guard let autoRun = function.value("auto_run"), autoRun.kind == .false, let name = function.name, !name.isEmpty,
              !parts.hasTag("function", where: { $0.attribute("name")?.value == name }) else { return [] }
        return [Diagnostic(.functionUnused, .warning,
            "function \"\(name)\" has `auto_run: false`, so it runs only when an action holds <function name=\"\(name)\"/>, and none does; add the tag where the call should run, or remove `auto_run: false` to run it when the call starts",
            function.value("name")?.range ?? autoRun.range)]
    }

    // MARK: FN19

    /// `{{function.x.y}}` in a function's `config`: x must be declared before it
    /// (and so have run); its own outputs never exist while it runs.
    private static func checkChainOrder(_ function: FunctionView, at index: Int, declared: [String: Int]) -> [Diagnostic] {
        guard let config = function.config, let own = function.name else { return [] }
        var diagnostics: [Diagnostic] = []
        for string in config.stringValues {
            for (name, range) in functionPlaceholders(in: string.decoded.value) {
                let source = string.sourceRange(ofValueBytes: range)
                if name == own {
                    diagnostics.append(Diagnostic(.functionChainOrder, .error,
                        "function \"\(own)\" uses its own output here, which exists only after it has run", source))
                } else if let position = declared[name], position > index {
                    diagnostics.append(Diagnostic(.functionChainOrder, .warning,
                        "function \"\(name)\" is declared after \"\(own)\"; a function's `config` may use outputs of functions that have already run — declare \"\(name)\" first",
                        source))
                }
            }
        }
        return diagnostics
    }

    /// `{{function.<name>.…}}` placeholders: each name with the range of the
    /// whole placeholder, in UTF-8 offsets of the text. (Until the placeholder
    /// parser of the action layer is shared here.)
    static func functionPlaceholders(in text: String) -> [(name: String, range: TextRange)] {
        let bytes = Array(text.utf8), opener = Array("{{function.".utf8)
        var found: [(String, TextRange)] = []
        var index = 0
        while index + opener.count <= bytes.count {
            guard bytes[index..<index + opener.count].elementsEqual(opener) else { index += 1; continue }
            var end = index + opener.count
            let nameStart = end
            while end < bytes.count, bytes[end] < 0x80, FunctionView.isNameScalar(Unicode.Scalar(bytes[end])) { end += 1 }
            let name = String(decoding: bytes[nameStart..<end], as: UTF8.self)
            var close = end
            while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}")), bytes[close] != UInt8(ascii: "{") { close += 1 }
            let stop = close + 1 < bytes.count && bytes[close] == UInt8(ascii: "}") ? close + 2 : end
            if !name.isEmpty { found.append((name, TextRange(index, stop))) }
            index = max(stop, index + 1)
        }
        return found
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
