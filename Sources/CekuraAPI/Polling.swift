import Foundation

extension CekuraClient {
    /// Looks at work on the server until `finished`, sleeping between looks,
    /// for at most `timeout`. A look that fails for a passing reason is
    /// forgiven `polling.toleratedFailures - 1` times in a row (a rate limit's
    /// `Retry-After` then sets the next wait); cancelling the task ends the
    /// wait at once with `.cancelled`.
    func waitUntil<State>(_ subject: String, timeout: Duration, interval: (Duration) -> Duration,
                          look: () async throws(APIError) -> State, describe: (State) -> String,
                          finished: (State) throws(APIError) -> Bool) async throws(APIError) -> State {
        let start = clock.now()
        var lastState = "no answer yet"
        var failures = 0
        while true {
            var wait: Duration?
            do throws(APIError) {
                let current = try await look()
                failures = 0
                lastState = describe(current)
                if try finished(current) { return current }
            } catch where error.isPassing && failures + 1 < polling.toleratedFailures {
                failures += 1
                lastState = error.message
                if case .rateLimited(let seconds?) = error { wait = .seconds(seconds) }
            }
            let elapsed = Duration.seconds(clock.now().timeIntervalSince(start))
            if elapsed >= timeout {
                throw .deadlineExceeded(subject: subject, seconds: Int(timeout.timeInterval.rounded()), lastState: lastState)
            }
            do { try await clock.sleep(for: min(max(interval(elapsed), wait ?? .zero), timeout - elapsed)) } catch { throw .cancelled }
        }
    }
}

extension APIError {
    /// Failures that may be gone a moment later.
    var isPassing: Bool {
        switch self {
        case .serverUnavailable, .unreachable, .timedOut, .rateLimited: true
        default: false
        }
    }
}
