/// Runs one command line and returns the exit status.
enum CommandDispatch {
    static func run(_ arguments: [String]) -> ExitStatus {
        let invocation: Invocation
        do throws(UsageError) {
            invocation = try ArgumentParser.parse(arguments)
        } catch {
            StandardStreams.writeError("cekura-lsp: \(error.message)\n\(UsageText.synopsis)")
            return .usageOrIOError
        }
        switch invocation {
        case .check(let options): return CheckCommand.run(options)
        case .format(let options): return FormatCommand.run(options)
        case .help:
            StandardStreams.writeOutput(UsageText.help)
            return .success
        case .version:
            StandardStreams.writeOutput("\(ToolIdentity.name) \(ToolIdentity.version)\n")
            return .success
        case .languageServer: LanguageServerEntry.run()
        }
    }
}
