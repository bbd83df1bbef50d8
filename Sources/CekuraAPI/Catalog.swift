import Foundation
import JSONSyntax

/// A list the editor completes from, with where it is fetched and how its
/// items are read. The metrics and test profiles need an agent or a project.
public struct Catalog<Item: Sendable>: Sendable {
    /// Names the catalog in messages and its cache file: `metrics of agent 12`.
    let name: String
    let path: String
    let query: [(name: String, value: String)]
    let read: @Sendable (JSONValue) -> Item?

    /// The cache file of this catalog and query.
    var cacheName: String {
        ([path.split(separator: "/").last.map(String.init) ?? name] + query.map { "\($0.name)=\($0.value)" })
            .joined(separator: "-").filter { $0.isLetter || $0.isNumber || "-_=".contains($0) }
    }
}

extension Catalog where Item == Personality {
    /// The organization's personalities and the global ones, optionally of one language.
    public static func personalities(language: String? = nil) -> Catalog {
        Catalog(name: "personalities", path: "/test_framework/v1/personalities/",
                query: language.map { [("language", $0)] } ?? [], read: Personality.init(json:))
    }
}

extension Catalog where Item == Metric {
    public static func metrics(_ scope: CatalogScope) -> Catalog {
        Catalog(name: "metrics of \(scope.description)", path: "/test_framework/v2/metrics/", query: [scope.query],
                read: Metric.init(json:))
    }

    public static var predefinedMetrics: Catalog {
        Catalog(name: "predefined metrics", path: "/test_framework/v1/predefined-metrics/", query: [], read: Metric.init(json:))
    }
}

extension Catalog where Item == TestProfile {
    public static func testProfiles(_ scope: CatalogScope) -> Catalog {
        Catalog(name: "test profiles of \(scope.description)", path: "/test_framework/v1/test-profiles/", query: [scope.query],
                read: TestProfile.init(json:))
    }
}

/// The agent or project a catalog is listed for.
public enum CatalogScope: Sendable, Equatable, CustomStringConvertible {
    case agent(Int)
    case project(Int)

    var query: (name: String, value: String) {
        switch self {
        case .agent(let id): ("agent_id", String(id))
        case .project(let id): ("project_id", String(id))
        }
    }

    public var description: String {
        switch self {
        case .agent(let id): "agent \(id)"
        case .project(let id): "project \(id)"
        }
    }
}

/// A catalog's items and when the API sent them.
public struct CatalogSnapshot<Item: Sendable>: Sendable {
    public let items: [Item]
    public let fetchedAt: Date
}
