import Foundation
import JSONSyntax

extension CekuraClient {
    /// A catalog from the cache while it is younger than the cache's time to
    /// live, else from the API (then cached). `refresh` always fetches.
    public func catalog<Item>(_ catalog: Catalog<Item>, refresh: Bool = false) async throws(APIError) -> CatalogSnapshot<Item> {
        if !refresh, let cached = cachedCatalog(catalog), let cache,
           clock.now().timeIntervalSince(cached.fetchedAt) < cache.timeToLive.timeInterval {
            return cached
        }
        let answer = try await send(Call(path: catalog.path, query: catalog.query, subject: "the \(catalog.name)"))
        guard let items = answer.listItems else {
            throw .malformedResponse(subject: "the \(catalog.name)", reason: "neither a list nor a page of results")
        }
        let fetchedAt = clock.now()
        if let cache, let key = configuration.credentials?.apiKey {
            cache.write(items, fetchedAt: fetchedAt, baseURL: configuration.baseURL,
                        to: cache.file(catalog.cacheName, baseURL: configuration.baseURL, apiKey: key))
        }
        return CatalogSnapshot(items: items.compactMap(catalog.read), fetchedAt: fetchedAt)
    }

    /// What the cache holds for a catalog, however old, without a request:
    /// for completion, which must not wait for the network.
    public func cachedCatalog<Item>(_ catalog: Catalog<Item>) -> CatalogSnapshot<Item>? {
        guard let cache, let key = configuration.credentials?.apiKey,
              let stored = cache.read(cache.file(catalog.cacheName, baseURL: configuration.baseURL, apiKey: key))
        else { return nil }
        return CatalogSnapshot(items: stored.items.compactMap(catalog.read), fetchedAt: stored.fetchedAt)
    }
}
