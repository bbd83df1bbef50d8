/// Counts Unicode scalars between byte offsets in O(log n), for the 1-based
/// scalar columns of the text and GitHub reports. Like `LineIndex` for UTF-16,
/// it records only the multi-byte characters, so a line of minified JSON with
/// thousands of diagnostics is not decoded once per diagnostic.
struct ScalarIndex: Sendable {
    /// The well-formed multi-byte characters, in order: where each starts, and
    /// how many bytes beyond one per scalar it and all earlier ones take.
    private let starts: [Int]
    private let lengths: [Int]
    private let extraBytesThrough: [Int]

    init(_ bytes: [UInt8]) {
        var starts: [Int] = [], lengths: [Int] = [], extraBytesThrough: [Int] = []
        var extra = 0
        var offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 {
                    extra += encoded.count - 1
                    starts.append(offset)
                    lengths.append(encoded.count)
                    extraBytesThrough.append(extra)
                }
                offset += encoded.count
            case .error(let length):
                // Each byte of an ill-formed sequence is one U+FFFD: no extra bytes.
                offset += length
            case .emptyInput:
                break decoding
            }
        }
        self.starts = starts
        self.lengths = lengths
        self.extraBytesThrough = extraBytesThrough
    }

    /// The scalars that end at or before `offset`: an offset inside a character
    /// counts up to that character's start, as `LineIndex` rounds.
    func scalarCount(before offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        // Characters 0..<low start before the offset; the last of them may hold it.
        guard low > 0 else { return offset }
        let last = low - 1
        let lastEnd = starts[last] + lengths[last]
        if offset < lastEnd {
            let extraBefore = last > 0 ? extraBytesThrough[last - 1] : 0
            return starts[last] - extraBefore
        }
        return offset - extraBytesThrough[last]
    }
}
