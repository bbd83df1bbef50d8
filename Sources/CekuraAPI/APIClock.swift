import Foundation

/// The time the client reads and the waits it makes (back-offs, polling), so
/// tests can run an hour of polling in a moment and see every wait asked for.
public protocol APIClock: Sendable {
    func now() -> Date
    /// Throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

public struct SystemClock: APIClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

extension Duration {
    /// The duration in seconds, fractions kept, for Foundation's `TimeInterval`.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
