import Foundation

/// Where the bench finds its Python peers: the package it was built from (found
/// from this source file's path), the peer script and schema beside the bench's
/// sources, and the Python interpreter to run them with.
enum PeerLocation {
    /// `Sources/cekura-bench`, the folder of this file when the bench was built.
    static let benchSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = benchSources.deletingLastPathComponent().deletingLastPathComponent()

    static let script = benchSources.appendingPathComponent("Peers/schema_peer.py")

    /// A copy of the test-suite schema Cekura publishes at
    /// https://docs.cekura.ai/schemas/test-suite/v1.json (its `$id`), taken verbatim
    /// from the project's reference copy (shared/reference/schemas/test-suite-v1.schema.json).
    /// It lives in the repository so the bench works in any clone; refresh it from
    /// the reference copy when Cekura publishes a new version.
    static let schema = benchSources.appendingPathComponent("Peers/test-suite-v1.schema.json")

    static let setupHint = "run `bash .ci/setup-bench-peers`, or set CEKURA_BENCH_PYTHON to a Python with jsonschema-rs and jsonschema"

    /// `CEKURA_BENCH_PYTHON` when set, else the venv that `.ci/setup-bench-peers` makes.
    static func python(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, origin: String) {
        if let path = environment["CEKURA_BENCH_PYTHON"], !path.isEmpty {
            return (path, "CEKURA_BENCH_PYTHON")
        }
        return (packageRoot.appendingPathComponent(".venv-bench/bin/python").path, "the default venv")
    }
}
