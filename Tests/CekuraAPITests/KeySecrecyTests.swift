import CekuraAPI
import Foundation
import JSONSyntax
import StandInSupport
import Testing

/// The API key goes in the request header and nowhere else: not in errors,
/// descriptions, dumps, raw answers kept for the user, or cache files, even
/// when the server echoes it.
struct KeySecrecyTests {
    static let key = "ck_live_SECRET_7f3a9b"

    private func exposes(_ text: String) -> Bool { text.contains(Self.key) || text.contains("SECRET") }

    private func dumped(_ value: Any) -> String {
        var out = ""
        dump(value, to: &out)
        return out
    }

    @Test func errorsAndDescriptionsNeverHoldTheKey() async throws {
        let api = try await StandIn.start()
        try await api.control(["api_key": .string(Self.key)])
        let echo = "The key \(Self.key) is not valid here"
        try await api.faults(
            ["path": "/test_framework/v1/results/1/", "status": 401, "body": ["detail": .string(echo)]],
            ["path": "/test_framework/v1/results/2/", "status": 400, "body": ["errors": ["scenarios[0]": [.string(echo)]]]],
            ["path": "/test_framework/v1/results/3/", "status": 409, "raw": .string(echo)],
            ["path": "/test_framework/v1/results/4/", "status": 404, "body": [.string(echo)]])
        let client = api.client(key: Self.key)
        var errors: [APIError] = []
        for id in 1...4 { if let error = await failure({ try await client.result(id) }) { errors.append(error) } }
        errors.append(.missingAPIKey)
        #expect(errors.count == 5)
        #expect(errors[0].message.contains("The key [redacted] is not valid here"))
        for error in errors {
            #expect(!exposes(error.message) && !exposes(String(describing: error)) && !exposes(String(reflecting: error)) && !exposes(dumped(error)))
        }

        let configuration = client.configuration
        for text in [configuration.description, String(reflecting: configuration), dumped(configuration), String(describing: client),
                     dumped(configuration.credentials as Any)] {
            #expect(!exposes(text))
        }
        // The key did go where it belongs.
        #expect(try await api.requests().allSatisfy { $0.headers["x-cekura-api-key"] == Self.key })
    }

    @Test func rawAnswersKeptForTheUserAreMasked() async throws {
        let api = try await StandIn.start()
        try await api.control(["api_key": .string(Self.key)])
        try await api.faults(["path": "/test_framework/v1/scenarios/instructions-progress/",
                              "body": ["status": "completed", "note": .string("made with \(Self.key)")]])
        let progress = try await api.client(key: Self.key).instructionProgress(InstructionJob(progressID: "p"))
        #expect(progress.raw["note"] == "made with [redacted]")
        #expect(!exposes(progress.raw.serialized))
    }

    @Test func cacheFilesAndNamesNeverHoldTheKey() async throws {
        let api = try await StandIn.start()
        try await api.control(["api_key": .string(Self.key)])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cekura-secrecy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = api.client(key: Self.key, cache: CatalogCache(directory: folder))
        _ = try await client.catalog(.personalities())
        _ = try await client.catalog(.metrics(.agent(12)))
        _ = try await client.catalog(.testProfiles(.agent(12)))
        _ = try await client.catalog(.predefinedMetrics)

        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 4)
        for file in files {
            #expect(!exposes(file))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!exposes(text))
            #expect(text.contains(#""base_url":"http://127.0.0.1:\#(api.port)""#))
        }
    }
}
