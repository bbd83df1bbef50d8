import Foundation

/// The report in one table: each measure with the goal the issues set for it
/// and the peer measured in the same run, as a ratio. The text table and the
/// `--json` summary are both made from these rows.
struct GoalRow {
    enum Unit: String {
        case milliseconds = "ms", percent = "%", megabytes = "MB"
    }

    /// A stable name for machines (`--json`).
    let key: String
    let measure: String
    let unit: Unit
    /// Our figure; nil when it could not be measured.
    let ours: Double?
    let goal: String
    /// Whether our figure meets the goal; nil when either is missing.
    let met: Bool?
    let peer: String?
    let peerValue: Double?

    /// How many times better ours is: the peer's figure over ours (every
    /// figure here is better when lower).
    var ratio: Double? {
        guard let ours, let peerValue, ours > 0 else { return nil }
        return peerValue / ours
    }

    var verdict: String {
        switch met {
        case true?: "met"
        case false?: "MISSED"
        case nil: ours == nil ? "unmeasured" : "—"
        }
    }
}

extension BenchReport {
    var goalRows: [GoalRow] {
        let ours = servers.first?.figures
        let peerServer = servers.dropFirst().first?.figures
        let ourRequests = try? latencies.first?.result.get()
        let peerRequests = try? latencies.dropFirst().first?.result.get()
        let rustPeer = peers.first { $0.validator == "jsonschema_rs" }?.timing
        let pythonPeer = peers.first { $0.validator == "jsonschema" }?.timing
        let megabytesText = String(format: "%.1f", megabytes)
        let ourCheck = try? checkProcesses.ours.get()
        let peerCheck = try? checkProcesses.peer.get()
        let serverPeer = peerServer.map { "\($0.name) (\($0.fixedWait))" }
        return [
            GoalRow(key: "parse", measure: "parse \(megabytesText) MB", unit: .milliseconds, ours: parse.milliseconds,
                    goal: String(format: "< %.1f ms, >= 2x peer", 5 * megabytes), met: parseGoalMet,
                    peer: "Foundation JSONSerialization", peerValue: foundation.milliseconds),
            GoalRow(key: "full_check_vs_jsonschema_rs", measure: "full check \(megabytesText) MB", unit: .milliseconds,
                    ours: fullCheck.milliseconds, goal: "faster than peer",
                    met: rustPeer.map { fullCheck.milliseconds < $0.parseValidateMilliseconds },
                    peer: "jsonschema_rs parse+validate", peerValue: rustPeer?.parseValidateMilliseconds),
            GoalRow(key: "full_check_vs_jsonschema", measure: "full check \(megabytesText) MB", unit: .milliseconds,
                    ours: fullCheck.milliseconds, goal: "faster than peer",
                    met: pythonPeer.map { fullCheck.milliseconds < $0.parseValidateMilliseconds },
                    peer: "jsonschema parse+validate", peerValue: pythonPeer?.parseValidateMilliseconds),
            // No peer checks the tag language: a JSON Schema sees each action as a bare string.
            GoalRow(key: "tag_layer_share", measure: "tag layer, share of full check", unit: .percent, ours: scripts.share * 100,
                    goal: "<= 30%", met: scripts.goalMet, peer: nil, peerValue: nil),
            GoalRow(key: "initialize", measure: "LSP initialize (spawn to answer)", unit: .milliseconds, ours: ours?.initializeMedian,
                    goal: "< 20 ms", met: ours.map { $0.initializeMedian < 20 }, peer: peerServer?.name,
                    peerValue: peerServer?.initializeMedian),
            GoalRow(key: "edit_to_diagnostics_median", measure: "edit to diagnostics, median", unit: .milliseconds,
                    ours: ours?.editMedian, goal: "< 10 ms", met: ours.map { $0.editMedian < 10 }, peer: serverPeer,
                    peerValue: peerServer?.editMedian),
            GoalRow(key: "edit_to_diagnostics_p99", measure: "edit to diagnostics, p99", unit: .milliseconds, ours: ours?.editP99,
                    goal: "", met: nil, peer: serverPeer, peerValue: peerServer?.editP99),
            GoalRow(key: "completion_p99", measure: "completion, p99", unit: .milliseconds, ours: ourRequests?.completion.p99,
                    goal: "< 5 ms", met: ourRequests.map { $0.completion.p99 < 5 }, peer: peerRequests?.name,
                    peerValue: peerRequests?.completion.p99),
            GoalRow(key: "hover_p99", measure: "hover, p99", unit: .milliseconds, ours: ourRequests?.hover.p99,
                    goal: "< 2 ms", met: ourRequests.map { $0.hover.p99 < 2 }, peer: peerRequests?.name,
                    peerValue: peerRequests?.hover.p99),
            GoalRow(key: "memory", measure: "peak memory, 1 MB suite open", unit: .megabytes, ours: ours?.peakResidentMegabytes,
                    goal: "< 50 MB", met: ours?.peakResidentMegabytes.map { $0 < 50 }, peer: peerServer?.name,
                    peerValue: peerServer?.peakResidentMegabytes),
            GoalRow(key: "check_processes", measure: "check \(checkProcesses.files) files, whole process", unit: .milliseconds,
                    ours: ourCheck, goal: "faster than peer", met: ourCheck.flatMap { ours in peerCheck.map { ours < $0 } },
                    peer: "check-jsonschema", peerValue: peerCheck),
        ]
    }

    func printGoalTable() {
        print("")
        print("summary: every goal, and the peer measured in this run (ratio: how many times better cekura-lsp is)")
        let widths = [34, 11, 22, 10, 42, 12]
        func line(_ columns: [String]) -> String {
            zip(columns, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
                + (columns.count > widths.count ? columns[widths.count] : "")
        }
        print(line(["measure", "cekura-lsp", "goal", "verdict", "peer", "peer figure", "ratio"]))
        for row in goalRows {
            print(line([row.measure, figure(row.ours, row.unit), row.goal, row.verdict, row.peer ?? "(no peer)",
                        row.peer == nil ? "" : figure(row.peerValue, row.unit),
                        row.ratio.map { String(format: "%.1fx", $0) } ?? ""]))
        }
    }

    var goalSummaryJSON: [[String: Any]] {
        goalRows.map { row in
            ["key": row.key, "measure": row.measure, "unit": row.unit.rawValue, "ours": row.ours ?? NSNull(), "goal": row.goal,
             "goal_met": row.met ?? NSNull(), "peer": row.peer ?? NSNull(), "peer_value": row.peerValue ?? NSNull(),
             "ratio": row.ratio ?? NSNull()]
        }
    }

    private func figure(_ value: Double?, _ unit: GoalRow.Unit) -> String {
        guard let value else { return "unavailable" }
        return unit == .percent ? String(format: "%.0f%%", value) : String(format: "%.2f %@", value, unit.rawValue)
    }
}

extension ServerBenchmark.Outcome {
    var figures: ServerBenchmark.Figures? {
        if case .measured(let figures) = self { figures } else { nil }
    }
}
