@testable import CekuraAPI
import Foundation
import JSONSyntax
import Testing

/// The readers take the API's answers as they come: counters as strings, runs
/// keyed by id or listed, unknown fields and statuses, undocumented shapes.
struct ResponseReadingTests {
    @Test func resultWithRunsKeyedByIdAndCountersAsStrings() throws {
        let json: JSONValue = ["id": 88231, "agent": 12, "status": "completed", "run_type": "Text", "a_new_field": ["x": 1],
                               "total_runs_count": "2", "completed_runs_count": "2", "success_runs_count": "2",
                               "runs": ["501877": ["id": 501877, "scenario": 39120, "status": "completed", "success": true],
                                        "501878": ["id": "501878", "status": "completed", "success": true]]]
        let result = try #require(ResultSummary(json: json))
        #expect(result.id == 88231 && result.agentID == 12)
        #expect(result.runs.map(\.id) == [501877, 501878])
        #expect(result.totalRuns == 2 && result.finishedRuns == 2 && result.successfulRuns == 2)
        #expect(result.passed)
        #expect(result.progress == .finished(.completed))
    }

    @Test func resultFromAStartAnswerCountsItsRunList() throws {
        let json: JSONValue = ["result_id": "7", "status": "in_progress",
                               "runs": [["id": 1, "status": "completed"], ["id": 2, "status": "running"], ["name": "no id"]]]
        let result = try #require(ResultSummary(json: json))
        #expect(result.id == 7)
        #expect(result.totalRuns == 2 && result.finishedRuns == 1 && result.successfulRuns == nil)
        #expect(!result.passed)
        #expect(result.progress == .running(finished: 1, total: 2))
        #expect(ResultSummary(json: ["status": "running"]) == nil)
    }

    @Test func passRuleNeedsEveryRunSuccessfulAndACompletedResult() throws {
        let partly = try #require(ResultSummary(json: ["id": 1, "status": "completed", "total_runs_count": 3, "success_runs_count": "2"]))
        #expect(!partly.passed)
        let empty = try #require(ResultSummary(json: ["id": 1, "status": "completed", "total_runs_count": 0, "success_runs_count": 0]))
        #expect(!empty.passed)
        let failed = try #require(ResultSummary(json: ["id": 1, "status": "failed", "total_runs_count": 1, "success_runs_count": 1]))
        #expect(!failed.passed)
    }

    @Test func statusesGroupIntoProgress() throws {
        func progress(_ status: String) throws -> RunProgress {
            try #require(ResultSummary(json: ["id": 1, "status": .string(status), "total_runs_count": 4, "completed_runs_count": 1])).progress
        }
        for queued in ["pending", "in_queue", "scaling_up"] { #expect(try progress(queued) == .queued) }
        for running in ["running", "in_progress", "a_status_from_the_future"] { #expect(try progress(running) == .running(finished: 1, total: 4)) }
        #expect(try progress("evaluating") == .evaluating(total: 4))
        for terminal in ["completed", "failed", "timeout", "cancelled"] { #expect(try progress(terminal) == .finished(RunStatus(terminal))) }
        #expect(RunProgress.running(finished: 1, total: 4).description == "running, 1 of 4 runs finished")
    }

    @Test func runDetailReadsScoresAndTranscript() throws {
        let json: JSONValue = [
            "id": 5, "result_id": 88231, "status": "completed", "success": false, "duration": "01:12",
            "expected_outcome": ["score": "50", "explanation": ["Offered store credit."],
                                 "outcome_alignments": [["outcome": "Refund issued.", "prompt_part": "refund", "aligned": false], ["aligned": true]]],
            "evaluation": ["metrics": [["id": 5, "name": "Expected Outcome", "score": false, "explanation": "Not issued."],
                                       ["name": "Mood", "type": "enum", "enum": "annoyed"], ["score": 1]]],
            "transcript_object": [["role": "Testing Agent", "content": "Hi", "timestamp": 0.4], ["content": "no role"]],
        ]
        let run = try #require(RunDetail(json: json))
        #expect(run.resultID == 88231 && run.success == false && run.duration == "01:12")
        #expect(run.expectedOutcome?.score == 50)
        #expect(run.expectedOutcome?.alignments == [.init(outcome: "Refund issued.", promptPart: "refund", aligned: false)])
        #expect(run.metrics.map(\.name) == ["Expected Outcome", "Mood"])
        #expect(run.metrics[0].score == 0 && run.metrics[0].explanation == ["Not issued."])
        #expect(run.metrics[1].value == "annoyed" && run.metrics[1].score == nil)
        #expect(run.turns == [.init(role: "Testing Agent", content: "Hi", seconds: 0.4)])
        #expect(run.transcript == nil)
    }

    /// The progress answer is undocumented: each guessed place of the text is
    /// tried, and what is not found stays in `raw`.
    @Test(arguments: [
        (#"{"status": "completed", "instructions": "A"}"#, InstructionProgress.State.completed, "A" as String?),
        (#"{"status": "COMPLETED", "result": {"instructions": "B"}}"#, .completed, "B"),
        (#"{"improved_instructions": "C"}"#, .completed, "C"),
        (#"{"status": "success", "generated_instructions": "D", "instructions": ""}"#, .completed, "D"),
        (#"{"status": "done", "result": "E"}"#, .completed, "E"),
        (#"{"status": "in_progress", "progress": "40"}"#, .working, nil),
        (#"{"state": "who knows"}"#, .working, nil),
        (#"{"status": "failed", "error": "The agent has no prompt."}"#, .failed(reason: "The agent has no prompt."), nil),
        (#"{"status": "completed", "text_somewhere_else": "F"}"#, .completed, nil),
    ])
    func instructionProgressShapes(_ body: String, _ state: InstructionProgress.State, _ text: String?) throws {
        let json = try #require(JSONValue(parsing: Array(body.utf8)))
        let progress = InstructionProgress(json: json)
        #expect(progress.state == state)
        #expect(progress.instructions == text)
        #expect(progress.raw == json)
    }

    @Test func instructionProgressPercent() throws {
        #expect(InstructionProgress(json: ["status": "in_progress", "progress": "40"]).percent == 40)
        #expect(InstructionProgress(json: ["percent": 12.5]).percent == 12.5)
    }

    @Test func retryAfterInSecondsOrAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)  // Mon, 21 Sep 2026 14:13:20 GMT
        #expect(RetryPolicy.retryAfter("7", now: now) == .seconds(7))
        #expect(RetryPolicy.retryAfter(" 0 ", now: now) == .seconds(0))
        #expect(RetryPolicy.retryAfter("Mon, 21 Sep 2026 14:14:00 GMT", now: now) == .seconds(40))
        #expect(RetryPolicy.retryAfter("Mon, 21 Sep 2026 14:00:00 GMT", now: now) == .seconds(0))
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
    }

    @Test func backoffDoublesWithJitterUpToTheCap() {
        let policy = RetryPolicy(firstBackoff: .seconds(1), longestBackoff: .seconds(3))
        for _ in 0..<50 {
            #expect((.milliseconds(500)...(.seconds(1))).contains(policy.backoff(after: 1)))
            #expect((.seconds(1)...(.seconds(2))).contains(policy.backoff(after: 2)))
            #expect((.milliseconds(1500)...(.seconds(3))).contains(policy.backoff(after: 5)))
        }
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks: the padding spills over.
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Lengths around the padding boundaries (55, 56 and 64 bytes), and several blocks.
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
