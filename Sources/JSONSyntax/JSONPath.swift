/// One step into a JSON value.
public enum PathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// The way to a value from the root, printable as the API writes it in error
/// reports (`scenarios[0].metrics[1]`) and as a JSON Pointer (RFC 6901).
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public var components: [PathComponent]

    public init(_ components: [PathComponent] = []) { self.components = components }

    public var description: String { apiString }

    public func appending(_ component: PathComponent) -> JSONPath { JSONPath(components + [component]) }

    /// `scenarios[0].conditional_actions.conditions[2]`; a key that is not a
    /// plain word is written in brackets and quotes: `test_profile["first name"]`.
    public var apiString: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let index):
                out += "[\(index)]"
            case .key(let key) where key.isPlainPathWord:
                out += out.isEmpty ? key : ".\(key)"
            case .key(let key):
                out += "[\"\(key.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\""))\"]"
            }
        }
        return out
    }

    public var jsonPointer: String {
        components.map { component in
            switch component {
            case .index(let index): "/\(index)"
            case .key(let key): "/" + key.replacingEvery("~", with: "~0").replacingEvery("/", with: "~1")
            }
        }.joined()
    }

    /// Reads the API's form; nil when it is malformed.
    public init?(api text: String) {
        var components: [PathComponent] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "[" {
                rest.removeFirst()
                if rest.first == "\"" {
                    rest.removeFirst()
                    var key = ""
                    while let character = rest.first, character != "\"" {
                        rest.removeFirst()
                        if character == "\\", let escaped = rest.first {
                            rest.removeFirst()
                            key.append(escaped)
                        } else {
                            key.append(character)
                        }
                    }
                    guard rest.first == "\"" else { return nil }
                    rest.removeFirst()
                    components.append(.key(key))
                } else {
                    let digits = rest.prefix { $0.isASCII && $0.isNumber }
                    guard let index = Int(digits) else { return nil }
                    rest.removeFirst(digits.count)
                    components.append(.index(index))
                }
                guard rest.first == "]" else { return nil }
                rest.removeFirst()
            } else {
                if rest.first == "." {
                    guard !components.isEmpty else { return nil }
                    rest.removeFirst()
                } else if !components.isEmpty {
                    return nil
                }
                let word = rest.prefix { $0 != "." && $0 != "[" }
                guard !word.isEmpty else { return nil }
                rest.removeFirst(word.count)
                components.append(.key(String(word)))
            }
        }
        self.components = components
    }

    /// Reads a JSON Pointer; a token of digits becomes an index (and still
    /// finds a member with that name when it meets an object).
    public init?(jsonPointer text: String) {
        guard !text.isEmpty else {
            self.components = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        components = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
            let key = String(token).replacingEvery("~1", with: "/").replacingEvery("~0", with: "~")
            if let index = Int(key), index >= 0, key == String(index) { return .index(index) }
            return .key(key)
        }
    }
}

extension SyntaxNode {
    /// The path of the value this node is, or belongs to: a member and its key
    /// have the path of the member's value.
    public var path: JSONPath {
        var components: [PathComponent] = []
        var node = self
        while let parent = node.parent {
            switch parent.kind {
            case .member:
                components.append(.key(parent.keyName))
                node = parent.parent ?? parent
                continue
            case .array:
                var index = 0
                for sibling in parent.children {
                    if sibling == node { break }
                    index += 1
                }
                components.append(.index(index))
            case .object where node.kind == .member:
                components.append(.key(node.keyName))
            default:
                break
            }
            node = parent
        }
        return JSONPath(components.reversed())
    }
}

extension SyntaxTree {
    /// The value at a path, if there is one (with duplicate names, the last).
    public func node(at path: JSONPath) -> SyntaxNode? {
        guard var node = root else { return nil }
        for component in path.components {
            switch (component, node.kind) {
            case (.key(let key), .object): guard let next = node[key: key] else { return nil }; node = next
            case (.index(let index), .object): guard let next = node[key: String(index)] else { return nil }; node = next
            case (.index(let index), .array): guard let next = node[index: index] else { return nil }; node = next
            case (.key(let key), .array):
                guard let index = Int(key), let next = node[index: index] else { return nil }
                node = next
            default: return nil
            }
        }
        return node
    }
}

extension String {
    var isPlainPathWord: Bool {
        !isEmpty && utf8.allSatisfy { $0.isWordPart || $0 == UInt8(ascii: "-") }
    }

    /// Foundation-free replacement of every occurrence of `target`.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
