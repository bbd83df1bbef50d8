import JSONSyntax

/// Names looked up by their UTF-8 bytes: every tag and attribute of every
/// action is looked up, and comparing a few machine words is cheaper than
/// hashing the name or making a `String` of it. Each name is kept as its
/// length and its bytes packed into 64-bit words.
package struct NameTable: Sendable {
    package let names: [String]
    /// Per name: its length, then its bytes in `wordsPerName` words, zero-padded.
    private let packed: [UInt64]
    private let wordsPerName: Int

    init(_ names: [String]) {
        self.names = names
        let longest = names.map(\.utf8.count).max() ?? 0
        precondition(longest <= 24, "names are compared as at most three words")
        wordsPerName = (longest + 7) / 8
        var packed: [UInt64] = []
        for name in names {
            var name = name
            packed.append(UInt64(name.utf8.count))
            name.withUTF8 { packed += Self.words(of: $0, count: (longest + 7) / 8) }
        }
        self.packed = packed
    }

    private static func words(of bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt64] {
        (0..<count).map { word(of: bytes, at: $0) }
    }

    /// Bytes `8 * index ..< 8 * index + 8` as a word, zero past the end.
    private static func word(of bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        let start = 8 * index
        if start + 8 <= bytes.count, let base = bytes.baseAddress {
            return UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
        }
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { word in
            for offset in 0..<max(0, bytes.count - start) { word[offset] = bytes[start + offset] }
        }
        return word
    }

    /// The index in `names` of the name these bytes spell.
    func index(of written: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = written.count
        guard count > 0, count <= 8 * wordsPerName else { return nil }
        let stride = wordsPerName + 1
        // The written name's words, made once when a name of its length is met.
        var words: (UInt64, UInt64, UInt64)?
        return packed.withUnsafeBufferPointer { packed in
            var base = 0
            for entry in 0..<names.count {
                defer { base += stride }
                guard packed[base] == UInt64(count) else { continue }
                if words == nil { words = (Self.word(of: written, at: 0), Self.word(of: written, at: 1), Self.word(of: written, at: 2)) }
                guard let (first, second, third) = words, packed[base + 1] == first else { continue }
                if wordsPerName > 1, packed[base + 2] != second { continue }
                if wordsPerName > 2, packed[base + 3] != third { continue }
                return entry
            }
            return nil
        }
    }

    func index(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { index(of: $0) }
    }
}
