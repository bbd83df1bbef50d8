/// The language server's entry point, run with no arguments or `--stdio`.
/// This build has no server yet: it says so rather than sitting silent on
/// standard input, which would leave an editor waiting.
enum LanguageServerEntry {
    static func run() -> ExitStatus {
        StandardStreams.writeError("cekura-lsp: the language server is not available in this build yet; "
            + "use 'cekura-lsp check' or 'cekura-lsp format' (see cekura-lsp --help)\n")
        return .usageOrIOError
    }
}
