import Foundation

/// All output goes through these two functions, unbuffered, so that what is
/// written to standard output and standard error keeps its order in a terminal.
enum StandardStreams {
    static func writeOutput(_ text: String) {
        write(text, to: FileHandle.standardOutput)
    }

    static func writeError(_ text: String) {
        write(text, to: FileHandle.standardError)
    }

    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    private static func write(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        // A closed pipe is the reader's choice; there is nobody left to tell.
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
