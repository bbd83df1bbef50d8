import Foundation
import JSONSyntax
import ScenarioFixtures
import ScenarioCheck

// cekura-bench: speed of the layers on a generated 1 MB test-suite spec, each
// next to a peer measured in the same run. Run it as a release build:
//   swift run -c release cekura-bench [--runs N] [--json]

struct Options {
    var runs = 200
    var json = false

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--runs":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { usage() }
                runs = value
            case "--json": json = true
            default: usage()
            }
        }
    }

    private func usage() -> Never {
        FileHandle.standardError.write(Data("usage: cekura-bench [--runs N] [--json]\n".utf8))
        exit(2)
    }
}

let options = Options(CommandLine.arguments)
#if DEBUG
FileHandle.standardError.write(Data("cekura-bench: this is a debug build; measure with `swift run -c release cekura-bench`\n".utf8))
#endif

var generator = SuiteGenerator()
let spec = Array(generator.suite().utf8)
let specData = Data(spec)
let sanity = SyntaxTree.parse(spec)
precondition(!sanity.hasErrors, "the generated spec must be valid JSON: \(sanity.diagnostics.prefix(3))")
precondition((try? JSONSerialization.jsonObject(with: specData)) != nil, "Foundation must accept the generated spec")

let parse = Measurement.measure("parse (JSONSyntax, lossless)", runs: options.runs) { blackHole(SyntaxTree.parse(spec)) }
let foundation = Measurement.measure("JSONSerialization.jsonObject", runs: options.runs) {
    blackHole(try? JSONSerialization.jsonObject(with: specData))
}
let lineIndex = Measurement.measure("line index", runs: options.runs) { blackHole(LineIndex(spec)) }
let check = Measurement.measure("check (parse + kind + diagnostics)", runs: options.runs) {
    blackHole(FileCheck.run(SyntaxTree.parse(spec), fileName: "cekura.tests.json"))
}

let megabytes = Double(spec.count) / 1_000_000
let ratio = foundation.milliseconds / parse.milliseconds
let parseGoalMet = parse.milliseconds < 5 * megabytes && ratio >= 2

if options.json {
    let report: [String: Any] = [
        "input": ["bytes": spec.count, "scenarios": 200, "nodes": sanity.nodeCount],
        "runs": options.runs,
        "results": [parse, foundation, lineIndex, check].map {
            ["name": $0.name, "median_ms": $0.milliseconds, "mb_per_s": megabytes / ($0.milliseconds / 1000)]
        },
        "parse_vs_foundation": ratio,
        "goals": ["parse_under_5ms_per_mb_and_2x_foundation": parseGoalMet],
    ]
    let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} else {
    print("input: generated test-suite spec, \(spec.count) bytes, 200 scenarios, \(sanity.nodeCount) nodes; median of \(options.runs) runs")
    print("")
    func row(_ columns: [String]) -> String {
        zip(columns, [38, 12, 10]).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
            + (columns.count > 3 ? columns[3] : "")
    }
    print(row(["measure", "median ms", "MB/s", "goal"]))
    for (measurement, goal) in [(parse, "< \(String(format: "%.1f", 5 * megabytes)) ms, >= 2x Foundation"),
                                (foundation, "peer"), (lineIndex, ""), (check, "")] {
        print(row([measurement.name, String(format: "%.3f", measurement.milliseconds),
                   String(format: "%.0f", megabytes / (measurement.milliseconds / 1000)), goal]))
    }
    print("")
    print(String(format: "parse throughput vs Foundation JSONSerialization: %.2fx (goal >= 2x) — %@",
                 ratio, parseGoalMet ? "goal met" : "GOAL MISSED"))
}
