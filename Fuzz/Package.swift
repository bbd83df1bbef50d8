// swift-tools-version:6.0
import PackageDescription

// One libFuzzer binary over the main package's layers; CEKURA_FUZZ_TARGET
// picks what it fuzzes (Fuzz/run.sh sets it). A package of its own: libFuzzer
// drives it, so it builds only with `-sanitize=fuzzer`, and the server
// target reaches internals through `-enable-testing`. A crash or a violated
// invariant (Sources/Invariants) stops the run and keeps the input.
let package = Package(
    name: "cekura-fuzz",
    dependencies: [.package(name: "cekura-lsp", path: "..")],
    targets: [
        // `main`, handing over to libFuzzer's driver.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "cekura-fuzz",
            dependencies: ["FuzzDriver", .product(name: "Invariants", package: "cekura-lsp"), .product(name: "LanguageServer", package: "cekura-lsp")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
