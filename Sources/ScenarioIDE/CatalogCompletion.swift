import JSONSyntax
import ScenarioModel

/// Completion and hover of what names an item of the API's catalogs:
/// personality ids, metric slugs and ids, test-profile ids. Items are labelled
/// by name and insert the id (or the slug); hover names the item behind an id.
public enum CatalogCompletion {
    public static func items(in document: ScenarioDocument, at offset: Int, catalogs: Catalogs) -> [CompletionItem] {
        guard let (kind, range, list) = place(in: document, at: offset) else { return [] }
        let quoted = !range.isEmpty && document.tree.bytes[range.start] == UInt8(ascii: "\"")
        func item(_ label: String, detail: String?, documentation: String, newText: String, filter: String) -> CompletionItem {
            CompletionItem(label: label, kind: .value, detail: detail, documentation: documentation, range: range, newText: newText,
                           filterText: (quoted ? "\"" : "") + filter)
        }
        switch kind {
        case .personality:
            return (catalogs.personalities ?? []).map { personality in
                item(personality.name, detail: personality.summary, documentation: describe(personality), newText: String(personality.id),
                     filter: "\(personality.name) \(personality.id)")
            }
        case .testProfile:
            return (catalogs.testProfiles ?? []).map { profile in
                item(profile.name, detail: "test profile \(profile.id)", documentation: describe(profile), newText: String(profile.id),
                     filter: "\(profile.name) \(profile.id)")
            }
        case .metric(let slugs):
            // Each metric once in a list; a slug stands for the metric as its id does.
            let present = list?.elements ?? []
            return catalogs.allMetrics.filter { metric in
                !present.contains { $0.intValue == metric.id || ($0.stringValue != nil && $0.stringValue == metric.slug) }
            }.map { metric in
                let reference = slugs ? metric.slug.map(\.jsonQuoted) ?? String(metric.id) : String(metric.id)
                return item(metric.name, detail: metric.description, documentation: describe(metric), newText: reference,
                            filter: "\(metric.name) \(metric.slug ?? "") \(metric.id)")
            }
        }
    }

    public static func hover(in document: ScenarioDocument, at offset: Int, catalogs: Catalogs) -> HoverInfo? {
        let node: SyntaxNode
        switch document.tree.location(at: offset) {
        case .value(let value), .stringContent(let value, _): node = value
        default: return nil
        }
        guard let kind = CatalogReference.kind(at: node.path, in: document.kind.kind) else { return nil }
        let markdown: String?
        switch kind {
        case .personality: markdown = node.intValue.flatMap(catalogs.personality).map(describe)
        case .testProfile: markdown = node.intValue.flatMap { id in catalogs.testProfiles?.first { $0.id == id } }.map(describe)
        case .metric:
            let metric = node.intValue.map { catalogs.metric(id: $0) } ?? node.stringValue.flatMap { catalogs.metric(slug: $0) }
            markdown = metric.map(describe)
        }
        return markdown.map { HoverInfo(markdown: $0, range: node.range) }
    }

    /// What the cursor would complete: the kind of reference, the range an
    /// item replaces, and the array it is an element of (for metrics).
    private static func place(in document: ScenarioDocument, at offset: Int) -> (CatalogReference.Kind, TextRange, list: SyntaxNode?)? {
        let path: JSONPath
        let range: TextRange
        var list: SyntaxNode?
        switch document.tree.location(at: offset) {
        case .memberValue(let member):
            guard let object = member.parent else { return nil }
            path = object.path.appending(.key(member.keyName))
            range = .empty(at: offset)
        case .value(let node), .stringContent(let node, _):
            guard node.kind == .number || node.kind == .string || node.kind == .error else { return nil }
            path = node.path
            range = node.range
            if node.parent?.kind == .array { list = node.parent }
        case .arrayBody(let array):
            path = array.path.appending(.index(0))
            range = .empty(at: offset)
            list = array
        default:
            return nil
        }
        return CatalogReference.kind(at: path, in: document.kind.kind).map { ($0, range, list) }
    }

    static func describe(_ personality: Catalogs.Personality) -> String {
        "**\(personality.name)** — personality \(personality.id)" + (personality.summary.map { "\n\n\($0)" } ?? "")
    }

    static func describe(_ metric: Catalogs.Metric) -> String {
        "**\(metric.name)** — metric \(metric.id)" + (metric.slug.map { " (`\($0)`)" } ?? "") + (metric.description.map { "\n\n\($0)" } ?? "")
    }

    static func describe(_ profile: Catalogs.TestProfile) -> String { "**\(profile.name)** — test profile \(profile.id)" }
}

extension Catalogs.Personality {
    /// `English (en) · American · cartesia · sonic-3.5`.
    var summary: String? {
        let language = self.language.map { code in Languages.name(of: code).map { "\($0) (\(code))" } ?? code }
        let parts = [language, voice].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
