import CekuraAPI
import Foundation
import StandInSupport
import Testing

/// Where the base URL comes from, and where requests may go.
struct APIConfigurationTests {
    @Test func urlFromSettingThenEnvironmentThenFileThenDefault() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cekura-configuration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let both = folder.appendingPathComponent("both.toml"), readme = folder.appendingPathComponent("readme.toml")
        try "api_url = \"https://file.example\"\nbase_url = \"https://base.example\"\napi_key = \"ck_file\"\n"
            .write(to: both, atomically: true, encoding: .utf8)
        try "base_url = \"https://base.example/\"\n".write(to: readme, atomically: true, encoding: .utf8)
        let environment = ["CEKURA_API_URL": "https://env.example", "HOME": "/nonexistent"]

        let fromSetting = APIConfiguration.resolve(apiURLSetting: "https://setting.example/", apiKeySetting: nil,
                                                   environment: environment, configPath: both.path)
        #expect(fromSetting.baseURL == "https://setting.example")
        #expect(fromSetting.baseURLSource == .setting)
        #expect(fromSetting.credentials?.source == .configFile(path: both.path))

        let fromEnvironment = APIConfiguration.resolve(apiURLSetting: nil, apiKeySetting: "ck_setting", environment: environment,
                                                       configPath: both.path)
        #expect(fromEnvironment.baseURL == "https://env.example")
        #expect(fromEnvironment.baseURLSource == .environment)
        #expect(fromEnvironment.credentials?.source == .setting)

        let fromFile = APIConfiguration.resolve(apiURLSetting: "", apiKeySetting: nil, environment: ["HOME": "/nonexistent"],
                                                configPath: both.path)
        #expect(fromFile.baseURL == "https://file.example")
        #expect(fromFile.baseURLSource == .configFile(path: both.path))

        let fromReadmeKey = APIConfiguration.resolve(apiURLSetting: nil, apiKeySetting: nil, environment: ["HOME": "/nonexistent"],
                                                     configPath: readme.path)
        #expect(fromReadmeKey.baseURL == "https://base.example")
        #expect(fromReadmeKey.credentials == nil)

        let fallback = APIConfiguration.resolve(apiURLSetting: nil, apiKeySetting: nil, environment: ["HOME": "/nonexistent"])
        #expect(fallback.baseURL == "https://api.cekura.ai")
        #expect(fallback.baseURLSource == .builtIn)
        #expect(fallback.description == "the Cekura API at https://api.cekura.ai (the default) with no API key")
    }

    @Test(arguments: ["https://api.cekura.ai", "https://staging.example:8443/prefix", "http://127.0.0.1:8000", "http://[::1]:8000",
                      "http://localhost:9", "HTTP://LOCALHOST"])
    func allowedBaseURLs(_ url: String) throws {
        _ = try APIConfiguration(baseURL: url, credentials: nil).checkedBaseURL()
    }

    @Test(arguments: ["http://api.cekura.ai", "http://10.0.0.7:8000", "http://127.0.0.1.example.com", "http://localhost.example"])
    func plainHTTPToAnotherMachineIsRefused(_ url: String) {
        #expect(throws: APIError.insecureBaseURL(url)) { try APIConfiguration(baseURL: url, credentials: nil).checkedBaseURL() }
    }

    @Test(arguments: ["api.cekura.ai", "ftp://api.cekura.ai", "https:///path", "https://api.cekura.ai?project=1", "https://api.cekura.ai#x", ""])
    func malformedBaseURLsAreRefused(_ url: String) {
        #expect(throws: APIError.invalidBaseURL(url)) { try APIConfiguration(baseURL: url, credentials: nil).checkedBaseURL() }
    }

    /// The refusal comes before any request: a client aimed at plain HTTP
    /// elsewhere fails at once, and one without a key too.
    @Test func refusalsComeBeforeAnyRequest() async throws {
        let insecure = CekuraClient(configuration: APIConfiguration(baseURL: "http://10.255.255.1",
                                                                    credentials: APICredentials(apiKey: "ck_x", source: .setting)),
                                    clock: TestClock(), cache: nil)
        #expect(await failure { try await insecure.result(1) } == .insecureBaseURL("http://10.255.255.1"))

        let api = try await StandIn.start()
        #expect(await failure { try await api.client(key: nil).result(1) } == .missingAPIKey)
        #expect(try await api.requests().isEmpty)
        #expect(APIError.missingAPIKey.message.contains("CEKURA_API_KEY"))
    }
}
