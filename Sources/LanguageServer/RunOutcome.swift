import CekuraAPI
import Foundation
import JSONSyntax
import ScenarioIDE

/// How a run went, case by case, and the ways the editor shows it: verdicts
/// on the cases' names, a summary message, the command's JSON result and a
/// Markdown report (transcript, scores, errors) kept in the cache directory.
/// Everything here comes from the API's answers, which the client has
/// already cleaned of the key.
struct RunOutcome {
    struct Verdict {
        let scenario: RunSpec.Case
        let runs: [Run]
        var passed: Bool { !runs.isEmpty && runs.allSatisfy { $0.success == true } }
    }

    /// A run with what is known of it: the detail when it could be read.
    struct Run {
        let summary: RunSummary
        let name: String?
        let detail: Result<RunDetail, APIError>?

        /// The result's own verdict first: the pass rule counts from it.
        var success: Bool? { summary.success ?? (try? detail?.get())?.success }
        var status: RunStatus? { (try? detail?.get())?.status ?? summary.status }
    }

    let title: String
    let result: ResultSummary
    let verdicts: [Verdict]
    /// Runs that match no case of the spec (a case renamed on Cekura's side).
    let others: [Run]
    let dashboard: String?

    init(title: String, result: ResultSummary, started: ResultSummary, details: [Int: Result<RunDetail, APIError>],
         cases: [RunSpec.Case], dashboard: String?) {
        self.title = title
        self.result = result
        self.dashboard = dashboard
        let runs = result.runs.map { summary in
            let detail = details[summary.id]
            let name = (try? detail?.get())?.scenarioName ?? summary.scenarioName ?? started.runs.first { $0.id == summary.id }?.scenarioName
            return Run(summary: summary, name: name, detail: detail)
        }
        // A run belongs to the case of its name; a spec of one case owns every run.
        func owner(_ run: Run) -> RunSpec.Case? { cases.count == 1 ? cases[0] : cases.first { $0.name != nil && $0.name == run.name } }
        verdicts = cases.map { scenario in Verdict(scenario: scenario, runs: runs.filter { owner($0) == scenario }) }
        others = runs.filter { owner($0) == nil }
    }

    var allPassed: Bool { result.passed }
    var successfulRuns: Int { result.successfulRuns ?? (verdicts.flatMap(\.runs) + others).filter { $0.success == true }.count }

    /// `passed 1 of 2 runs`.
    var tally: String { "passed \(successfulRuns) of \(result.totalRuns) runs" + (result.status == .completed ? "" : ", \(result.status)") }

    // MARK: In the editor

    func findings(version: Int) -> [RemoteFinding] {
        verdicts.map { verdict in
            RemoteFinding(origin: .run, version: version, scope: verdict.scenario.key, place: .scenario(verdict.scenario),
                          severity: verdict.passed ? .information : .warning, code: "cekura-run", message: message(for: verdict))
        }
    }

    private func message(for verdict: Verdict) -> String {
        let passed = verdict.runs.filter { $0.success == true }.count
        guard !verdict.runs.isEmpty else { return "Cekura text run: result \(result.id) has no run of this case." }
        let head = "Cekura text run: \(verdict.passed ? "passed" : "failed"), \(passed) of \(verdict.runs.count) runs passed (result \(result.id))."
        guard !verdict.passed, let failing = verdict.runs.first(where: { $0.success != true }) else { return head }
        var lines = [head]
        switch failing.detail {
        case .success(let detail)?:
            if let outcome = detail.expectedOutcome {
                let missed = outcome.alignments.filter { $0.aligned == false }.map(\.outcome)
                lines.append("Expected outcome \(outcome.score.map(Self.number) ?? "?")/100"
                    + (missed.isEmpty ? "." : "; not met: " + missed.joined(separator: " ")))
                if !outcome.explanation.isEmpty { lines.append(outcome.explanation.joined(separator: " ")) }
            }
            if let error = detail.errorMessage { lines.append("Error: \(error)") }
        case .failure(let error)?:
            lines.append("The run's details could not be read: \(error.message)")
        case nil:
            break
        }
        return lines.joined(separator: "\n")
    }

    /// The summary message: the tally, the report and the dashboard link.
    func message(report: Result<URL, ReportError>, opened: Bool) -> String {
        var parts = ["Cekura text run of \(title): \(tally)."]
        switch report {
        case .success(let file): parts.append(opened ? "Report opened (\(file.path))." : "Report: \(file.path)")
        case .failure(let error): parts.append(error.message)
        }
        parts.append(dashboard.map { "Dashboard: \($0)" } ?? "Result \(result.id) (set `projectId` for a dashboard link).")
        return parts.joined(separator: " ")
    }

