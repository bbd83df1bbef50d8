import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JSONSyntax

/// The stand-in API (`Tests/api/standin.py`) in a child process, one per
/// test; it exits with the test process, since it ends when its input closes.
public final class StandIn: @unchecked Sendable {
    public static let apiKey = "ck_standin_key"

    public let port: Int
    private let process: Process
    private let input: Pipe

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts a stand-in and waits for its port, reading on a thread of its
    /// own: a blocking read here would hold one of the few threads the
    /// concurrent tests share.
    public static func start() async throws -> StandIn {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("api/standin.py")
        let process = Process(), input = Pipe(), output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", "0", "--exit-on-stdin-eof"]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var line: [UInt8] = []
                while !line.contains(0x0A) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    line += chunk
                }
                continuation.resume(returning: String(decoding: line, as: UTF8.self))
            }
        }
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw StandInError.noPort(line) }
        return StandIn(port: port, process: process, input: input)
    }

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    /// Closing its input ends the stand-in; nothing here waits for that.
    deinit {
        try? input.fileHandleForWriting.close()
    }

    /// Ends the stand-in and waits until it has exited, so its port is closed.
    public func stop() async {
        try? input.fileHandleForWriting.close()
        process.terminate()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// Sends a `/_control` command (see the stand-in's documentation).
    public func control(_ command: JSONValue) async throws {
        var request = URLRequest(url: URL(string: baseURL + "/_control")!)
        request.httpMethod = "POST"
        request.httpBody = Data(command.serialized.utf8)
        _ = try await URLSession.shared.data(for: request)
    }

    public func faults(_ faults: JSONValue...) async throws {
        try await control(["faults": .array(faults)])
    }

    /// The requests the stand-in received, control requests excepted.
    public func requests() async throws -> [RecordedRequest] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: baseURL + "/_requests")!)
        guard let list = JSONValue(parsing: [UInt8](data))?.arrayValue else { throw StandInError.unreadable }
        return list.map(RecordedRequest.init)
    }
}

public enum StandInError: Error {
    case noPort(String)
    case unreadable
}

public struct RecordedRequest: Sendable {
    public let method: String
    public let path: String
    public let query: String
    /// By lowercased header name.
    public let headers: [String: String]
    public let body: JSONValue?

    init(_ json: JSONValue) {
        method = json["method"]?.stringValue ?? ""
        path = json["path"]?.stringValue ?? ""
        query = json["query"]?.stringValue ?? ""
        headers = Dictionary((json["headers"]?.objectValue ?? []).map { ($0.key.lowercased(), $0.value.stringValue ?? "") }) { $1 }
        body = json["body"]?.stringValue.flatMap { $0.isEmpty ? nil : JSONValue(parsing: Array($0.utf8)) }
    }
}
