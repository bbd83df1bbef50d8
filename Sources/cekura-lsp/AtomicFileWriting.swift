import Foundation

/// Replaces a file's contents through a temporary file in the same folder and a
/// rename, so that an interrupted run or a full disk never leaves half a file.
enum AtomicFileWriting {
    /// A symbolic link is followed, so the link survives and its target changes;
    /// the new file keeps the old one's permission bits.
    static func replaceContents(ofFile path: String, with bytes: [UInt8]) throws(FileSystemError) {
        guard let resolved = realpath(path, nil) else { throw FileSystemError(path: path, errorNumber: errno) }
        let target = String(cString: resolved)
        free(resolved)
        var status = stat()
        guard stat(target, &status) == 0 else { throw FileSystemError(path: path, errorNumber: errno) }

        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(folder)/.\(name).cekura-lsp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileSystemError(path: path, errorNumber: errno) }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }

        do throws(FileSystemError) {
            try writeAll(bytes, to: descriptor, path: path)
            guard fchmod(descriptor, status.st_mode & 0o7777) == 0, fsync(descriptor) == 0 else {
                throw FileSystemError(path: path, errorNumber: errno)
            }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, target) == 0 else {
            let failure = FileSystemError(path: path, errorNumber: errno)
            unlink(temporaryPath)
            throw failure
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileSystemError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count >= 0 {
                written += count
            } else if errno != EINTR {
                throw FileSystemError(path: path, errorNumber: errno)
            }
        }
    }
}
