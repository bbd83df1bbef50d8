import JSONSyntax
import ScenarioModel

/// The test-suite spec a run or a dry run sends for a target, and the way
/// back from a path in that spec (the API's error paths) to the document.
///
/// - a whole suite is sent as it is;
/// - a suite case is sent with the suite's `version`, `suite` and `defaults`
///   and itself as the only case;
/// - an evaluator body becomes a one-case spec, field by field (the evaluator
///   and suite names of a field differ; protocol-notes/lsp.md has the table).
public struct RunSpec: Sendable {
    public let spec: JSONValue
    /// The cases of `spec`'s `scenarios`, in order.
    public let cases: [Case]
    /// Evaluator fields a spec has no place for, left out of the request.
    public let leftOut: [String]
    private let mapping: Mapping

    /// A case of the spec and where it is in the document.
    public struct Case: Sendable, Equatable {
        public let name: String?
        /// `key`, else `name`: how a case is found again after edits.
        public let key: String?
        public let path: JSONPath
    }

    /// Why a target cannot be sent, for the user.
    public struct Refusal: Error, Sendable, Equatable {
        public let message: String
    }

    fileprivate enum Mapping: Sendable {
        case identity
        /// `scenarios[0]` of the spec is `scenarios[index]` of the document.
        case suiteCase(index: Int)
        /// Spec case field → document path; `tools[i]` → `tool_ids[toolIndexes[i]]`.
        case evaluator(fields: [String: DocumentPath], toolIndexes: [Int])
    }

    public static func make(_ target: RunTarget) -> Result<RunSpec, Refusal> {
        let tree: SyntaxTree
        switch target {
        case .suite(let suite): tree = suite.node.tree
        case .suiteCase(let suite, _): tree = suite.node.tree
        case .evaluator(let evaluator): tree = evaluator.node.tree
        }
        // A half-typed file would be read in part: the API should judge what the user wrote, not a guess.
        if tree.hasErrors {
            return .failure(Refusal(message: "The file has JSON syntax errors; fix them before sending it to Cekura."))
        }
        switch target {
        case .suite(let suite):
            let cases = suite.cases.map(Case.init)
            guard !cases.isEmpty else { return .failure(Refusal(message: "The suite has no cases to send.")) }
            return .success(RunSpec(spec: JSONValue(suite.node), cases: cases, leftOut: [], mapping: .identity))
        case .suiteCase(let suite, let suiteCase):
            var members = suite.node.members.filter { $0.keyName != "scenarios" }.map { ($0.keyName, $0.value.map(JSONValue.init) ?? .null) }
            members.append(("scenarios", [JSONValue(suiteCase.node)]))
            return .success(RunSpec(spec: .object(members), cases: [Case(suiteCase)], leftOut: [], mapping: .suiteCase(index: suiteCase.index)))
        case .evaluator(let evaluator):
            return EvaluatorConversion(evaluator).spec()
        }
    }

    /// The key of the case a place of the document is in, if any.
    public func scope(of place: DocumentPath) -> String? {
        cases.first { place.path.components.starts(with: $0.path.components) }?.key
    }

    /// Where a path of the sent spec is in the document.
    public func documentPath(of specPath: JSONPath) -> DocumentPath {
        let components = specPath.components
        switch mapping {
        case .identity:
            return DocumentPath(specPath)
        case .suiteCase(let index):
            guard components.first == .key("scenarios"), components.count > 1 else { return DocumentPath(specPath) }
            return DocumentPath(JSONPath([.key("scenarios"), .index(index)] + components.dropFirst(2)))
        case .evaluator(let fields, let toolIndexes):
            // `scenarios[0].field…`; anything else is about the whole body.
            guard components.count > 2, components[0] == .key("scenarios"), case .key(let field) = components[2],
                  var place = fields[field] else { return DocumentPath(JSONPath()) }
            var rest = Array(components.dropFirst(3))
            if field == "tools", case .index(let index)? = rest.first, index < toolIndexes.count { rest[0] = .index(toolIndexes[index]) }
            if let inner = place.inner {
                place.inner = JSONPath(inner.components + rest)
            } else {
                place.path = JSONPath(place.path.components + rest)
            }
            return place
        }
    }

