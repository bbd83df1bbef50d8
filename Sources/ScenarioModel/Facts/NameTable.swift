import JSONSyntax

/// Names looked up by their UTF-8 bytes, grouped by length: every tag and
/// attribute of every action is looked up, and comparing a few bytes is
/// cheaper than hashing the name or making a `String` of it.
package struct NameTable: Sendable {
    package let names: [String]
    private let byLength: [[(bytes: [UInt8], index: Int)]]

    init(_ names: [String]) {
        self.names = names
        var table = [[(bytes: [UInt8], index: Int)]](repeating: [], count: (names.map(\.utf8.count).max() ?? 0) + 1)
        for (index, name) in names.enumerated() { table[name.utf8.count].append((Array(name.utf8), index)) }
        byLength = table
    }

    /// The index in `names` of the name these bytes spell.
    func index(of written: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = written.count
        guard length > 0, length < byLength.count else { return nil }
        for entry in byLength[length] where entry.bytes.withUnsafeBufferPointer({ $0.hasSameBytes(as: written) }) {
            return entry.index
        }
        return nil
    }

    func index(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { index(of: $0) }
    }
}
