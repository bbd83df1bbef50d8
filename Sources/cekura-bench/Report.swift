import Foundation

/// Everything one bench run measured, and how it is shown: the text table or `--json`.
struct BenchReport {
    struct Input {
        let bytes: Int
        let scenarios: Int
        let nodes: Int
        /// What the full check took the spec for, and how many diagnostics it found.
        let checkedAs: String
        let diagnostics: Int
    }

    /// One line of the table; `milliseconds` is nil when the measure could not be taken.
    struct Row {
        let name: String
        let milliseconds: Double?
        let note: String
        var peer = false
    }

    /// "full check vs PEER parse+validate": how many times faster the full check is.
    struct Comparison {
        let peer: String
        let speedup: Double?
        var goalMet: Bool? { speedup.map { $0 > 1 } }
        var key: String { "full_check_vs_\(peer)_parse_validate" }
    }

    let input: Input
    let runs: Int
    let parse, foundation, lineIndex, fullCheck: Measurement
    let scripts: ScriptSuite
    let peers: [PeerOutcome]
    let servers: [ServerBenchmark.Outcome]
    let latencies: [(name: String, result: Result<RequestLatency.Figures, ServerSession.Failure>)]
    let checkProcesses: CheckProcesses.Figures

    /// The suite made of scripts, for the tag layer's share of the full check.
    struct ScriptSuite {
        let bytes: Int
        let fullCheck, withoutTagLayer, tagLayer: Measurement
        /// What the tag layer adds to the full check: the full check against
        /// the same check with the tag language left out, each at its
        /// fastest of the interleaved runs (medians swing with the machine's load).
        var share: Double {
            (fullCheck.minimumMilliseconds - withoutTagLayer.minimumMilliseconds) / max(0.001, withoutTagLayer.minimumMilliseconds)
        }
        /// The same from the medians.
        var medianShare: Double { (fullCheck.milliseconds - withoutTagLayer.milliseconds) / max(0.001, withoutTagLayer.milliseconds) }
        /// The same from the least CPU time of a run.
        var cpuShare: Double {
            (fullCheck.minimumCPUMilliseconds - withoutTagLayer.minimumCPUMilliseconds) / max(0.001, withoutTagLayer.minimumCPUMilliseconds)
        }
        /// The older, rougher estimate: the layer run alone (which also builds
        /// the script views the other rules share) against the rest.
        var aloneShare: Double { tagLayer.milliseconds / max(0.001, fullCheck.milliseconds - tagLayer.milliseconds) }
        var goalMet: Bool { share <= 0.30 }
    }

    var megabytes: Double { Double(input.bytes) / 1_000_000 }
    var parseVsFoundation: Double { foundation.milliseconds / parse.milliseconds }
    var parseGoalMet: Bool { parse.milliseconds < 5 * megabytes && parseVsFoundation >= 2 }

    var comparisons: [Comparison] {
        peers.map { Comparison(peer: $0.validator, speedup: $0.timing.map { $0.parseValidateMilliseconds / fullCheck.milliseconds }) }
    }

    var rows: [Row] {
        var rows = [
            Row(name: parse.name, milliseconds: parse.milliseconds, note: "< \(String(format: "%.1f", 5 * megabytes)) ms, >= 2x Foundation"),
            Row(name: foundation.name, milliseconds: foundation.milliseconds, note: "peer"),
            Row(name: lineIndex.name, milliseconds: lineIndex.milliseconds, note: ""),
            Row(name: fullCheck.name, milliseconds: fullCheck.milliseconds, note: "< jsonschema_rs parse+validate"),
            Row(name: scripts.fullCheck.name, milliseconds: scripts.fullCheck.milliseconds,
                note: String(format: "suite of scripts, %d bytes; minimum %.3f ms", scripts.bytes, scripts.fullCheck.minimumMilliseconds)),
            Row(name: scripts.withoutTagLayer.name, milliseconds: scripts.withoutTagLayer.milliseconds,
                note: String(format: "the tag language may add <= 30%% to this; minimum %.3f ms", scripts.withoutTagLayer.minimumMilliseconds)),
            Row(name: scripts.tagLayer.name, milliseconds: scripts.tagLayer.milliseconds, note: "with the script views it builds"),
        ]
        var previousReason: String?
        for peer in peers {
            switch peer {
            case .measured(let timing):
                let verdict = timing.valid ? "valid" : "INVALID, \(timing.errors) errors"
                rows.append(Row(name: "\(timing.validator) validate", milliseconds: timing.validateMilliseconds,
                                note: "\(timing.validator) \(timing.version), \(timing.runs) runs, \(verdict)", peer: true))
                rows.append(Row(name: "\(timing.validator) parse+validate", milliseconds: timing.parseValidateMilliseconds,
                                note: "json.loads + validate", peer: true))
            case .unavailable(let validator, let reason):
                rows.append(Row(name: "\(validator) validate", milliseconds: nil,
                                note: reason == previousReason ? "as above" : reason, peer: true))
                previousReason = reason
                rows.append(Row(name: "\(validator) parse+validate", milliseconds: nil, note: "", peer: true))
            }
        }
        return rows
    }

