// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first; a target depends only on targets above it in this list
// (see protocol-notes/architecture.md).
let package = Package(
    name: "cekura-lsp",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cekura-lsp", targets: ["cekura-lsp"]),
        .executable(name: "cekura-bench", targets: ["cekura-bench"]),
        // For the fuzz targets in Fuzz/, a package of their own (they build with libFuzzer's main).
        .library(name: "Invariants", targets: ["Invariants"]),
        .library(name: "LanguageServer", targets: ["LanguageServer"]),
    ],
    targets: [
        .target(name: "JSONSyntax"),
        .target(name: "ScenarioModel", dependencies: ["JSONSyntax"]),
        .target(name: "ScenarioCheck", dependencies: ["JSONSyntax", "ScenarioModel"]),
        .target(name: "ScenarioIDE", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioCheck"]),
        .target(name: "CekuraAPI", dependencies: ["JSONSyntax"]),
        .target(name: "LanguageServerProtocol", dependencies: ["JSONSyntax"]),
        .target(name: "LanguageServer", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioCheck", "ScenarioIDE", "CekuraAPI",
                                                       "LanguageServerProtocol"]),
        .executableTarget(name: "cekura-lsp", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioCheck", "LanguageServer"]),
        .executableTarget(
            name: "cekura-bench", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioCheck", "ScenarioFixtures", "LanguageServerProtocol"],
            exclude: ["Peers"]  // the Python schema-validator peer and its schema, run as a child process
        ),
        // Deterministic inputs shared by the benchmarks and the tests; no layer depends on it.
        .target(name: "ScenarioFixtures"),
        // What must hold for any input: checked by the fuzz targets and by the tests on past findings.
        .target(name: "Invariants", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioCheck", "LanguageServerProtocol"]),

        .testTarget(name: "JSONSyntaxTests", dependencies: ["JSONSyntax", "ScenarioFixtures"]),
        .testTarget(name: "ScenarioModelTests", dependencies: ["JSONSyntax", "ScenarioModel"]),
        .testTarget(name: "ScenarioCheckTests", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioCheck", "ScenarioFixtures"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ScenarioIDETests", dependencies: ["JSONSyntax", "ScenarioModel", "ScenarioIDE"]),
        // The stand-in API (Tests/api/standin.py) in a child process, for the client's and the server's tests.
        .target(name: "StandInSupport", dependencies: ["JSONSyntax"], path: "Tests/StandInSupport"),
        .testTarget(name: "CekuraAPITests", dependencies: ["JSONSyntax", "CekuraAPI", "StandInSupport"]),
        .testTarget(name: "LanguageServerProtocolTests", dependencies: ["JSONSyntax", "LanguageServerProtocol"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["JSONSyntax", "CekuraAPI", "LanguageServerProtocol", "LanguageServer",
                                                                 "ScenarioFixtures", "StandInSupport"]),
        .testTarget(name: "InvariantsTests", dependencies: ["Invariants"]),
        .testTarget(name: "CekuraLSPTests", dependencies: ["JSONSyntax", "ScenarioCheck", "LanguageServerProtocol", "cekura-lsp"]),
    ]
)
