import Foundation

/// A file or folder that could not be read or written, with the system's reason,
/// reported like other Unix tools do: `cekura-lsp: PATH: No such file or directory`.
struct FileSystemError: Error, Equatable, Sendable {
    var path: String
    var reason: String

    init(path: String, errorNumber: Int32) {
        self.path = path
        reason = String(cString: strerror(errorNumber))
    }

    var message: String { "cekura-lsp: \(path): \(reason)" }
}
