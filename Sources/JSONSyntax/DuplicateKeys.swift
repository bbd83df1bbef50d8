extension Parser {
    /// Reports property names that occur more than once in `object`. Python's
    /// `json` module keeps the last value silently, so every earlier one is lost
    /// on upload; both ends are marked, each pointing at the other, and every
    /// member but the last is flagged `overridden` for the rules.
    mutating func checkDuplicateKeys(_ object: Int) {
        var keys: [Int] = []
        var child = object + 1
        let end = Int(nodes[object].subtreeEnd)
        while child < end {
            if nodes[child].kind == .member, nodes[child + 1].kind == .string { keys.append(child + 1) }
            child = Int(nodes[child].subtreeEnd)
        }
        guard keys.count > 1, keys.count > 16 || hasEqualPair(keys) else { return }

        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for key in keys {
            let name = decodedName(key)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(key)
        }
        for name in order {
            guard let occurrences = groups[name], occurrences.count > 1 else { continue }
            // A key is its member's first child.
            for key in occurrences.dropLast() { nodes[key - 1].flags.insert(.overridden) }
            let ranges = occurrences.map { TextRange(Int(nodes[$0].start), Int(nodes[$0].end)) }
            for (position, range) in ranges.enumerated() {
                let isLast = position == ranges.count - 1
                let message = isLast
                    ? "\"\(name)\" is already a key of this object; this value replaces the earlier one"
                    : "\"\(name)\" appears again later in this object; the API keeps only the last value, so this one is lost"
                let related = ranges.enumerated().filter { $0.offset != position }.map {
                    RelatedLocation(range: $0.element, message: $0.offset == ranges.count - 1
                        ? "the value the API keeps" : "an earlier \"\(name)\"")
                }
                diagnostics.append(Diagnostic(.duplicateKey, message, range, related: related))
            }
        }
    }

    /// Cheap test for small objects: compares raw content bytes, decoding only
    /// keys that contain escapes.
    private func hasEqualPair(_ keys: [Int]) -> Bool {
        for i in 1..<keys.count {
            for j in 0..<i where sameName(keys[i], keys[j]) { return true }
        }
        return false
    }

    private func sameName(_ a: Int, _ b: Int) -> Bool {
        let first = nodes[a], second = nodes[b]
        if first.flags.isDisjoint(with: .needsDecoding), second.flags.isDisjoint(with: .needsDecoding) {
            let left = first.contentRange, right = second.contentRange
            return left.length == right.length
                && bytes[left.start..<left.end].elementsEqual(bytes[right.start..<right.end])
        }
        return decodedName(a) == decodedName(b)
    }

    private func decodedName(_ key: Int) -> String {
        DecodedString.decode(bytes, content: nodes[key].contentRange, flags: nodes[key].flags).value
    }
}
