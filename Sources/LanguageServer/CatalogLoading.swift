import CekuraAPI
import Foundation
import JSONSyntax
import LanguageServerProtocol
import ScenarioModel

/// The API's catalogs for completion, hover and the catalog checks. Read
/// lazily (the first Cekura file read with a key present), first from the disk
/// cache without a request, then from the API when the cache is older than its
/// time to live; `cekura.refreshCatalogs` fetches them again. Failures only
/// log: without a key or offline the checks stay silent.
extension LanguageServer {
    /// Starts reading the catalogs; `done` gets the outcome on the state queue.
    func loadCatalogs(refresh: Bool, done: (@Sendable (Result<Catalogs, APIError>) -> Void)? = nil) {
        guard credentials != nil else {
            done?(.failure(.missingAPIKey))
            return
        }
        api.catalogLoad = .loading
        let client = makeAPIClient(), scope = catalogScope, configuration = api.configuration
        Task { [self] in
            if !refresh {
                let cached = CatalogReader(client: client, scope: scope).cached()
                stateQueue.async { [self] in
                    guard api.configuration == configuration, api.catalogLoad == .loading, cached != Catalogs() else { return }
                    api.catalogs = cached
                    findingsChanged()
                }
            }
            let fetched = await CatalogReader(client: client, scope: scope).fetched(refresh: refresh)
            stateQueue.async { [self] in
                // Settings that changed meanwhile made these catalogs another API's.
                guard api.configuration == configuration else { return }
                if let problem = fetched.problem { log.log(.warning, "the Cekura catalogs could not all be read: \(problem.message)") }
                api.catalogs = fetched.catalogs
                api.catalogLoad = .loaded(at: Date())
                findingsChanged()
                done?(fetched.problem.map { .failure($0) } ?? .success(fetched.catalogs))
            }
        }
    }
}

extension CommandRun {
    /// `cekura.refreshCatalogs`: fetches every catalog again; the result counts their items.
    func refreshCatalogs() async -> Result<JSONValue, ResponseError> {
        let outcome: Result<Catalogs, APIError> = await withCheckedContinuation { continuation in
            server.stateQueue.async { [server] in server.loadCatalogs(refresh: true) { continuation.resume(returning: $0) } }
        }
        switch outcome {
        case .success(let catalogs):
            func count<T>(_ list: [T]?) -> JSONValue { list.map { .integer($0.count) } ?? .null }
            return .success(["summary": "catalogs read", "personalities": count(catalogs.personalities), "metrics": count(catalogs.metrics),
                             "predefinedMetrics": count(catalogs.predefinedMetrics), "testProfiles": count(catalogs.testProfiles)])
        case .failure(let error):
            return .failure(.requestFailed(error.message))
        }
    }
}

/// Reads the catalogs with one client, as the model's `Catalogs`. Metrics and
/// test profiles need an agent or a project; without one they stay unknown.
private struct CatalogReader {
    let client: CekuraClient
    let scope: CatalogScope?

    /// What the disk cache holds, however old.
    func cached() -> Catalogs {
        Catalogs(personalities: client.cachedCatalog(.personalities()).map { $0.items.map(Self.personality) },
                 metrics: scope.flatMap { client.cachedCatalog(.metrics($0)) }.map { $0.items.map(Self.metric) },
                 predefinedMetrics: client.cachedCatalog(.predefinedMetrics).map { $0.items.map(Self.metric) },
                 testProfiles: scope.flatMap { client.cachedCatalog(.testProfiles($0)) }.map { $0.items.map(Self.testProfile) })
    }

    /// Each catalog from the cache while fresh (always from the API with
    /// `refresh`), else from the API; a catalog that fails is left unknown,
    /// and the first failure is returned with the rest.
    func fetched(refresh: Bool) async -> (catalogs: Catalogs, problem: APIError?) {
        var problem: APIError?
        func read<Item, Model>(_ catalog: Catalog<Item>, _ convert: (Item) -> Model) async -> [Model]? {
            do throws(APIError) {
                return try await client.catalog(catalog, refresh: refresh).items.map(convert)
            } catch {
                problem = problem ?? error
                return nil
            }
        }
        var catalogs = Catalogs()
        catalogs.personalities = await read(.personalities(), Self.personality)
        catalogs.predefinedMetrics = await read(.predefinedMetrics, Self.metric)
        if let scope {
            catalogs.metrics = await read(.metrics(scope), Self.metric)
            catalogs.testProfiles = await read(.testProfiles(scope), Self.testProfile)
        }
        return (catalogs, problem)
    }

    static func personality(_ item: Personality) -> Catalogs.Personality {
        let voice = [item.accent, item.provider, item.voiceModel].compactMap { $0 }.joined(separator: " · ")
        return Catalogs.Personality(id: item.id, name: item.name, language: item.language, voice: voice.isEmpty ? nil : voice)
    }

    static func metric(_ item: Metric) -> Catalogs.Metric {
        Catalogs.Metric(id: item.id, name: item.name, slug: item.slug, description: item.description)
    }

    static func testProfile(_ item: TestProfile) -> Catalogs.TestProfile { Catalogs.TestProfile(id: item.id, name: item.name) }
}
