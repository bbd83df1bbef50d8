import Foundation

/// One document to process.
enum InputSource: Equatable, Sendable {
    case standardInput
    /// `isExplicit` is true for a file named on the command line, false for one
    /// found by walking a folder; only explicit files are reported when they are
    /// not Cekura files, and formatted whatever their kind.
    case file(path: String, isExplicit: Bool)
}

/// Turns command-line paths into the documents to process, walking folders.
enum InputExpansion {
    struct Result: Sendable {
        var sources: [InputSource] = []
        var errors: [FileSystemError] = []

        /// Writes each path that could not be read to standard error; the status
        /// a command starts from is I/O error if there was one.
        func reportErrors() -> ExitStatus {
            for error in errors { StandardStreams.writeError(error.message + "\n") }
            return errors.isEmpty ? .success : .usageOrIOError
        }
    }

    /// Build output, dependencies and version control hold JSON that is not the
    /// user's to check (SwiftPM's scratch folders are `.build` and `.build-NAME`).
    static func isSkippedFolder(_ name: String) -> Bool {
        name == ".git" || name == ".build" || name.hasPrefix(".build-") || name == "node_modules"
    }

    /// Paths keep their command-line order; a folder's `*.json` files follow in
    /// depth-first order, each folder's entries sorted by name, so output is stable.
    /// Symbolic links to files are followed; links to folders are not, which keeps
    /// the walk free of cycles. A path met twice is processed once.
    static func expand(_ paths: [String]) -> Result {
        var expansion = Expansion()
        for path in paths {
            if path == "-" {
                expansion.add(.standardInput, key: path)
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                expansion.result.errors.append(FileSystemError(path: path, errorNumber: errno))
                continue
            }
            if isDirectory(status) {
                expansion.walk(folder: path)
            } else {
                expansion.add(.file(path: path, isExplicit: true), key: path)
            }
        }
        return expansion.result
    }

    private struct Expansion {
        var result = Result()
        /// Where each path already stands in `result.sources`.
        var positions: [String: Int] = [:]

        /// A path met again keeps its first place; naming it explicitly still
        /// counts, so `format dir dir/x.json` formats `x.json` whatever its kind.
        mutating func add(_ source: InputSource, key: String) {
            guard let position = positions[key] else {
                positions[key] = result.sources.count
                result.sources.append(source)
                return
            }
            if case .file(let path, isExplicit: true) = source {
                result.sources[position] = .file(path: path, isExplicit: true)
            }
        }

        mutating func walk(folder: String) {
            let names: [String]
            do throws(FileSystemError) {
                names = try entries(of: folder)
            } catch {
                result.errors.append(error)
                return
            }
            for name in names {
                let path = joined(folder, name)
                var status = stat()
                guard lstat(path, &status) == 0 else {
                    result.errors.append(FileSystemError(path: path, errorNumber: errno))
                    continue
                }
                if isDirectory(status) {
                    if !isSkippedFolder(name) { walk(folder: path) }
                } else if name.hasSuffix(".json") && (isRegularFile(status) || isLinkToRegularFile(path, status)) {
                    add(.file(path: path, isExplicit: false), key: path)
                }
            }
        }
    }

    private static func entries(of folder: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(folder) else { throw FileSystemError(path: folder, errorNumber: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `dir/` and `dir` give the same children, and `.` gives bare names, as the
    /// user would write them.
    private static func joined(_ folder: String, _ name: String) -> String {
        if folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func isDirectory(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }
    private static func isRegularFile(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFREG }

    private static func isLinkToRegularFile(_ path: String, _ linkStatus: stat) -> Bool {
        guard linkStatus.st_mode & S_IFMT == S_IFLNK else { return false }
        var target = stat()
        return stat(path, &target) == 0 && isRegularFile(target)
    }
}
