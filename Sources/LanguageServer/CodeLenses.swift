import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE
import ScenarioModel

/// The API commands where the user sees them: code lenses above the suite's
/// cases and an evaluator, and commands among the code actions at the cursor.
/// Both carry the arguments `[{"uri", "position"}]` that find the target again.
extension LanguageServer {
    func codeLenses(id: RequestID, params: JSONValue) {
        guard let snapshot = openDocument(params, id: id) else { return }
        let encoding = client.positionEncoding, decided = association(for: snapshot)
        respondLater(id, work: {
            let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
            let lenses = ScenarioLenses.lenses(in: document).flatMap { lens in
                let range = snapshot.document.lineIndex.json(lens.range, in: encoding)
                return lens.actions.map { action -> JSONValue in
                    ["range": range, "command": Self.command(action, uri: snapshot.uri, position: range["start"] ?? .null)]
                }
            }
            return .success(.array(lenses))
        }, isStale: { [self] in documents[snapshot.uri]?.version != snapshot.version })
    }

    /// The commands a position offers, as LSP `Command`s.
    static func commands(in snapshot: OpenDocument, at offset: Int, decided: FileKindDecision?, encoding: PositionEncoding) -> [JSONValue] {
        let document = ScenarioDocument(tree: snapshot.document.tree, fileName: snapshot.path, decided: decided)
        guard let target = RunTarget.at(offset, in: document) else { return [] }
        let position = snapshot.document.lineIndex.json(TextRange.empty(at: offset), in: encoding)["start"] ?? .null
        return target.actions.map { command($0, uri: snapshot.uri, position: position) }
    }

    private static func command(_ action: ScenarioAction, uri: String, position: JSONValue) -> JSONValue {
        let (command, title): (ServerCommand, String) = switch action {
        case .runText: (.runText, "Run as text on Cekura")
        case .runSavedText: (.runSavedText, "Run the saved evaluator as text on Cekura")
        case .checkRemote: (.checkRemote, "Check with the Cekura API")
        case .generateInstructions: (.generateInstructions, "Generate instructions with Cekura")
        case .improveInstructions: (.improveInstructions, "Improve instructions with Cekura…")
        }
        return ["title": .string(title), "command": .string(command.rawValue), "arguments": [["uri": .string(uri), "position": position]]]
    }
}
