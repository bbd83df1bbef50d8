/// What the tool calls itself in `--version`, usage text and SARIF.
enum ToolIdentity {
    static let name = "cekura-lsp"
    static let version = "0.1.0"
    static let informationURI = "https://docs.cekura.ai"
}
