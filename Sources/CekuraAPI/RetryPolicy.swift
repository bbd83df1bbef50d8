import Foundation

/// How long one request may take and how the client tries again.
///
/// What is retried (see protocol-notes/cekura-api.md):
/// - 429 on any request, waiting `Retry-After` (seconds or an HTTP date) when
///   it is at most `longestRetryAfter`; a longer wait is not sat out but
///   reported, so the user can decide;
/// - 5xx (`Retry-After` honoured on 503), timeouts and connections that broke
///   mid-answer, with exponential back-off, only for idempotent requests;
/// - connections that never opened, on any request: nothing reached the server.
/// Other 4xx are final.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included.
    public var attempts: Int
    public var firstBackoff: Duration
    public var longestBackoff: Duration
    public var longestRetryAfter: Duration
    public var requestTimeout: Duration

    public init(attempts: Int = 3, firstBackoff: Duration = .milliseconds(500), longestBackoff: Duration = .seconds(8),
                longestRetryAfter: Duration = .seconds(60), requestTimeout: Duration = .seconds(30)) {
        self.attempts = attempts
        self.firstBackoff = firstBackoff
        self.longestBackoff = longestBackoff
        self.longestRetryAfter = longestRetryAfter
        self.requestTimeout = requestTimeout
    }

    /// The wait before try `attempt + 1`: doubling from `firstBackoff` up to
    /// `longestBackoff`, then a random half of it taken off, so clients that
    /// failed together do not come back together.
    func backoff(after attempt: Int) -> Duration {
        let doubled = firstBackoff * (1 << min(attempt - 1, 20))
        let capped = min(doubled, longestBackoff)
        return capped * Double.random(in: 0.5...1.0)
    }

    /// `Retry-After` as a wait from `now`: whole seconds, or an HTTP date.
    static func retryAfter(_ header: String?, now: Date) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return .seconds(max(0, seconds)) }
        // A formatter per call: only a 429 or 503 gets here.
        let httpDate = DateFormatter()
        httpDate.locale = Locale(identifier: "en_US_POSIX")
        httpDate.timeZone = TimeZone(identifier: "GMT")
        httpDate.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = httpDate.date(from: text) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now).rounded(.up)))
    }
}