    // MARK: Text

    func printTable() {
        print("input: generated test-suite spec, \(input.bytes) bytes, \(input.scenarios) scenarios, \(input.nodes) nodes; median of \(runs) runs")
        print("full check: taken as \(input.checkedAs), \(input.diagnostics) diagnostics")
        print("")
        print(line(["measure", "median ms", "MB/s", "goal / note"]))
        var inPeers = false
        for row in rows {
            if row.peer && !inPeers {
                inPeers = true
                print("")
                print(peerHeading)
            }
            let median = row.milliseconds.map { String(format: "%.3f", $0) } ?? "unavailable"
            let throughput = row.milliseconds.map { String(format: "%.0f", megabytes / ($0 / 1000)) } ?? ""
            print(line([row.name, median, throughput, row.note]))
        }
        print("")
        print(String(format: "parse throughput vs Foundation JSONSerialization: %.2fx (goal >= 2x) — %@",
                     parseVsFoundation, parseGoalMet ? "goal met" : "GOAL MISSED"))
        print(String(format: "tag language adds %.0f%% to the full check of the script suite (minimum wall time of %d interleaved runs each; %.0f%% by the least CPU time, %.0f%% by the medians) (goal <= 30%%) — %@; run alone it takes %.0f%% of the rest",
                     scripts.share * 100, scripts.fullCheck.runs, scripts.cpuShare * 100, scripts.medianShare * 100,
                     scripts.goalMet ? "goal met" : "GOAL MISSED", scripts.aloneShare * 100))
        printServers()
        printRequests()
        printCheckProcesses()
        for comparison in comparisons {
            let label = "full check vs \(comparison.peer) parse+validate"
            if let speedup = comparison.speedup {
                print(String(format: "%@: %.2fx faster (goal > 1x) — %@", label, speedup, speedup > 1 ? "goal met" : "GOAL MISSED"))
            } else {
                print("\(label): unavailable (the peer was not measured)")
            }
        }
    }

    private var peerHeading: String {
        let python = peers.compactMap(\.timing).first.map { "Python \($0.python), " } ?? ""
        return "peers (\(python)each timed inside its own process; schema compiled once, same bytes):"
    }

    private func line(_ columns: [String]) -> String {
        zip(columns, [38, 12, 10]).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
            + (columns.count > 3 ? columns[3] : "")
    }

    // MARK: JSON