    func json(report: Result<URL, ReportError>) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("summary", .string(tally)), ("resultId", .integer(result.id)), ("status", .string(result.status.rawValue)),
            ("passed", .bool(allPassed)), ("totalRuns", .integer(result.totalRuns)), ("successfulRuns", .integer(successfulRuns)),
        ]
        if let dashboard { members.append(("dashboardUrl", .string(dashboard))) }
        if case .success(let file) = report { members.append(("report", .string(file.absoluteString))) }
        members.append(("cases", .array(verdicts.map { verdict in
            ["name": verdict.scenario.name.map(JSONValue.string) ?? .null, "key": verdict.scenario.key.map(JSONValue.string) ?? .null,
             "passed": .bool(verdict.passed), "runs": .array(verdict.runs.map(Self.json))]
        })))
        return .object(members)
    }

    private static func json(_ run: Run) -> JSONValue {
        let detail = try? run.detail?.get()
        return ["id": .integer(run.summary.id), "status": run.status.map { .string($0.rawValue) } ?? .null,
                "success": run.success.map(JSONValue.bool) ?? .null,
                "expectedOutcomeScore": detail?.expectedOutcome?.score.map(JSONValue.number) ?? .null,
                "error": detail?.errorMessage.map(JSONValue.string) ?? .null]
    }

    // MARK: The report

    struct ReportError: Error {
        let message: String
    }

    /// Writes the report as `result-<id>.md` in `directory`.
    func writeReport(in directory: URL) -> Result<URL, ReportError> {
        let file = directory.appendingPathComponent("result-\(result.id).md")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(markdown.utf8).write(to: file, options: .atomic)
            return .success(file)
        } catch {
            return .failure(ReportError(message: "The report could not be written to \(file.path): \(error.localizedDescription)."))
        }
    }

    var markdown: String {
        var out = ["# Cekura text run of \(title)", ""]
        out.append("Result \(result.id): \(result.status), \(tally)." + (dashboard.map { " [Open in the dashboard](\($0))" } ?? ""))
        for verdict in verdicts {
            for run in verdict.runs { out += section(run, caseName: verdict.scenario.name) }
            if verdict.runs.isEmpty { out += ["", "## \(verdict.scenario.name ?? "A case")", "", "No run of this case in the result."] }
        }
        for run in others { out += section(run, caseName: run.name) }
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ run: Run, caseName: String?) -> [String] {
        let verdict = run.success.map { $0 ? "passed" : "failed" } ?? "not judged"
        var out = ["", "## \(caseName ?? "Run \(run.summary.id)") — run \(run.summary.id): \(verdict)", ""]
        let detail: RunDetail
        switch run.detail {
        case .success(let value)?: detail = value
        case .failure(let error)?: return out + ["The run's details could not be read: \(error.message)"]
        case nil: return out + ["Status: \(run.status?.description ?? "unknown")."]
        }
        out.append("Status: \(detail.status?.description ?? "unknown")" + (detail.duration.map { ", duration \($0)" } ?? "") + ".")
        if let error = detail.errorMessage { out += ["", "**Error:** \(error)"] }
        if let outcome = detail.expectedOutcome {
            out += ["", "### Expected outcome: \(outcome.score.map(Self.number) ?? "?")/100", ""]
            out += outcome.alignments.map { "- \($0.aligned == true ? "met" : $0.aligned == false ? "**not met**" : "?"): \($0.outcome)" }
            if !outcome.explanation.isEmpty { out += [""] + outcome.explanation }
        }
        if !detail.metrics.isEmpty {
            out += ["", "### Metrics", "", "| metric | score | explanation |", "|---|---|---|"]
            out += detail.metrics.map { metric in
                let score = metric.value ?? metric.score.map(Self.number) ?? ""
                return "| \(Self.cell(metric.name)) | \(Self.cell(score)) | \(Self.cell(metric.explanation.joined(separator: " "))) |"
            }
        }
        out += ["", "### Transcript", ""]
        if !detail.turns.isEmpty {
            out += detail.turns.map { turn in "- " + (turn.seconds.map { "[\(Self.clock($0))] " } ?? "") + "**\(turn.role):** \(turn.content)" }
        } else if let transcript = detail.transcript {
            out += transcript.split(separator: "\n", omittingEmptySubsequences: true).map { "- \($0)" }
        } else {
            out.append("No transcript.")
        }
        return out
    }

    /// A score without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Seconds as `MM:SS`.
    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds)
        return String(format: "%02d:%02d", whole / 60, whole % 60)
    }

    /// Text for a Markdown table cell: no pipe or line break may end the cell early.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
