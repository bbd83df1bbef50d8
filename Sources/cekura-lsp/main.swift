import JSONSyntax
import Foundation
let data = FileManager.default.contents(atPath: CommandLine.arguments[1])!
let tree = SyntaxTree.parse(Array(data))
func dump(_ n: SyntaxNode, _ indent: String) {
    print(indent + "\(n.kind) \(n.range) \(n.kind == .string || n.kind == .number || n.kind == .error ? n.text : "")")
    for c in n.children { dump(c, indent + "  ") }
}
dump(tree.document, "")
for d in tree.diagnostics { print(d.code, d.range, d.message, d.fixes.map { $0.edits }) }
