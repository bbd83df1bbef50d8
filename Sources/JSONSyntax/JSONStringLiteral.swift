extension String {
    /// This text as a JSON string literal: quotes and backslashes escaped, the
    /// usual short escapes, other control characters as `\u00XX`, everything
    /// else written as it is (UTF-8), as RFC 8259 requires and no more.
    public var jsonQuoted: String {
        var out: [UInt8] = []
        appendJSONQuoted(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `jsonQuoted` as UTF-8, copying the runs that need no escape whole.
    public func appendJSONQuoted(to out: inout [UInt8]) {
        var text = self
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
                    out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(UInt8(ascii: "\""))
        }
    }

    /// This text escaped for the inside of a JSON string: `jsonQuoted` without
    /// its quotes, what an edit inside a string writes.
    public var jsonStringContent: String { String(jsonQuoted.dropFirst().dropLast()) }
}
