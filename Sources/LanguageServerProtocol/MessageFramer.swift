/// Cuts a byte stream into JSON-RPC message bodies by their `Content-Length`
/// headers (LSP base protocol). Bytes arrive in reads of any size: a header or
/// a body may be split across reads, and one read may hold several messages.
/// Bad framing is reported as an event and skipped, never fatal.
public struct MessageFramer: Sendable {
    public enum Event: Equatable, Sendable {
        case message([UInt8])
        /// A header block without a usable `Content-Length`, or with a line that
        /// is not `Name: value`; the block is dropped.
        case malformedHeader(String)
        /// A length above `maximumLength`: the body is read and dropped.
        case oversized(length: Int)
    }

    /// Larger bodies are refused: no editor sends 64 MB in one message, and
    /// buffering one would hold the memory for nothing.
    public let maximumLength: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of an oversized body still to drop.
    private var skipping = 0
    /// A header block longer than this without its blank line is garbage.
    private static let maximumHeaderLength = 8 * 1024

    public init(maximumLength: Int = 64 * 1024 * 1024) {
        self.maximumLength = maximumLength
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or nil until more bytes arrive.
    public mutating func next() -> Event? {
        defer { compact() }
        if skipping > 0 {
            let dropped = min(skipping, buffer.count - start)
            start += dropped
            skipping -= dropped
            if skipping > 0 { return nil }
        }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maximumHeaderLength {
                // No blank line in sight: drop what we have up to the last
                // newline, so a header that follows can still be read.
                let text = String(decoding: buffer[start..<min(buffer.count, start + 80)], as: UTF8.self)
                let lastNewline = buffer[start...].lastIndex(of: UInt8(ascii: "\n")) ?? buffer.count - 1
                start = lastNewline + 1
                return .malformedHeader("no header end within \(Self.maximumHeaderLength) bytes: \(text.debugDescription)")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd.headerEnd], as: UTF8.self)
        let bodyStart = headerEnd.bodyStart
        switch Self.contentLength(in: header) {
        case .failure(let problem):
            start = bodyStart
            return .malformedHeader(problem.description)
        case .success(let length) where length > maximumLength:
            start = bodyStart
            skipping = length
            let dropped = min(skipping, buffer.count - start)
            start += dropped
            skipping -= dropped
            return .oversized(length: length)
        case .success(let length):
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<bodyStart + length])
            start = bodyStart + length
            return .message(body)
        }
    }

    /// Where the header block ends: at `\r\n\r\n`, or `\n\n` from clients that
    /// write bare newlines. Leading blank lines (a stray `\r\n` after a body)
    /// are skipped.
    private mutating func findHeaderEnd() -> (headerEnd: Int, bodyStart: Int)? {
        while start < buffer.count, buffer[start] == UInt8(ascii: "\r") || buffer[start] == UInt8(ascii: "\n") { start += 1 }
        var index = start
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == UInt8(ascii: "\n") {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    private static func contentLength(in header: String) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem("header line without ':': \(String(line.prefix(80)).debugDescription)"))
            }
            let name = line[..<colon].trimmingBlanks.lowercased()
            let value = line[line.index(after: colon)...].trimmingBlanks
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return .failure(HeaderProblem("Content-Length is not a length: \(String(value.prefix(40)).debugDescription)"))
                }
                length = number
            }
            // Content-Type and unknown headers are accepted and ignored: the
            // body is UTF-8 JSON in every client.
        }
        guard let length else { return .failure(HeaderProblem("header without Content-Length")) }
        return .success(length)
    }

    private struct HeaderProblem: Error {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Drops consumed bytes once they are most of the buffer, keeping appends cheap.
    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}

extension Substring {
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
