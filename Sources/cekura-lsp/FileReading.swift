import Foundation

/// Reads whole files with POSIX calls, so that a failure carries the system's
/// own reason (`Permission denied`, `Is a directory`) rather than Foundation's.
enum FileReading {
    static let standardInputPath = "<stdin>"

    static func contents(ofFile path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(path: path, errorNumber: errno) }
        defer { close(descriptor) }
        return try readAll(from: descriptor, path: path)
    }

    static func standardInput() throws(FileSystemError) -> [UInt8] {
        try readAll(from: STDIN_FILENO, path: standardInputPath)
    }

    private static func readAll(from descriptor: Int32, path: String) throws(FileSystemError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw FileSystemError(path: path, errorNumber: errno)
            }
        }
    }
}
