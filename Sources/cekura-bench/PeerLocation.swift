import Foundation

/// Where the bench finds its Python peers: the package it was built from (found
/// from this source file's path), the peer script beside the bench's sources,
/// the published schema in protocol-notes/, and the Python interpreter to run them with.
enum PeerLocation {
    /// `Sources/cekura-bench`, the folder of this file when the bench was built.
    static let benchSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = benchSources.deletingLastPathComponent().deletingLastPathComponent()

    static let script = benchSources.appendingPathComponent("Peers/schema_peer.py")

    /// Cekura's published test-suite schema (`https://docs.cekura.ai/schemas/test-suite/v1.json`),
    /// kept once in the repository for the bench peers and the differential test.
    static let schema = packageRoot.appendingPathComponent("protocol-notes/schemas/test-suite-v1.schema.json")

    static let setupHint = "run `bash .ci/setup-bench-peers`, or set CEKURA_BENCH_PYTHON to a Python with jsonschema-rs and jsonschema"

    /// `CEKURA_BENCH_PYTHON` when set, else the venv that `.ci/setup-bench-peers` makes.
    static func python(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, origin: String) {
        if let path = environment["CEKURA_BENCH_PYTHON"], !path.isEmpty {
            return (path, "CEKURA_BENCH_PYTHON")
        }
        return (packageRoot.appendingPathComponent(".venv-bench/bin/python").path, "the default venv")
    }
}
