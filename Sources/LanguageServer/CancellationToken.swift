import Foundation

/// Set by `$/cancelRequest` on the state queue, read by the work it stops on a
/// worker queue: work checks it before it starts and before it answers.
final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    var isCancelled: Bool { lock.withLock { cancelled } }

    func cancel() { lock.withLock { cancelled = true } }
}
