import JSONSyntax
import LanguageServerProtocol

/// `initialize`, and the settings the server pulls after `initialized` and on
/// `workspace/didChangeConfiguration`.
extension LanguageServer {
    func initialize(_ params: JSONValue) -> Result<JSONValue, ResponseError> {
        guard lifecycle == .uninitialized else { return .failure(.invalidRequest("`initialize` was already received")) }
        client = ClientCapabilities(params["capabilities"])
        if let options = params["initializationOptions"], !options.isNull {
            for problem in settings.apply(options) { log.log(.warning, problem, toClient: true) }
        }
        if let trace = params["trace"]?.stringValue.flatMap(ServerSettings.TraceLevel.init) { settings.trace = trace }
        log.trace = settings.trace
        resolveAPI()
        lifecycle = .running
        let clientName = [params["clientInfo"]?["name"]?.stringValue, params["clientInfo"]?["version"]?.stringValue]
            .compactMap { $0 }.joined(separator: " ")
        log.log(.info, "initialized for \(clientName.isEmpty ? "an unnamed client" : clientName): positions in "
            + "\(client.positionEncoding.rawValue), diagnostics \(client.pullsDiagnostics ? "pulled" : "pushed"); settings: \(settings.description)")
        return .success([
            "capabilities": ServerCapabilities.json(for: client),
            "serverInfo": ["name": "cekura-lsp", "version": .string(version)],
        ])
    }

    /// Asks for the `cekura` section when the client can answer; otherwise the
    /// settings are what `initializationOptions` and notifications gave.
    func pullSettings() {
        guard client.providesConfiguration else { return }
        request("workspace/configuration", ["items": [["section": "cekura"]]]) { [self] result in
            switch result {
            case .success(let answer):
                // A client with nothing configured answers [null].
                if let section = answer[0], !section.isNull { applySettings(section) }
            case .failure(let error):
                log.log(.warning, "the client did not give its settings: \(error.message)")
            }
        }
    }

    func didChangeConfiguration(_ params: JSONValue) {
        if client.providesConfiguration {
            pullSettings()
        } else if let section = params["settings"], !section.isNull {
            applySettings(section)
        }
    }

    private func applySettings(_ section: JSONValue) {
        var updated = settings
        for problem in updated.apply(section) { log.log(.warning, problem, toClient: true) }
        guard updated != settings else { return }
        settings = updated
        log.trace = settings.trace
        resolveAPI()
        settingsGeneration += 1
        log.log(.info, "settings: \(settings.description)")
        refreshDiagnostics()
    }
}
