import CekuraAPI
import JSONSyntax
import LanguageServerProtocol
import ScenarioIDE

/// `cekura.checkRemote`: a dry run of the target's spec (free, runs nothing).
/// A valid spec gives its plan as a message and a hint on each case; an
/// invalid one gives each problem as an error where its path points.
extension CommandRun {
    func checkRemote() async -> Result<JSONValue, ResponseError> {
        await withPrepared(progress: { "Cekura: checking \($0.title)" }, check)
    }

    private func check(_ target: RunTarget, _ spec: RunSpec, _ agentID: Int) async -> Result<JSONValue, ResponseError> {
        report("dry run")
        let plan: SpecPlan
        do throws(APIError) {
            plan = try await api.planSpec(SpecRun(spec: spec.spec, agentID: agentID, channel: argument["channel"]?.stringValue))
        } catch .validation(let failure) {
            await record(problems: failure, of: spec)
            let count = failure.problems.count
            show(2, "The Cekura API refuses \(target.title): \(count) problem\(count == 1 ? "" : "s"), shown in the file.")
            return .success(["summary": .string("\(count) problem\(count == 1 ? "" : "s")"), "valid": false,
                             "problems": .array(failure.problems.map(problemJSON(spec)))])
        } catch {
            return await failure(error)
        }
        if let snapshot = place?.snapshot {
            await replaceFindings(.check, of: spec, with: zip(spec.cases, plan.scenarios).map { scenario, planned in
                RemoteFinding(origin: .check, version: snapshot.version, scope: scenario.key, place: .scenario(scenario),
                              severity: .hint, code: "cekura-plan", message: "Cekura plans " + Self.describe(planned))
            })
        }
        let summary = Self.summary(of: plan)
        let leftOut = spec.leftOut.isEmpty ? "" : " Not sent (a spec has no place for them): " + spec.leftOut.joined(separator: ", ") + "."
        show(3, "The Cekura API accepts \(target.title): \(summary).\(leftOut)")
        return .success(["summary": .string(summary), "valid": true, "plan": Self.json(plan), "leftOut": .array(spec.leftOut.map(JSONValue.string))])
    }

    /// A problem with its path in the sent spec and its range in the document.
    private func problemJSON(_ spec: RunSpec) -> (APIValidationFailure.Problem) -> JSONValue {
        { [place, client] problem in
            var members: [(key: String, value: JSONValue)] = [("path", .string(problem.path.apiString)), ("message", .string(problem.message))]
            if let snapshot = place?.snapshot, let range = spec.documentPath(of: problem.path).range(in: snapshot.document.tree) {
                members.append(("range", snapshot.document.lineIndex.json(range, in: client.positionEncoding)))
            }
            return .object(members)
        }
    }

    /// `2 cases, 3 runs, estimated cost 1.05, project 742`.
    static func summary(of plan: SpecPlan) -> String {
        var parts: [String] = []
        if let count = plan.scenarioCount ?? (plan.scenarios.isEmpty ? nil : plan.scenarios.count) { parts.append("\(count) case\(count == 1 ? "" : "s")") }
        if let runs = plan.totalRuns { parts.append("\(runs) run\(runs == 1 ? "" : "s")") }
        if let cost = plan.estimatedCost { parts.append("estimated cost \(RunOutcome.number(cost))") }
        if let project = plan.projectID { parts.append("project \(project)") }
        return parts.isEmpty ? "the plan has no details" : parts.joined(separator: ", ")
    }

    /// What a case resolved to: `2 runs (instruction); personality: existing 3 “Normal Male”; test profile: inline`.
    static func describe(_ planned: SpecPlan.Scenario) -> String {
        var parts = ["\(planned.frequency.map { "\($0) run\($0 == 1 ? "" : "s")" } ?? "runs")" + (planned.type.map { " (\($0))" } ?? "")]
        let personality = [planned.personalityMode, planned.personalityID.map(String.init), planned.personalityName.map { "\u{201C}\($0)\u{201D}" }]
            .compactMap { $0 }.joined(separator: " ")
        parts.append("personality: " + (personality.isEmpty ? "not stated" : personality))
        parts.append("test profile: " + (planned.testProfileMode ?? "none"))
        if !planned.metricIDs.isEmpty { parts.append("metrics: " + planned.metricIDs.map(String.init).joined(separator: ", ")) }
        return parts.joined(separator: "; ") + "."
    }

    static func json(_ plan: SpecPlan) -> JSONValue {
        func optional<T>(_ value: T?, _ wrap: (T) -> JSONValue) -> JSONValue { value.map(wrap) ?? .null }
        return [
            "agentId": optional(plan.agentID, JSONValue.integer), "projectId": optional(plan.projectID, JSONValue.integer),
            "channel": optional(plan.channel, JSONValue.string), "scenarioCount": optional(plan.scenarioCount, JSONValue.integer),
            "totalRuns": optional(plan.totalRuns, JSONValue.integer), "estimatedCost": optional(plan.estimatedCost, JSONValue.number),
            "scenarios": .array(plan.scenarios.map { scenario in
                ["key": optional(scenario.key, JSONValue.string), "name": optional(scenario.name, JSONValue.string),
                 "type": optional(scenario.type, JSONValue.string), "frequency": optional(scenario.frequency, JSONValue.integer),
                 "personality": ["mode": optional(scenario.personalityMode, JSONValue.string), "id": optional(scenario.personalityID, JSONValue.integer),
                                 "name": optional(scenario.personalityName, JSONValue.string)],
                 "testProfile": optional(scenario.testProfileMode, JSONValue.string),
                 "metricIds": .array(scenario.metricIDs.map(JSONValue.integer))]
            }),
        ]
    }
}
