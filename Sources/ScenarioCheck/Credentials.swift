import JSONSyntax

/// Where a file holds what looks like a secret. Rules use the names to refuse
/// credentials in spec files; reports use the ranges to never print a value,
/// even when quoting the line a diagnostic is on.
public enum Credentials {
    static func looksLikeCredentialName(_ name: String) -> Bool {
        let lowered = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        return ["api_key", "apikey", "x_cekura_api_key", "token", "access_token", "secret", "password", "authorization"]
            .contains(lowered) || lowered.hasSuffix("_token") || lowered.hasSuffix("_secret") || lowered.hasSuffix("_api_key")
    }

    /// The values of every member whose name looks like a credential: the
    /// content of a string (its quotes stay), or the whole of any other value.
    public static func valueRanges(in tree: SyntaxTree) -> [TextRange] {
        var ranges: [TextRange] = []
        func visit(_ node: SyntaxNode) {
            for child in node.children {
                if child.kind == .member, looksLikeCredentialName(child.keyName), let value = child.value {
                    ranges.append(value.kind == .string ? value.contentRange : value.range)
                } else {
                    visit(child)
                }
            }
        }
        visit(tree.document)
        return ranges
    }
}
