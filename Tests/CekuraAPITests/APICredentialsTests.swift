import CekuraAPI
import Foundation
import Testing

/// Where the API key comes from, in the official CLI's order, and that its
/// description never shows it.
struct APICredentialsTests {
    static let config = """
    # written by `cekura config set`
    api_key = "ck_file_key"
    api_url = 'https://staging.cekura.ai'
    default_project_id = 42   # a bare integer
    name = "quote \\" inside"

    [profiles.other]
    api_key = "ck_not_top_level"
    """

    @Test func configSubsetIsRead() {
        let values = ConfigFile.parse(Self.config)
        #expect(values["api_key"] == "ck_file_key")
        #expect(values["api_url"] == "https://staging.cekura.ai")
        #expect(values["default_project_id"] == "42")
        #expect(values["name"] == "quote \" inside")
        #expect(values.count == 4)
    }

    @Test func settingThenEnvironmentThenFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cekura-credentials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".cekura"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.config.write(to: folder.appendingPathComponent(".cekura/config.toml"), atomically: true, encoding: .utf8)
        let home = ["HOME": folder.path]

        let fromSetting = APICredentials.resolve(setting: "ck_setting", environment: home.merging(["CEKURA_API_KEY": "ck_env"]) { $1 })
        #expect(fromSetting?.apiKey == "ck_setting")
        #expect(fromSetting?.source == .setting)
        let fromEnvironment = APICredentials.resolve(setting: nil, environment: home.merging(["CEKURA_API_KEY": "ck_env"]) { $1 })
        #expect(fromEnvironment?.source == .environment)
        let fromFile = try #require(APICredentials.resolve(setting: nil, environment: home))
        #expect(fromFile.apiKey == "ck_file_key")
        #expect(fromFile.source == .configFile(path: folder.path + "/.cekura/config.toml"))
        #expect(APICredentials.resolve(setting: "", environment: ["HOME": "/nonexistent"]) == nil)
        for credentials in [fromSetting, fromEnvironment, fromFile].compactMap({ $0 }) {
            #expect(!credentials.description.contains(credentials.apiKey))
        }
    }
}
