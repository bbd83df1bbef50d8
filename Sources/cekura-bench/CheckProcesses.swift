import Foundation
import ScenarioFixtures

/// `cekura-lsp check` as CI runs it, next to what a CI user would run instead:
/// `check-jsonschema` (PyPI) with the published test-suite schema. Whole
/// processes on 200 generated suite files, start-up included.
struct CheckProcesses {
    struct Figures {
        let files: Int
        /// Median milliseconds of the whole process, or why it could not run.
        let ours, peer: Result<Double, ServerSession.Failure>
    }

    let files = 200
    let runs: Int

    func measure() -> Figures {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cekura-bench-check-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SuiteGenerator(seed: 0x200)
        var paths: [String] = []
        for number in 0..<files {
            let directory = folder.appendingPathComponent(String(format: "%03d", number))
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("cekura.tests.json")
            try? Data(generator.suite(cases: 5).utf8).write(to: file)
            paths.append(file.path)
        }
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let ours = median(binDirectory.appendingPathComponent("cekura-lsp").path, ["check", "--format", "json"] + paths)
        let peerTool = PeerLocation.packageRoot.appendingPathComponent(".venv-bench/bin/check-jsonschema").path
        let peer: Result<Double, ServerSession.Failure> = FileManager.default.isExecutableFile(atPath: peerTool)
            ? median(peerTool, ["--schemafile", PeerLocation.schema.path] + paths)
            : .failure(.init(description: "check-jsonschema is not in .venv-bench; \(PeerLocation.setupHint)"))
        return Figures(files: files, ours: ours, peer: peer)
    }

    /// The median wall time of a command run to its end `runs` times; its output is dropped.
    private func median(_ executable: String, _ arguments: [String]) -> Result<Double, ServerSession.Failure> {
        var samples: [Double] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            do { try process.run() } catch { return .failure(.init(description: "cannot run \(executable): \(error)")) }
            process.waitUntilExit()
            samples.append(ServerBenchmark.milliseconds(since: start))
        }
        return .success(ServerBenchmark.percentile(samples, 0.5))
    }
}
