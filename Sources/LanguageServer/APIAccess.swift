import CekuraAPI
import Foundation
import ScenarioModel

/// How the server reaches the Cekura API. The executable takes the defaults;
/// tests poll faster and keep their cache in a folder of their own.
public struct APISetup: Sendable {
    public var polling: PollingPolicy
    public var retry: RetryPolicy
    /// Where catalogs and run reports are kept; nil: the user's cache
    /// directory (`$XDG_CACHE_HOME/cekura-lsp`, else `~/.cache/cekura-lsp`).
    public var cacheDirectory: URL?

    public init(polling: PollingPolicy = PollingPolicy(), retry: RetryPolicy = RetryPolicy(), cacheDirectory: URL? = nil) {
        self.polling = polling
        self.retry = retry
        self.cacheDirectory = cacheDirectory
    }
}

/// The server's state about the API, kept on the state queue.
struct APIState {
    var configuration = APIConfiguration(baseURL: APIConfiguration.defaultBaseURL, baseURLSource: .builtIn, credentials: nil)
    var catalogs = Catalogs()
    var catalogLoad = CatalogLoad.notStarted
    /// The agent or project the catalogs were read for.
    var catalogsScope: CatalogScope?
    /// What the commands found, by document URI.
    var findings: [String: [RemoteFinding]] = [:]
    /// The running commands' progress tokens (serialized), for `window/workDoneProgress/cancel`.
    var progressTokens: [String: CancellationToken] = [:]

    enum CatalogLoad: Equatable {
        case notStarted, loading
        case loaded(at: Date)
    }

    /// Whether the catalogs should be read (again): never read, or read
    /// longer ago than the cache keeps them (a failed read is tried again then).
    func catalogsDue(now: Date, timeToLive: Duration) -> Bool {
        switch catalogLoad {
        case .notStarted: true
        case .loading: false
        case .loaded(let at): now.timeIntervalSince(at) > Double(timeToLive.components.seconds)
        }
    }
}

extension LanguageServer {
    /// The API key the commands use.
    var credentials: APICredentials? { api.configuration.credentials }

    /// The URL and key, as the official CLI finds them; the log says where
    /// they came from, never what the key is. Catalogs of another API, key or
    /// agent are forgotten.
    func resolveAPI() {
        let resolved = APIConfiguration.resolve(apiURLSetting: settings.apiURL, apiKeySetting: settings.apiKey, environment: environment)
        let old = api.configuration
        if resolved.credentials?.source != old.credentials?.source || (resolved.credentials == nil) != (old.credentials == nil) {
            log.log(.info, resolved.credentials.map { "using \($0)" }
                ?? "no API key: set CEKURA_API_KEY or `api_key` in ~/.cekura/config.toml to run scenarios")
        }
        if resolved != old || catalogScope != api.catalogsScope {
            api.catalogs = Catalogs()
            api.catalogLoad = .notStarted
        }
        api.configuration = resolved
        api.catalogsScope = catalogScope
    }

    /// A client of the API as the settings now say, for one command or load.
    func makeAPIClient() -> CekuraClient {
        CekuraClient(configuration: api.configuration, userAgent: "cekura-lsp/\(version)", retry: apiSetup.retry,
                     polling: apiSetup.polling, cache: CatalogCache(directory: cacheDirectory))
    }

    var cacheDirectory: URL { apiSetup.cacheDirectory ?? CatalogCache.defaultDirectory(environment: environment) }

    /// The agent runs go to: the `agentId` setting, else `CEKURA_AGENT_ID`.
    var agentSetting: Int? { settings.agentID ?? environment["CEKURA_AGENT_ID"].flatMap { Int($0) } }

    /// The project, for dashboard links and catalogs: `projectId`, else `CEKURA_PROJECT_ID`.
    var projectSetting: Int? { settings.projectID ?? environment["CEKURA_PROJECT_ID"].flatMap { Int($0) } }

    /// Whose metrics and test profiles the catalogs list: the agent's, else the project's.
    var catalogScope: CatalogScope? { agentSetting.map(CatalogScope.agent) ?? projectSetting.map(CatalogScope.project) }

    /// `CEKURA_DASHBOARD_URL`, else Cekura's dashboard, without a trailing slash.
    var dashboardURL: String {
        let url = environment["CEKURA_DASHBOARD_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://dashboard.cekura.ai"
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
