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
        print(String(format: "tag language adds %.0f%% to the full check of the script suite (minimum wall time of %d interleaved runs each; %.0f%% by the least CPU time, %.0f%% by the medians); run alone it takes %.0f%% of the rest",
                     scripts.share * 100, scripts.fullCheck.runs, scripts.cpuShare * 100, scripts.medianShare * 100,
                     scripts.aloneShare * 100))
        printServers()
        printRequests()
        printCheckProcesses()
        printGoalTable()
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
        // Each goal met or not, by the summary row's key; the summary itself with figures and ratios.
        report["goals"] = Dictionary(uniqueKeysWithValues: goalRows.compactMap { row in row.met.map { (row.key, $0) } })
        report["summary"] = goalSummaryJSON
        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    // MARK: Servers

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
    }

    // MARK: Completion and hover

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
    }
}
