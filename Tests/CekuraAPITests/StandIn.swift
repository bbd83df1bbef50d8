import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import CekuraAPI
import JSONSyntax
import Testing

/// The stand-in API (`Tests/api/standin.py`) in a child process, one per
/// test; it exits with the test process, since it ends when its input closes.
final class StandIn: @unchecked Sendable {
    static let apiKey = "ck_standin_key"

    let port: Int
    private let process: Process
    private let input: Pipe

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts a stand-in and waits for its port, reading on a thread of its
    /// own: a blocking read here would hold one of the few threads the
    /// concurrent tests share.
    static func start() async throws -> StandIn {
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
    func stop() async {
        try? input.fileHandleForWriting.close()
        process.terminate()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// A client of this stand-in, with a test clock and no cache unless given.
    func client(key: String? = StandIn.apiKey, clock: TestClock = TestClock(), retry: RetryPolicy = RetryPolicy(requestTimeout: .seconds(5)),
                cache: CatalogCache? = nil, userAgent: String = "cekura-lsp/test") -> CekuraClient {
        let credentials = key.map { APICredentials(apiKey: $0, source: .setting) }
        return CekuraClient(configuration: APIConfiguration(baseURL: baseURL, credentials: credentials), userAgent: userAgent,
                            retry: retry, clock: clock, cache: cache)
    }

    /// Sends a `/_control` command (see the stand-in's documentation).
    func control(_ command: JSONValue) async throws {
        var request = URLRequest(url: URL(string: baseURL + "/_control")!)
        request.httpMethod = "POST"
        request.httpBody = Data(command.serialized.utf8)
        _ = try await URLSession.shared.data(for: request)
    }

    func faults(_ faults: JSONValue...) async throws {
        try await control(["faults": .array(faults)])
    }

    /// The requests the stand-in received, control requests excepted.
    func requests() async throws -> [RecordedRequest] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: baseURL + "/_requests")!)
        guard let list = JSONValue(parsing: [UInt8](data))?.arrayValue else { throw StandInError.unreadable }
        return list.map(RecordedRequest.init)
    }
}

enum StandInError: Error {
    case noPort(String)
    case unreadable
}

struct RecordedRequest {
    let method: String
    let path: String
    let query: String
    /// By lowercased header name.
    let headers: [String: String]
    let body: JSONValue?

    init(_ json: JSONValue) {
        method = json["method"]?.stringValue ?? ""
        path = json["path"]?.stringValue ?? ""
        query = json["query"]?.stringValue ?? ""
        headers = Dictionary((json["headers"]?.objectValue ?? []).map { ($0.key.lowercased(), $0.value.stringValue ?? "") }) { $1 }
        body = json["body"]?.stringValue.flatMap { $0.isEmpty ? nil : JSONValue(parsing: Array($0.utf8)) }
    }
}

/// A clock that does not wait: each sleep is recorded and moves `now` on.
/// `pause` lets real time pass per sleep, for a test that cancels between polls.
final class TestClock: APIClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Duration] = []
    private let pause: Duration

    init(start: Date = Date(timeIntervalSince1970: 1_790_000_000), pause: Duration = .zero) {
        current = start
        self.pause = pause
    }

    func now() -> Date { lock.withLock { current } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(duration)
            current += duration.timeInterval
        }
        if pause > .zero { try await Task.sleep(for: pause) } else { await Task.yield() }
        try Task.checkCancellation()
    }

    func advance(by duration: Duration) {
        lock.withLock { current += duration.timeInterval }
    }

    var sleeps: [Duration] { lock.withLock { recorded } }
}

/// The error a call ended with, or nil when it returned.
func failure<T>(_ body: () async throws -> T) async -> APIError? {
    do {
        _ = try await body()
        return nil
    } catch let error as APIError {
        return error
    } catch {
        Issue.record("not an APIError: \(error)")
        return nil
    }
}
