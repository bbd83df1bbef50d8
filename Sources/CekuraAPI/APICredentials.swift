import Foundation

/// The API key and where it came from, found as the official CLI finds it:
/// an explicit setting, then `CEKURA_API_KEY`, then `api_key` in
/// `~/.cekura/config.toml`. The key itself is never part of a description.
public struct APICredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Source: Sendable, Equatable {
        case setting
        case environment
        case configFile(path: String)
    }

    public let apiKey: String
    public let source: Source

    public init(apiKey: String, source: Source) {
        self.apiKey = apiKey
        self.source = source
    }

    public var description: String {
        switch source {
        case .setting: "an API key from the editor settings"
        case .environment: "an API key from CEKURA_API_KEY"
        case .configFile(let path): "an API key from \(path)"
        }
    }

    public var debugDescription: String { description }

    /// `dump` and debuggers show the source, not the key.
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }

    /// The first key found, or nil. `configPath` defaults to `~/.cekura/config.toml`.
    public static func resolve(setting: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               configPath: String? = nil) -> APICredentials? {
        resolve(setting: setting, environment: environment,
                config: ConfigFile.Contents(path: configPath ?? defaultConfigPath(environment: environment)))
    }

    static func resolve(setting: String?, environment: [String: String], config: ConfigFile.Contents) -> APICredentials? {
        if let setting, !setting.isEmpty { return APICredentials(apiKey: setting, source: .setting) }
        if let key = environment["CEKURA_API_KEY"], !key.isEmpty { return APICredentials(apiKey: key, source: .environment) }
        guard let key = config.values["api_key"], !key.isEmpty else { return nil }
        return APICredentials(apiKey: key, source: .configFile(path: config.path))
    }

    public static func defaultConfigPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.cekura/config.toml"
    }
}
