import JSONSyntax
import LanguageServerProtocol

extension Invariants {
    /// Bytes framed in one read or in many small ones give the same messages,
    /// and every body decodes to a message or to the error it is answered with.
    public static func framing(_ bytes: [UInt8]) -> [String] {
        var violations = Violations()
        let whole = events(of: [bytes[...]])
        // Chunk sizes taken from the input itself, 1 to 16 bytes.
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let size = Int(bytes[start] % 16) + 1
            chunks.append(bytes[start..<min(bytes.count, start + size)])
            start += size
        }
        violations.check(events(of: chunks) == whole, "framing depends on how the bytes arrive")
        for case .message(let body) in whole {
            _ = Message.decode(body)
        }
        return violations.found
    }

    private static func events(of chunks: [ArraySlice<UInt8>]) -> [MessageFramer.Event] {
        var framer = MessageFramer(maximumLength: 1 << 16)
        var events: [MessageFramer.Event] = []
        for chunk in chunks {
            framer.append(chunk)
            while let event = framer.next() { events.append(event) }
        }
        return events
    }
}
