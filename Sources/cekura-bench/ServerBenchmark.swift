import Foundation
import JSONSyntax
import LanguageServerProtocol

/// The language server as an editor feels it, next to the peer users have
/// today: time from spawn to the `initialize` answer; with the 1 MB suite
/// open, time from a one-character `didChange` to the diagnostics it brings;
/// peak resident memory.
struct ServerBenchmark {
    /// A server to measure and what it needs to be set up like an editor sets it up.
    struct Subject {
        let name: String
        let command: [String]
        let initializationOptions: JSONValue
        /// Sent after `initialized` (the peer's schema association).
        let configuration: JSONValue?
        /// What the server waits on purpose before it checks, reported beside its figures.
        let fixedWait: String
    }

    struct Figures {
        let name: String
        let initializeMedian: Double
        let editMedian: Double
        let editP99: Double
        let peakResidentMegabytes: Double?
        let edits: Int
        let fixedWait: String
    }

    enum Outcome {
        case measured(Figures)
        case unavailable(name: String, reason: String)
    }

    let spec: [UInt8]
    let uri = "file:///bench/cekura.tests.json"
    let starts: Int
    let edits: Int

    /// Positions are computed in UTF-16, the encoding both servers use with
    /// this client (it offers no other).
    static let capabilities: JSONValue = [
        "textDocument": ["publishDiagnostics": ["versionSupport": true, "relatedInformation": true],
                         "completion": ["completionItem": ["snippetSupport": true, "documentationFormat": ["markdown"]]],
                         "hover": ["contentFormat": ["markdown"]]],
    ]

    func measure(_ subject: Subject) -> Outcome {
        do {
            var initializeTimes: [Double] = []
            for _ in 0..<starts {
                let start = DispatchTime.now().uptimeNanoseconds
                let session = try ServerSession(command: subject.command)
                _ = try session.request("initialize", initializeParams(subject))
                initializeTimes.append(Self.milliseconds(since: start))
                session.close()
            }
            let (editTimes, memory) = try measureEdits(subject)
            return .measured(Figures(name: subject.name, initializeMedian: Self.percentile(initializeTimes, 0.5),
                                     editMedian: Self.percentile(editTimes, 0.5), editP99: Self.percentile(editTimes, 0.99),
                                     peakResidentMegabytes: memory.map { Double($0) / 1_048_576 }, edits: editTimes.count,
                                     fixedWait: subject.fixedWait))
        } catch {
            return .unavailable(name: subject.name, reason: "\(error)")
        }
    }

    private func initializeParams(_ subject: Subject) -> JSONValue {
        ["processId": .integer(Int(ProcessInfo.processInfo.processIdentifier)), "rootUri": "file:///bench",
         "capabilities": Self.capabilities, "initializationOptions": subject.initializationOptions]
    }

    /// Opens the suite, then types and deletes one character inside the first
    /// scenario's name, waiting each time for the diagnostics of that edit.
    private func measureEdits(_ subject: Subject) throws -> ([Double], Int?) {
        let session = try openSession(subject)
        defer { session.close() }
        let place = try editPosition()
        var times: [Double] = []
        for edit in 0..<edits {
            let version = edit + 2
            let typing = edit.isMultiple(of: 2)
            let end = LinePosition(line: place.line, column: place.column + (typing ? 0 : 1))
            let start = DispatchTime.now().uptimeNanoseconds
            session.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(uri), "version": .integer(version)],
                "contentChanges": [["range": ["start": place.json, "end": end.json], "text": typing ? "x" : ""]],
            ])
            // A publication without a version (the peer sends none) counts as this edit's.
            _ = try session.next { isPublish($0) && ($0["params"]?["version"].map { $0 == .integer(version) } ?? true) }
            times.append(Self.milliseconds(since: start))
        }
        return (times, session.peakResidentBytes)
    }

    /// A server set up as an editor sets it up, with the suite open and its
    /// first diagnostics in.
    func openSession(_ subject: Subject) throws -> ServerSession {
        let session = try ServerSession(command: subject.command)
        _ = try session.request("initialize", initializeParams(subject))
        session.notify("initialized", [:])
        if let configuration = subject.configuration { session.notify("workspace/didChangeConfiguration", ["settings": configuration]) }
        session.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "json", "version": 1,
                                                                 "text": .string(String(decoding: spec, as: UTF8.self))]])
        _ = try session.next(timeout: 60) { isPublish($0) }
        return session
    }

    private func isPublish(_ message: JSONValue) -> Bool {
        message["method"] == "textDocument/publishDiagnostics" && message["params"]?["uri"] == .string(uri)
    }

    /// Just inside the opening quote of the first `"name"` value.
    private func editPosition() throws -> LinePosition {
        let needle = Array(#""name": ""#.utf8)
        guard let found = spec.firstRange(of: needle) else { throw ServerSession.Failure(description: "the suite has no \"name\" value") }
        return LineIndex(spec).position(of: found.upperBound, in: .utf16)
    }

    static func milliseconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
}
