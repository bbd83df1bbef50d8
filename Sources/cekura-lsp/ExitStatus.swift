/// The process's exit status. When several things go wrong the most serious
/// wins, so combining statuses is `max`.
enum ExitStatus: Int32, Comparable, Sendable {
    case success = 0
    /// Error diagnostics, files that need formatting, or files that cannot be formatted.
    case failure = 1
    /// Bad arguments, or a file or folder that could not be read or written.
    case usageOrIOError = 2

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
