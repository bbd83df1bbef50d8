import Foundation

/// Where the API is and which key opens it, each with where it came from. The
/// order is the official CLI's documented precedence (an explicit setting, then
/// the environment, then `~/.cekura/config.toml`, then the default), for the
/// URL as for the key.
public struct APIConfiguration: Sendable, Equatable, CustomStringConvertible {
    public enum URLSource: Sendable, Equatable {
        case setting
        case environment
        case configFile(path: String)
        case builtIn
    }

    public static let defaultBaseURL = "https://api.cekura.ai"

    /// As given, without a trailing slash; checked only when a request is made
    /// (`checkedBaseURL`), so a bad value is reported when the user acts.
    public let baseURL: String
    public let baseURLSource: URLSource
    public let credentials: APICredentials?

    public init(baseURL: String, baseURLSource: URLSource = .setting, credentials: APICredentials?) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.baseURLSource = baseURLSource
        self.credentials = credentials
    }

    /// `apiURLSetting` and `apiKeySetting` are the editor's settings, nil when
    /// the user set none. The file's `api_url` is what the CLI's code reads;
    /// `base_url` is what its bundled README says, so it is accepted second.
    public static func resolve(apiURLSetting: String?, apiKeySetting: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               configPath: String? = nil) -> APIConfiguration {
        let config = ConfigFile.Contents(path: configPath ?? APICredentials.defaultConfigPath(environment: environment))
        let credentials = APICredentials.resolve(setting: apiKeySetting, environment: environment, config: config)
        let candidates: [(String?, URLSource)] = [
            (apiURLSetting, .setting),
            (environment["CEKURA_API_URL"], .environment),
            (config.values["api_url"], .configFile(path: config.path)),
            (config.values["base_url"], .configFile(path: config.path)),
        ]
        for case (let url?, let source) in candidates where !url.isEmpty {
            return APIConfiguration(baseURL: url, baseURLSource: source, credentials: credentials)
        }
        return APIConfiguration(baseURL: defaultBaseURL, baseURLSource: .builtIn, credentials: credentials)
    }

    /// For a log line: the URL and where both came from, never the key.
    public var description: String {
        let origin = switch baseURLSource {
        case .setting: "from the editor settings"
        case .environment: "from CEKURA_API_URL"
        case .configFile(let path): "from \(path)"
        case .builtIn: "the default"
        }
        return "the Cekura API at \(baseURL) (\(origin)) with " + (credentials?.description ?? "no API key")
    }

    /// The base URL, if requests may go there: HTTPS anywhere, plain HTTP only
    /// to this machine, since the key travels in a header.
    public func checkedBaseURL() throws(APIError) -> URL {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
              scheme == "https" || scheme == "http", url.query == nil, url.fragment == nil
        else { throw .invalidBaseURL(baseURL) }
        if scheme == "http" && !Self.loopbackHosts.contains(host.lowercased()) { throw .insecureBaseURL(baseURL) }
        return url
    }

    private static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "[::1]", "localhost"]
}