    fileprivate init(spec: JSONValue, cases: [Case], leftOut: [String], mapping: Mapping) {
        self.spec = spec
        self.cases = cases
        self.leftOut = leftOut
        self.mapping = mapping
    }
}

extension RunSpec.Case {
    init(_ suiteCase: SuiteCaseView) {
        self.init(name: suiteCase.string("name"), key: suiteCase.effectiveKey?.value, path: suiteCase.node.path)
    }

    /// Where to show a message about the case in the document as it is now:
    /// its `name`, found by key (edits may have moved it), else by path.
    public func nameRange(in document: ScenarioDocument) -> TextRange? {
        var node: SyntaxNode?
        switch document.root {
        case .suite(let suite): node = suite.cases.first { key != nil && $0.effectiveKey?.value == key }?.node
        case .evaluator(let evaluator): node = evaluator.node
        default: break
        }
        if let name = (node ?? document.tree.node(at: path))?[key: "name"] { return name.range }
        return DocumentPath(path).range(in: document.tree)
    }
}

/// An evaluator body as a one-case spec.
private struct EvaluatorConversion {
    let evaluator: EvaluatorView

    init(_ evaluator: EvaluatorView) { self.evaluator = evaluator }

    /// Evaluator fields with a case field of the same meaning; `scenario_type`,
    /// `instructions` and `tool_ids` need more than a new name.
    static let renamed: [(evaluator: String, suite: String)] = [
        ("name", "name"), ("expected_outcome_prompt", "expected_outcome"), ("scenario_language", "language"),
        ("first_message", "first_message"), ("max_duration", "max_duration"), ("personality", "personality"),
        ("test_profile", "test_profile"), ("metrics", "metrics"), ("tags", "tags"), ("conditional_actions", "conditional_actions"),
    ]

    func spec() -> Result<RunSpec, RunSpec.Refusal> {
        var members: [(key: String, value: JSONValue)] = []
        var fields: [String: DocumentPath] = [:]
        var leftOut: [String] = []
        var toolIndexes: [Int] = []
        func put(_ key: String, _ value: JSONValue, from place: DocumentPath) {
            members.append((key, value))
            fields[key] = place
        }
        let isScript = evaluator.scenarioType == "conditional_actions"
        for member in evaluator.node.members {
            let name = member.keyName
            guard let value = member.value else { continue }
            let place = DocumentPath(JSONPath([.key(name)]))
            if let suiteName = Self.renamed.first(where: { $0.evaluator == name })?.suite {
                // The API reads a null here as "not given"; the suite schema takes no nulls.
                if value.kind != .null { put(suiteName, JSONValue(value), from: place) }
            } else if name == "scenario_type" {
                put("type", JSONValue(value), from: place)
            } else if name == "instructions" {
                if isScript, !evaluator.has("conditional_actions") {
                    guard let (script, embedding) = evaluator.embeddedScript, !embedding.tree.hasErrors else {
                        return .failure(RunSpec.Refusal(message: "The script in `instructions` is not valid JSON; fix it before sending it to Cekura."))
                    }
                    put("conditional_actions", JSONValue(script.node), from: DocumentPath(place.path, inner: JSONPath()))
                } else {
                    put("instructions", JSONValue(value), from: place)
                }
            } else if name == "tool_ids" {
                var tools: [JSONValue] = []
                for (index, element) in value.elements.enumerated() {
                    guard let id = element.stringValue, let tool = Tools.suiteNamesOfEvaluatorIDs[id] else {
                        leftOut.append("tool_ids[\(index)]")
                        continue
                    }
                    tools.append(.string(tool))
                    toolIndexes.append(index)
                }
                put("tools", .array(tools), from: place)
            } else if name != "agent" {  // the agent goes with the request, as `agent_id`
                leftOut.append(name)
            }
        }
        guard !members.isEmpty else { return .failure(RunSpec.Refusal(message: "The evaluator body is empty.")) }
        let spec: JSONValue = ["version": "1", "scenarios": [.object(members)]]
        let onlyCase = RunSpec.Case(name: evaluator.string("name"), key: evaluator.string("name"), path: JSONPath())
        return .success(RunSpec(spec: spec, cases: [onlyCase], leftOut: leftOut,
                                mapping: .evaluator(fields: fields, toolIndexes: toolIndexes)))
    }
}
