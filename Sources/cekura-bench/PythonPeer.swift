import Dispatch
import Foundation

/// What one peer validator measured in its own process (see Peers/schema_peer.py).
struct PeerTiming: Decodable {
    let validator: String
    let version: String
    let python: String
    let bytes: Int
    let valid: Bool
    let errors: Int
    let validateMilliseconds: Double
    let parseValidateMilliseconds: Double
    let runs: Int

    enum CodingKeys: String, CodingKey {
        case validator, version, python, bytes, valid, errors, runs
        case validateMilliseconds = "validate_ms"
        case parseValidateMilliseconds = "parse_validate_ms"
    }
}

/// A peer's timings, or why it could not be measured.
enum PeerOutcome {
    case measured(PeerTiming)
    case unavailable(validator: String, reason: String)

    var validator: String {
        switch self {
        case .measured(let timing): timing.validator
        case .unavailable(let validator, _): validator
        }
    }

    var timing: PeerTiming? {
        if case .measured(let timing) = self { timing } else { nil }
    }
}

/// Runs a Python JSON Schema validator as a child process on the spec file and
/// reads back the one JSON line it prints. The peer times itself, so interpreter
/// start-up and imports are not counted. Never fails the bench: any problem
/// becomes an `unavailable` outcome with the reason.
enum PythonPeer {
    static func run(_ validator: String, specFile: URL, runs: Int, warmUp: Int = 3) -> PeerOutcome {
        let python = PeerLocation.python()
        func unavailable(_ reason: String) -> PeerOutcome { .unavailable(validator: validator, reason: reason) }

        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return unavailable("no Python at \(python.path) (\(python.origin)); \(PeerLocation.setupHint)")
        }
        for file in [PeerLocation.script, PeerLocation.schema] where !FileManager.default.fileExists(atPath: file.path) {
            return unavailable("\(file.path) is missing (the bench finds it from the sources it was built from)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python.path)
        process.arguments = [PeerLocation.script.path, validator, specFile.path, PeerLocation.schema.path,
                             "--warm-up", String(warmUp), "--runs", String(runs)]
        let output = Pipe(), errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return unavailable("could not start \(python.path): \(error.localizedDescription)")
        }
        let (stdout, stderr) = readBoth(output, errorOutput)
        process.waitUntilExit()

        guard process.terminationStatus == 0 else {
            let lastLine = lastNonEmptyLine(stderr) ?? "no message"
            let hint = lastLine.contains("ModuleNotFoundError") ? "; \(PeerLocation.setupHint)" : ""
            return unavailable("peer exited with status \(process.terminationStatus): \(lastLine)\(hint)")
        }
        guard let line = lastNonEmptyLine(stdout) else { return unavailable("peer printed nothing") }
        do {
            return .measured(try JSONDecoder().decode(PeerTiming.self, from: Data(line.utf8)))
        } catch {
            return unavailable("could not read the peer's line \(line.prefix(120)): \(error)")
        }
    }

    /// Reads standard output and standard error together, so a chatty peer
    /// cannot block on a full pipe while we wait on the other one.
    private static func readBoth(_ output: Pipe, _ errorOutput: Pipe) -> (Data, Data) {
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        let errorHandle = errorOutput.fileHandleForReading
        DispatchQueue.global().async(group: group) { errors.data = errorHandle.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        return (data, errors.data)
    }

    private static func lastNonEmptyLine(_ data: Data) -> String? {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
    }
}
