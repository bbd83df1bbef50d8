import JSONSyntax
import ScenarioModel

/// Checks against what the API lists (`Catalogs`): metrics and personalities
/// that do not exist, an evaluator language its personality does not speak.
/// A catalog that is not known says nothing, so without a key or offline
/// these checks stay silent. Not part of `FileCheck.run`: the CLI has no
/// catalogs, the server adds these to the checker's diagnostics.
public enum CatalogRules {
    public static func check(_ document: ScenarioDocument, _ catalogs: Catalogs) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in document.catalogReferences {
            switch reference.kind {
            case .personality:
                guard let known = catalogs.personalities, let id = reference.node.intValue, !known.contains(where: { $0.id == id }) else { continue }
                diagnostics.append(Diagnostic(.personalityNotFound, .warning,
                    "no personality with id \(id) among the \(known.count) your API key can use; the API refuses unknown personalities",
                    reference.node.range))
            case .metric:
                guard catalogs.metrics != nil, let message = unknownMetric(reference.node, catalogs) else { continue }
                diagnostics.append(Diagnostic(.metricNotFound, .warning, message, reference.node.range))
            case .testProfile:
                continue
            }
        }
        if case .evaluator(let evaluator) = document.root { diagnostics += languageMismatch(evaluator, catalogs) }
        return diagnostics
    }

    private static func unknownMetric(_ node: SyntaxNode, _ catalogs: Catalogs) -> String? {
        if let id = node.intValue {
            guard catalogs.metric(id: id) == nil else { return nil }
            return "no metric with id \(id) in the project's metrics; the API refuses unknown metrics"
        }
        guard let slug = node.stringValue, catalogs.metric(slug: slug) == nil else { return nil }
        let guess = closestMatch(to: slug, among: catalogs.allMetrics.compactMap(\.slug)).map { " (did you mean `\($0)`?)" } ?? ""
        return "no metric with slug `\(slug)` in the project's metrics\(guess); the API refuses unknown metrics"
    }

    /// `scenario_language` must be the personality's language (rulebook E11).
    private static func languageMismatch(_ evaluator: EvaluatorView, _ catalogs: Catalogs) -> [Diagnostic] {
        guard let languageNode = evaluator.value("scenario_language"), let language = languageNode.stringValue,
              let personalityNode = evaluator.value("personality"), let id = personalityNode.intValue,
              let personality = catalogs.personality(id), let spoken = personality.language, spoken != language,
              spoken != "multi" else { return [] }
        let spokenName = Languages.name(of: spoken).map { "\($0), `\(spoken)`" } ?? "`\(spoken)`"
        return [Diagnostic(.languagePersonalityMismatch, .error,
            "`scenario_language` is `\(language)` but personality \(id) (\(personality.name)) speaks \(spokenName); the API refuses the mismatch",
            languageNode.range,
            related: [RelatedLocation(range: personalityNode.range, message: "personality \(id) speaks \(spokenName)")],
            fixes: [Fix(title: "Write \"\(spoken)\"", edits: [TextEdit(range: languageNode.range, newText: spoken.jsonQuoted)])])]
    }
}
