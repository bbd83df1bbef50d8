import JSONSyntax
import ScenarioModel

/// `cekura-lsp format`: rewrites files in `JSONFormatter`'s layout, or with
/// `--check` lists those that would change. Standard input goes to standard output.
enum FormatCommand {
    /// What formatting one document comes to.
    enum Outcome: Equatable {
        case unchanged
        case changed([UInt8])
        /// The formatter refuses documents with syntax errors rather than guess.
        case syntaxErrors(count: Int)
    }

    static func outcome(of tree: SyntaxTree) -> Outcome {
        guard let formatted = JSONFormatter.format(tree) else {
            return .syntaxErrors(count: tree.diagnostics.count { $0.severity == .error })
        }
        let bytes = Array(formatted.utf8)
        return bytes == tree.bytes ? .unchanged : .changed(bytes)
    }

    static func notFormattedMessage(path: String, errorCount: Int) -> String {
        "\(path): not formatted: \(errorCount) syntax \(errorCount == 1 ? "error" : "errors") (run cekura-lsp check \(path))"
    }

    static func run(_ options: FormatOptions) -> ExitStatus {
        let inputs = InputExpansion.expand(options.paths)
        var status = inputs.reportErrors()
        for source in inputs.sources {
            do throws(FileSystemError) {
                status = max(status, try format(source, checkOnly: options.checkOnly))
            } catch {
                StandardStreams.writeError(error.message + "\n")
                status = .usageOrIOError
            }
        }
        return status
    }

    private static func format(_ source: InputSource, checkOnly: Bool) throws(FileSystemError) -> ExitStatus {
        let path: String
        let tree: SyntaxTree
        switch source {
        case .standardInput:
            path = FileReading.standardInputPath
            tree = SyntaxTree.parse(try FileReading.standardInput())
        case .file(let filePath, let isExplicit):
            path = filePath
            tree = SyntaxTree.parse(try FileReading.contents(ofFile: filePath))
            // In a folder, only Cekura files are ours to rewrite.
            if !isExplicit && FileKind.detect(tree, fileName: filePath).kind == .unknown { return .success }
        }

        switch outcome(of: tree) {
        case .syntaxErrors(let count):
            StandardStreams.writeError(notFormattedMessage(path: path, errorCount: count) + "\n")
            return .failure
        case .unchanged:
            if source == .standardInput && !checkOnly { StandardStreams.writeOutput(String(decoding: tree.bytes, as: UTF8.self)) }
            return .success
        case .changed(let formatted):
            if checkOnly {
                StandardStreams.writeOutput(path + "\n")
                return .failure
            }
            if source == .standardInput {
                StandardStreams.writeOutput(String(decoding: formatted, as: UTF8.self))
            } else {
                try AtomicFileWriting.replaceContents(ofFile: path, with: formatted)
                StandardStreams.writeOutput("formatted \(path)\n")
            }
            return .success
        }
    }
}