    func printJSON() throws {
        let results: [[String: Any]] = rows.compactMap { row in
            guard let milliseconds = row.milliseconds else { return nil }
            return ["name": row.name, "median_ms": milliseconds, "mb_per_s": megabytes / (milliseconds / 1000)]
        }
        let peerEntries: [[String: Any]] = peers.map { peer in
            switch peer {
            case .measured(let timing):
                return ["validator": timing.validator, "available": true, "version": timing.version, "python": timing.python,
                        "valid": timing.valid, "errors": timing.errors, "runs": timing.runs,
                        "validate_ms": timing.validateMilliseconds, "parse_validate_ms": timing.parseValidateMilliseconds]
            case .unavailable(let validator, let reason):
                return ["validator": validator, "available": false, "reason": reason]
            }
        }
        var report: [String: Any] = [
            "input": ["bytes": input.bytes, "scenarios": input.scenarios, "nodes": input.nodes,
                      "checked_as": input.checkedAs, "diagnostics": input.diagnostics],
            "runs": runs,
            "results": results,
            "peers": peerEntries,
            "parse_vs_foundation": parseVsFoundation,
        ]
        report["tag_layer_share"] = scripts.share
        report["tag_layer_share_by_medians"] = scripts.medianShare
        report["tag_layer_share_by_cpu_time"] = scripts.cpuShare
        report["tag_layer_alone_share"] = scripts.aloneShare
        var goals: [String: Any] = ["parse_under_5ms_per_mb_and_2x_foundation": parseGoalMet,
                                    "tag_layer_adds_at_most_30_percent": scripts.goalMet]
        for comparison in comparisons {
            report[comparison.key] = comparison.speedup ?? NSNull()
            goals["\(comparison.key)_over_1x"] = comparison.goalMet ?? NSNull()
        }
        report["servers"] = servers.map { outcome -> [String: Any] in
            switch outcome {
            case .measured(let figures):
                return ["name": figures.name, "available": true, "initialize_median_ms": figures.initializeMedian,
                        "edit_to_diagnostics_median_ms": figures.editMedian, "edit_to_diagnostics_p99_ms": figures.editP99,
                        "peak_resident_mb": figures.peakResidentMegabytes ?? NSNull(), "edits": figures.edits,
                        "fixed_wait": figures.fixedWait]
            case .unavailable(let name, let reason):
                return ["name": name, "available": false, "reason": reason]
            }
        }
        report["requests"] = latencies.map { name, result -> [String: Any] in
            switch result {
            case .success(let figures):
                return ["name": name, "available": true, "completion_median_ms": figures.completion.median, "completion_p99_ms": figures.completion.p99,
                        "hover_median_ms": figures.hover.median, "hover_p99_ms": figures.hover.p99, "requests_each": figures.completion.count]
            case .failure(let failure):
                return ["name": name, "available": false, "reason": failure.description]
            }
        }
        func milliseconds(_ result: Result<Double, ServerSession.Failure>) -> Any { (try? result.get()) ?? NSNull() }
        report["check_processes"] = ["files": checkProcesses.files, "cekura_lsp_check_ms": milliseconds(checkProcesses.ours),
                                     "check_jsonschema_ms": milliseconds(checkProcesses.peer)]
        if let ours = requestGoals {
            goals["completion_p99_under_5ms"] = ours.completion
            goals["hover_p99_under_2ms"] = ours.hover
        }
        if let ours = serverGoals {
            goals["initialize_under_20ms"] = ours.initialize
            goals["edit_to_diagnostics_median_under_10ms"] = ours.edit
            goals["memory_under_50mb"] = ours.memory
        }
        report["goals"] = goals
        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    // MARK: Servers

    /// The goals of the server benchmark, for our server when it was measured.
    var serverGoals: (initialize: Bool, edit: Bool, memory: Bool)? {
        guard case .measured(let ours) = servers.first else { return nil }
        return (ours.initializeMedian < 20, ours.editMedian < 10, (ours.peakResidentMegabytes ?? .infinity) < 50)
    }

    private func printServers() {
        print("")
        print("language servers over pipes, as an editor drives them (1 MB suite open; one-character edits, each waited for):")
        print(line(["server", "init ms", "edit ms", "edit p99 ms   peak MB   note"]))
        for outcome in servers {
            switch outcome {
            case .measured(let figures):
                let memory = figures.peakResidentMegabytes.map { String(format: "%.1f", $0) } ?? "?"
                print(line([figures.name, String(format: "%.2f", figures.initializeMedian), String(format: "%.2f", figures.editMedian),
                            String(format: "%-13.2f %-9@ %d edits; %@", figures.editP99, memory, figures.edits, figures.fixedWait)]))
            case .unavailable(let name, let reason):
                print(line([name, "unavailable", "", reason]))
            }
        }
        if let goals = serverGoals {
            print("cekura-lsp goals: initialize < 20 ms — \(goals.initialize ? "met" : "MISSED"); edit to diagnostics median < 10 ms — "
                + "\(goals.edit ? "met" : "MISSED"); memory < 50 MB — \(goals.memory ? "met" : "MISSED")")
        }
        if case .measured(let ours) = servers.first, servers.count > 1, case .measured(let peer) = servers[1] {
            print(String(format: "vs %@: initialize %.1fx faster, edit to diagnostics %.1fx faster (its figure includes its %@), memory %.1fx smaller",
                         peer.name, peer.initializeMedian / ours.initializeMedian, peer.editMedian / ours.editMedian, peer.fixedWait,
                         (peer.peakResidentMegabytes ?? 0) / (ours.peakResidentMegabytes ?? 1)))
        }
    }

    // MARK: Completion and hover

    /// The goals for completion and hover, for our server when it was measured.
    var requestGoals: (completion: Bool, hover: Bool)? {
        guard case .success(let ours)? = latencies.first?.result else { return nil }
        return (ours.completion.p99 < 5, ours.hover.p99 < 2)
    }

    func printRequests() {
        print("")
        print("completion and hover over pipes (1 MB suite open; 20 positions spread over it):")
        print(line(["server", "complete ms", "p99 ms", "hover ms      p99 ms   requests"]))
        for (name, result) in latencies {
            switch result {
            case .success(let figures):
                print(line([name, String(format: "%.2f", figures.completion.median), String(format: "%.2f", figures.completion.p99),
                            String(format: "%-13.2f %-8.2f %d of each", figures.hover.median, figures.hover.p99, figures.completion.count)]))
            case .failure(let failure):
                print(line([name, "unavailable", "", failure.description]))
            }
        }
        if let goals = requestGoals {
            print("cekura-lsp goals: completion p99 < 5 ms — \(goals.completion ? "met" : "MISSED"); hover p99 < 2 ms — \(goals.hover ? "met" : "MISSED")")
        }
    }

    func printCheckProcesses() {
        print("")
        print("check as CI runs it: whole processes over \(checkProcesses.files) suite files (median):")
        for (name, result) in [("cekura-lsp check", checkProcesses.ours), ("check-jsonschema", checkProcesses.peer)] {
            switch result {
            case .success(let milliseconds): print(line([name, String(format: "%.1f ms", milliseconds)]))
            case .failure(let failure): print(line([name, "unavailable", "", failure.description]))
            }
        }
        if case .success(let ours) = checkProcesses.ours, case .success(let peer) = checkProcesses.peer {
            print(String(format: "cekura-lsp check is %.1fx faster than check-jsonschema on the same files", peer / ours))
        }
    }
}
