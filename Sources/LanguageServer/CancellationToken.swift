import Foundation

/// Set by `$/cancelRequest` on the state queue, read by the work it stops on a
/// worker queue: work checks it before it starts and before it answers. Work
/// that runs as a Swift task (the API commands) is cancelled through
/// `whenCancelled`.
final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var handlers: [@Sendable () -> Void] = []

    var isCancelled: Bool { lock.withLock { cancelled } }

    func cancel() {
        let pending = lock.withLock { () -> [@Sendable () -> Void] in
            guard !cancelled else { return [] }
            cancelled = true
            defer { handlers = [] }
            return handlers
        }
        for handler in pending { handler() }
    }

    /// Runs `handler` once the token is cancelled: at once if it already is.
    func whenCancelled(_ handler: @escaping @Sendable () -> Void) {
        let now = lock.withLock { () -> Bool in
            if cancelled { return true }
            handlers.append(handler)
            return false
        }
        if now { handler() }
    }
}
