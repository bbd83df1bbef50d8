import CekuraAPI
import Foundation
import JSONSyntax
import StandInSupport
import Testing

/// The catalogs: what each endpoint gives, and the disk cache in front of them.
struct CatalogTests {
    private func cacheFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cekura-catalogs-\(UUID().uuidString)")
    }

    @Test func eachCatalogIsReadFromItsEndpoint() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        let german = try await client.catalog(.personalities(language: "de")).items
        #expect(german.map(\.id) == [812] && german[0].name == "Geduldige Kundin" && german[0].language == "de")
        #expect(german[0].voiceModel == "eleven_multilingual_v2" && german[0].provider == "11labs")

        let metrics = try await client.catalog(.metrics(.agent(12))).items
        #expect(metrics.map(\.slug) == ["expected_outcome", "greeting_by_name"] && metrics[1].evalType == "binary")
        let profiles = try await client.catalog(.testProfiles(.project(742))).items
        #expect(profiles.map(\.name) == ["Damaged order"] && profiles[0].information?["main_agent_variables"]?["order_id"] == "ORD-5512")
        let predefined = try await client.catalog(.predefinedMetrics).items
        #expect(predefined.map(\.category) == ["Speech Quality", "Conversation Quality"])

        let queries = try await api.requests().map { "\($0.path)?\($0.query)" }
        #expect(queries == ["/test_framework/v1/personalities/?language=de", "/test_framework/v2/metrics/?agent_id=12",
                            "/test_framework/v1/test-profiles/?project_id=742", "/test_framework/v1/predefined-metrics/?"])
    }

    @Test func pagesAndUnreadableItemsAreTakenInStride() async throws {
        let api = try await StandIn.start()
        try await api.faults(["path": "/test_framework/v1/personalities/",
                              "body": ["count": 3, "next": .null, "results": [["id": 3, "name": "Normal Male"], ["id": 4], ["name": "no id"]]]])
        #expect(try await api.client().catalog(.personalities()).items.map(\.id) == [3])
    }

    @Test func cacheServesWithinItsTimeToLiveThenFetchesAgain() async throws {
        let api = try await StandIn.start()
        let folder = cacheFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = TestClock()
        let client = api.client(clock: clock, cache: CatalogCache(directory: folder, timeToLive: .seconds(300)))

        let first = try await client.catalog(.personalities())
        clock.advance(by: .seconds(299))
        let second = try await client.catalog(.personalities())
        #expect(second.items == first.items && second.fetchedAt == first.fetchedAt)
        #expect(try await api.requests().count == 1)

        clock.advance(by: .seconds(2))
        let third = try await client.catalog(.personalities())
        #expect(third.fetchedAt == clock.now())
        #expect(try await api.requests().count == 2)

        _ = try await client.catalog(.personalities(), refresh: true)
        #expect(try await api.requests().count == 3)
        // Another query is another entry.
        _ = try await client.catalog(.personalities(language: "de"))
        #expect(try await api.requests().count == 4)
    }

    @Test func cachedCatalogNeverTouchesTheNetworkAndSurvivesTheClient() async throws {
        let api = try await StandIn.start()
        let folder = cacheFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = CatalogCache(directory: folder)
        #expect(api.client(cache: cache).cachedCatalog(.metrics(.agent(12))) == nil)
        _ = try await api.client(cache: cache).catalog(.metrics(.agent(12)))

        let later = api.client(clock: TestClock(start: Date(timeIntervalSince1970: 1_900_000_000)), cache: cache)
        let stale = try #require(later.cachedCatalog(.metrics(.agent(12))))
        #expect(stale.items.map(\.id) == [5, 412])
        #expect(later.cachedCatalog(.metrics(.agent(13))) == nil)
        #expect(try await api.requests().count == 1)
    }

    @Test func keysAndAPIsHaveSeparateCaches() async throws {
        let api = try await StandIn.start()
        let folder = cacheFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = CatalogCache(directory: folder)
        _ = try await api.client(cache: cache).catalog(.predefinedMetrics)
        #expect(api.client(key: "ck_another_key", cache: cache).cachedCatalog(.predefinedMetrics) == nil)
        let otherAPI = CekuraClient(configuration: APIConfiguration(baseURL: "http://localhost:\(api.port)",
                                                                    credentials: APICredentials(apiKey: StandIn.apiKey, source: .setting)),
                                    cache: cache)
        #expect(otherAPI.cachedCatalog(.predefinedMetrics) == nil)
        #expect(api.client(cache: cache).cachedCatalog(.predefinedMetrics) != nil)
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(CatalogCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path == "/x/cache/cekura-lsp")
        #expect(CatalogCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.cache/cekura-lsp")
        #expect(CatalogCache.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/cekura-lsp")
    }
}

extension CatalogSnapshot: Equatable where Item: Equatable {
    public static func == (lhs: CatalogSnapshot, rhs: CatalogSnapshot) -> Bool {
        lhs.items == rhs.items && lhs.fetchedAt == rhs.fetchedAt
    }
}
