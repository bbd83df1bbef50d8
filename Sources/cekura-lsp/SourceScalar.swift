/// A Unicode scalar of the source and the bytes it came from.
struct SourceScalar: Sendable {
    var scalar: Unicode.Scalar
    var offset: Int
    var length: Int

    var end: Int { offset + length }

    /// Decodes UTF-8. Each byte of an ill-formed sequence becomes its own U+FFFD,
    /// which is how `LineIndex` counts them, so scalar and UTF-16 columns agree
    /// on where such bytes are.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [SourceScalar] {
        var scalars: [SourceScalar] = []
        scalars.reserveCapacity(bytes.count)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(SourceScalar(scalar: Unicode.UTF8.decode(encoded), offset: offset, length: encoded.count))
                offset += encoded.count
            case .error(let length):
                for byte in offset..<offset + length {
                    scalars.append(SourceScalar(scalar: "\u{FFFD}", offset: byte, length: 1))
                }
                offset += length
            case .emptyInput:
                return scalars
            }
        }
    }
}
