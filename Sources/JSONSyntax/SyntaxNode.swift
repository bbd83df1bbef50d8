/// A handle on one node of a `SyntaxTree`: cheap to copy, valid as long as the
/// tree is alive (it keeps the tree alive).
public struct SyntaxNode: Hashable, Sendable, CustomStringConvertible {
    public let tree: SyntaxTree
    public let index: Int

    init(tree: SyntaxTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    public static func == (lhs: SyntaxNode, rhs: SyntaxNode) -> Bool { lhs.tree === rhs.tree && lhs.index == rhs.index }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(tree))
        hasher.combine(index)
    }

    var raw: RawNode { tree.nodes[index] }

    public var kind: SyntaxKind { raw.kind }
    public var range: TextRange { TextRange(Int(raw.start), Int(raw.end)) }
    public var text: String { tree.text(in: range) }
    public var description: String { "\(kind)@\(range)" }

    public var parent: SyntaxNode? {
        let parent = raw.parent
        return parent < 0 ? nil : SyntaxNode(tree: tree, index: Int(parent))
    }

    public var children: Children { Children(tree: tree, first: index + 1, end: Int(raw.subtreeEnd)) }

    public var ancestors: [SyntaxNode] {
        var result: [SyntaxNode] = []
        var node = parent
        while let current = node {
            result.append(current)
            node = current.parent
        }
        return result
    }

    /// The children of a node, in order, without allocating.
    public struct Children: Sequence {
        let tree: SyntaxTree
        let first: Int
        let end: Int

        public func makeIterator() -> Iterator { Iterator(tree: tree, upcoming: first, end: end) }

        public struct Iterator: IteratorProtocol {
            let tree: SyntaxTree
            var upcoming: Int
            let end: Int
            public mutating func next() -> SyntaxNode? {
                guard upcoming < end else { return nil }
                let node = SyntaxNode(tree: tree, index: upcoming)
                upcoming = Int(tree.nodes[upcoming].subtreeEnd)
                return node
            }
        }
    }

    // MARK: Members

    /// For a member, its key: a string node (possibly unquoted or unterminated),
    /// or an empty error node when the name is missing.
    public var key: SyntaxNode? {
        guard kind == .member else { return nil }
        return children.first { _ in true }
    }

    /// For a member, its value; nil while the user has not typed it yet.
    public var value: SyntaxNode? {
        guard kind == .member else { return nil }
        var iterator = children.makeIterator()
        _ = iterator.next()
        return iterator.next()
    }

    /// For a member, the decoded property name ("" when it is missing).
    public var keyName: String {
        guard let key, key.kind == .string else { return "" }
        return key.decoded.value
    }

    /// For a member, the offset of its ':' if it has one.
    public var colonOffset: Int? { kind == .member && raw.colon >= 0 ? Int(raw.colon) : nil }

    /// For an object, its members in order (stray tokens left out).
    public var members: [SyntaxNode] {
        guard kind == .object else { return [] }
        return children.filter { $0.kind == .member }
    }

    /// For an object, the member with this name. With duplicate names this is the
    /// last one: Python's `json` module, and so the Cekura API, keeps the last.
    public func member(named name: String) -> SyntaxNode? {
        var name = name
        var found: Int?
        name.withUTF8 { expected in
            scanMembers { member, key in
                let matches = key.map { $0.hasSameBytes(as: expected) }
                    ?? SyntaxNode(tree: tree, index: member).hasKey(String(decoding: expected, as: UTF8.self))
                if matches { found = member }
            }
        }
        return found.map { SyntaxNode(tree: tree, index: $0) }
    }

    /// For an object, calls `body` with each member's tree index and the UTF-8
    /// bytes of its name (decoded when the key has escapes); members without a
    /// name are left out. The spec validator reads every object this way,
    /// without a handle or a `String` per member.
    public func forEachMember(_ body: (_ member: Int, _ name: UnsafeBufferPointer<UInt8>) -> Void) {
        scanMembers { member, key in
            if let key { return body(member, key) }
            var name = SyntaxNode(tree: tree, index: member).keyName
            name.withUTF8 { body(member, $0) }
        }
    }

    /// For a member, whether a later member of its object has the same name:
    /// the API keeps only the last, so this one's value is lost.
    public var isOverridden: Bool { kind == .member && raw.flags.contains(.overridden) }

    /// Calls `body` with each member's tree index and its key's bytes (nil for
    /// a key written with escapes). Rules look fields up on every object of
    /// every script on every keystroke: this walks the raw nodes and builds no
    /// handle.
    private func scanMembers(_ body: (_ member: Int, _ key: UnsafeBufferPointer<UInt8>?) -> Void) {
        guard kind == .object else { return }
        tree.nodes.withUnsafeBufferPointer { nodes in
            tree.bytes.withUnsafeBufferPointer { bytes in
                var child = index + 1
                let end = Int(nodes[index].subtreeEnd)
                while child < end {
                    if nodes[child].kind == .member, child + 1 < end, nodes[child + 1].kind == .string {
                        let key = nodes[child + 1]
                        let content = key.contentRange
                        body(child, key.flags.isDisjoint(with: .needsDecoding)
                            ? UnsafeBufferPointer(rebasing: bytes[content.start..<content.end]) : nil)
                    }
                    child = Int(nodes[child].subtreeEnd)
                }
            }
        }
    }

    /// For a member, whether its property name is `name`. Names without escapes
    /// (nearly all) are compared as bytes, without decoding: lookups run for
    /// every field of every object on every keystroke.
    public func hasKey(_ name: String) -> Bool {
        guard kind == .member, let key, key.kind == .string else { return false }
        let flags = key.raw.flags
        guard flags.isDisjoint(with: .needsDecoding) else { return key.decoded.value == name }
        let content = key.raw.contentRange
        var name = name
        return name.withUTF8 { expected in
            expected.count == content.length && tree.bytes[content.start..<content.end].elementsEqual(expected)
        }
    }

    /// For a string, the length of its content in source bytes: an upper bound
    /// of its decoded length in Unicode scalars, so length limits can often be
    /// settled without decoding.
    public var contentByteCount: Int { contentRange.length }

    /// The value of the member with this name (see `member(named:)`).
    public subscript(key name: String) -> SyntaxNode? { member(named: name)?.value }

    // MARK: Arrays

    /// For an array, its elements in order; a stray token counts as an element,
    /// since it stands where the user meant one.
    public var elements: [SyntaxNode] {
        guard kind == .array else { return [] }
        return Array(children)
    }

    /// For an array, how many elements it has, counted without building `elements`.
    public var elementCount: Int {
        guard kind == .array else { return 0 }
        return children.reduce(0) { count, _ in count + 1 }
    }

    public subscript(index position: Int) -> SyntaxNode? {
        guard kind == .array, position >= 0 else { return nil }
        var current = 0
        for child in children {
            if current == position { return child }
            current += 1
        }
        return nil
    }

    /// The string values in this value, at any depth, in order (keys left out).
    public var stringValues: [SyntaxNode] {
        switch kind {
        case .string: [self]
        case .object: members.compactMap(\.value).flatMap(\.stringValues)
        case .array: elements.flatMap(\.stringValues)
        default: []
        }
    }

    // MARK: Scalars

    var stringFlags: StringFlags { raw.flags }

    /// A string without its closing quote, or an object or array without its
    /// closing bracket.
    public var isUnterminated: Bool { raw.flags.contains(.unterminated) }
    public var isUnquoted: Bool { raw.flags.contains(.unquoted) }

    /// For a string, the bytes between its quotes (an unterminated string runs to
    /// the end of its token; an unquoted key is all content).
    public var contentRange: TextRange { kind == .string ? raw.contentRange : range }

    /// For a string, its decoded value with the map back to the source.
    public var decoded: DecodedString {
        let content = contentRange
        return tree.bytes.withUnsafeBufferPointer { buffer in
            DecodedString.decode(buffer, content: content, flags: raw.flags)
        }
    }

    /// For a string, its decoded UTF-8 bytes with the map back to the source,
    /// without making a `String`.
    public var decodedBytes: DecodedBytes? {
        guard kind == .string else { return nil }
        let content = contentRange
        return tree.bytes.withUnsafeBufferPointer { buffer in
            DecodedString.decodeBytes(buffer, content: content, flags: raw.flags)
        }
    }

    public var stringValue: String? { kind == .string ? decoded.value : nil }

    /// For a string, calls `body` with the UTF-8 bytes of its decoded value:
    /// the source bytes themselves when there is no escape (nearly always), so
    /// rules that only look at a value need not build a `String`. Inlinable so
    /// that each caller gets it specialized.
    @inlinable
    public func withStringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard kind == .string else { return nil }
        guard let content = unescapedContentRange else {
            var value = decoded.value
            return value.withUTF8(body)
        }
        return tree.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[content.start..<content.end])) }
    }

    /// For a string without escapes or invalid bytes, the source bytes of its
    /// content, which are its value; nil otherwise.
    public var unescapedContentRange: TextRange? {
        guard kind == .string, raw.flags.isDisjoint(with: .needsDecoding) else { return nil }
        return raw.contentRange
    }

    /// For a string, whether its value is `text`, compared as bytes.
    public func stringEquals(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { expected in withStringBytes { $0.elementsEqual(expected) } ?? false }
    }

    /// For a string, whether its value is empty or only white space; nil for
    /// anything else.
    public var isBlankString: Bool? { withStringBytes(\.isBlankText) }

    public var boolValue: Bool? {
        switch kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// For a number, its value when it is an integer JSON can express exactly
    /// (`1.0` and `1e2` count, as they do for JSON Schema and the API).
    public var intValue: Int? {
        guard kind == .number else { return nil }
        if let value = plainInteger { return value }
        guard let double = Double(text), abs(double) < 9e15, Double(Int(double)) == double else { return nil }
        return Int(double)
    }

    /// Digits with an optional minus sign, read straight from the bytes.
    private var plainInteger: Int? {
        let range = self.range
        guard range.length > 0, range.length <= 18 else { return nil }
        let bytes = tree.bytes
        var index = range.start
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.end else { return nil }
        var value = 0
        while index < range.end {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// For a number, whether it is a whole number as the API's Python and JSON
    /// Schema see it: `1.0`, `1e2`, `1.5e300` and `1.0000000000000001` (read as
    /// 1.0) are; `1e400` (infinity) is not; plain digits always are, however
    /// many, since Python reads them as an exact integer.
    public var isIntegral: Bool {
        guard kind == .number, let value = doubleValue else { return false }
        if value.isFinite {
            // Every double from 2^52 up is whole; below, it converts exactly.
            return abs(value) >= 4_503_599_627_370_496 || Double(Int64(value)) == value
        }
        return text.utf8.allSatisfy { $0.isDigit || $0 == UInt8(ascii: "-") }
    }

    public var doubleValue: Double? { kind == .number ? Double(text) : nil }
}

extension UnsafeBufferPointer<UInt8> {
    /// For UTF-8 text, whether it is empty or only white space.
    public var isBlankText: Bool {
        for byte in self {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case ..<0x80: return false
            default:
                // Other white space (U+00A0, U+3000…) is rare: read it as characters.
                return String(decoding: self, as: UTF8.self).allSatisfy(\.isWhitespace)
            }
        }
        return true
    }

    /// Whether both hold the same bytes: a plain loop, inlined, where the
    /// generic `elementsEqual` is not specialized across modules. Names and
    /// keys are short, and compared on every object of every file.
    @inlinable
    public func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        var offset = 0
        // Eight bytes at a time: whole suite cases are compared too.
        if count >= 8, let base = baseAddress, let otherBase = other.baseAddress {
            while offset + 8 <= count {
                if UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                    != UnsafeRawPointer(otherBase + offset).loadUnaligned(as: UInt64.self) { return false }
                offset += 8
            }
        }
        while offset < count {
            if self[offset] != other[offset] { return false }
            offset += 1
        }
        return true
    }
}
