import Foundation
import JSONSyntax
import LanguageServerProtocol

/// The server on standard input and output, as editors start it. Messages are
/// written whole under a lock (several queues answer); logs go to standard
/// error only.
public enum StandardIO {
    /// Serves until `exit` or the end of input, then ends the process with the
    /// status the protocol gives (0 after `shutdown`, else 1).
    public static func serve(version: String) -> Never {
        // A client that goes away must end the server with a status, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(version: version, sink: StandardOutputSink(), standardError: writeError,
                                    onExit: { status in exit(status) })
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            framer.append(buffer[0..<count])
            while let event = framer.next() { server.receive(event) }
        }
        server.inputEnded()
        // `inputEnded` exits from the state queue; this thread only waits.
        while true { sleep(60) }
    }

    @Sendable static func writeError(_ text: String) {
        writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes every byte, across short writes; false when the stream is gone.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// Standard output, one framed message at a time.
struct StandardOutputSink: MessageSink {
    private let lock = NSLock()

    func send(_ message: JSONValue) {
        let bytes = Message.frame(message)
        let delivered = lock.withLock { StandardIO.writeAll(bytes, to: STDOUT_FILENO) }
        // The client closed its end: nobody is listening any more.
        if !delivered { exit(1) }
    }
}
