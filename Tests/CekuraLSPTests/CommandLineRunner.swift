import Foundation

/// What one run of the built `cekura-lsp` binary did.
struct CommandLineRun {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

struct BinaryNotFound: Error, CustomStringConvertible {
    var path: String
    var description: String { "no executable cekura-lsp at \(path); build the package first" }
}

/// Runs the `cekura-lsp` that `swift test` built next to the test bundle.
enum CommandLineRunner {
    static var executablePath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("cekura-lsp").path
    }

    /// Output goes to files rather than pipes, so a large output cannot stall
    /// the child while the test waits for it to exit.
    static func run(_ arguments: [String], standardInput: String? = nil,
                    in directory: TemporaryDirectory) throws -> CommandLineRun {
        let executable = executablePath
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw BinaryNotFound(path: executable) }
        let captures = try TemporaryDirectory()
        let outputPath = try captures.write("stdout", "")
        let errorPath = try captures.write("stderr", "")
        let inputPath = try captures.write("stdin", standardInput ?? "")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        process.waitUntilExit()
        return CommandLineRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: try captures.read("stdout"), as: UTF8.self),
            standardError: String(decoding: try captures.read("stderr"), as: UTF8.self))
    }
}
