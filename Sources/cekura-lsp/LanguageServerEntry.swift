import LanguageServer

/// The language server's entry point, run with no arguments or `--stdio`.
enum LanguageServerEntry {
    static func run() -> Never {
        StandardIO.serve(version: ToolIdentity.version)
    }
}
