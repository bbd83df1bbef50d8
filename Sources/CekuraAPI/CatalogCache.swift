import Foundation
import JSONSyntax

/// Catalogs on disk, so completion has them at once and across restarts.
/// One folder per API (base URL) and key, named by a hash of both: a key is
/// never written, in a name or a file. A file holds the items as the API sent
/// them, read again through the catalog's own reader.
public struct CatalogCache: Sendable {
    public let directory: URL
    /// How long a catalog is used before it is fetched again.
    public let timeToLive: Duration

    public init(directory: URL, timeToLive: Duration = .seconds(600)) {
        self.directory = directory
        self.timeToLive = timeToLive
    }

    /// `$XDG_CACHE_HOME/cekura-lsp`, or `~/.cache/cekura-lsp`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: String
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            base = cacheHome  // the XDG spec ignores a relative path
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        }
        return URL(fileURLWithPath: base).appendingPathComponent("cekura-lsp")
    }

    func file(_ name: String, baseURL: String, apiKey: String) -> URL {
        let folder = String(SHA256.hex(baseURL + "\n" + apiKey).prefix(16))
        return directory.appendingPathComponent(folder).appendingPathComponent(name + ".json")
    }

    func read(_ file: URL) -> (items: [JSONValue], fetchedAt: Date)? {
        guard let data = FileManager.default.contents(atPath: file.path), let stored = JSONValue(parsing: [UInt8](data)),
              let items = stored["items"]?.arrayValue, let seconds = stored["fetched_at"]?.doubleValue
        else { return nil }
        return (items, Date(timeIntervalSince1970: seconds))
    }

    /// Best effort: a cache that cannot be written costs a fetch next time, not an answer now.
    func write(_ items: [JSONValue], fetchedAt: Date, baseURL: String, to file: URL) {
        let stored: JSONValue = ["base_url": .string(baseURL), "fetched_at": .number(fetchedAt.timeIntervalSince1970),
                                 "items": .array(items)]
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(stored.serialized.utf8).write(to: file, options: .atomic)
    }
}
