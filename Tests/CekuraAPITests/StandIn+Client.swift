import Foundation
@testable import CekuraAPI
import JSONSyntax
import StandInSupport
import Testing

extension StandIn {
    /// A client of this stand-in, with a test clock and no cache unless given.
    func client(key: String? = StandIn.apiKey, clock: TestClock = TestClock(), retry: RetryPolicy = RetryPolicy(requestTimeout: .seconds(5)),
                cache: CatalogCache? = nil, userAgent: String = "cekura-lsp/test") -> CekuraClient {
        let credentials = key.map { APICredentials(apiKey: $0, source: .setting) }
        return CekuraClient(configuration: APIConfiguration(baseURL: baseURL, credentials: credentials), userAgent: userAgent,
                            retry: retry, clock: clock, cache: cache)
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
