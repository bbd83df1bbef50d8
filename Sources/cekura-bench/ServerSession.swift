import Foundation
import JSONSyntax
import LanguageServerProtocol

/// A language server started as an editor starts it: a child process spoken
/// to over pipes in framed JSON-RPC. A watchdog kills it when a read waits
/// past the deadline, so a silent server fails the bench instead of hanging it.
final class ServerSession {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var framer = MessageFramer()
    private var nextID = 1

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(command: [String]) throws {
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ message: JSONValue) {
        input.fileHandleForWriting.write(Data(Message.frame(message)))
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and waits for its response, answering the server's own
    /// requests (`workspace/configuration` and the like) with null meanwhile.
    func request(_ method: String, _ params: JSONValue, timeout: TimeInterval = 30) throws -> JSONValue {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
        return try next(timeout: timeout) { $0["id"] == .integer(id) && $0["method"] == nil }
    }

    /// The next message the predicate accepts.
    func next(timeout: TimeInterval = 30, where accepts: (JSONValue) -> Bool) throws -> JSONValue {
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        while true {
            while let event = framer.next() {
                guard case .message(let body) = event, let message = JSONValue(parsing: body) else { continue }
                if let id = message["id"], message["method"] != nil {
                    send(["jsonrpc": "2.0", "id": id, "result": .null])
                }
                if accepts(message) { return message }
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure(description: "the server closed its output (or answered nothing within \(Int(timeout)) s)") }
            framer.append(chunk)
        }
    }

    /// The peak resident memory of the process, from /proc (Linux).
    var peakResidentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }

    /// `shutdown` and `exit`; a server that does not end within two seconds is killed.
    func close() {
        _ = try? request("shutdown", .null, timeout: 5)
        notify("exit", .null)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
