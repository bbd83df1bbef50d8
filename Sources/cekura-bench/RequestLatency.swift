import Foundation
import JSONSyntax
import LanguageServerProtocol

/// Completion and hover as an editor feels them: with the 1 MB suite open,
/// the time from request to response through the pipes, at positions spread
/// over the file, each asked several times.
struct RequestLatency {
    struct Figures {
        let name: String
        let completion: Percentiles
        let hover: Percentiles
    }

    struct Percentiles {
        let median, p99: Double
        let count: Int

        init(_ samples: [Double]) {
            median = ServerBenchmark.percentile(samples, 0.5)
            p99 = ServerBenchmark.percentile(samples, 0.99)
            count = samples.count
        }
    }

    let benchmark: ServerBenchmark
    /// Positions in the file, and how many times each is asked.
    let positions = 20
    let rounds: Int

    func measure(_ subject: ServerBenchmark.Subject) -> Result<Figures, ServerSession.Failure> {
        do {
            let session = try benchmark.openSession(subject)
            defer { session.close() }
            let places = spreadPositions()
            var completion: [Double] = [], hover: [Double] = []
            for _ in 0..<rounds {
                for place in places {
                    let params: JSONValue = ["textDocument": ["uri": .string(benchmark.uri)], "position": place.json]
                    completion.append(try timed { try session.request("textDocument/completion", params) })
                    hover.append(try timed { try session.request("textDocument/hover", params) })
                }
            }
            return .success(Figures(name: subject.name, completion: Percentiles(completion), hover: Percentiles(hover)))
        } catch let failure as ServerSession.Failure {
            return .failure(failure)
        } catch {
            return .failure(.init(description: "\(error)"))
        }
    }

    private func timed(_ request: () throws -> JSONValue) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try request()
        guard response["error"] == nil else { throw ServerSession.Failure(description: "the server answered an error: \(response.serialized)") }
        return ServerBenchmark.milliseconds(since: start)
    }

    /// Just inside the string that starts after each twentieth of the file:
    /// keys, enum values, names and actions, wherever they fall.
    private func spreadPositions() -> [LinePosition] {
        let spec = benchmark.spec
        let lineIndex = LineIndex(spec)
        return (0..<positions).compactMap { part in
            let from = spec.count * part / positions
            guard let quote = spec[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return lineIndex.position(of: quote + 2, in: .utf16)
        }
    }
}
