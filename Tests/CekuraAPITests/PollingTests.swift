import CekuraAPI
import Foundation
import JSONSyntax
import StandInSupport
import Testing

/// Waiting for a result: the progress reported, the cadence, the deadline,
/// outages, and cancellation.
struct PollingTests {
    static let run = TextRun(agentID: 12, selection: .scenarios([39120, 39121]))

    @Test func progressUntilCompleted() async throws {
        let api = try await StandIn.start()
        let clock = TestClock()
        let client = api.client(clock: clock)
        let started = try await client.startTextRun(Self.run)
        var reported: [RunProgress] = []
        let result = try await client.waitForResult(started.id) { reported.append($0) }
        #expect(result.passed && result.successfulRuns == 2)
        #expect(reported == [.queued, .running(finished: 0, total: 2), .evaluating(total: 2), .finished(.completed)])
        #expect(clock.sleeps == [.seconds(2), .seconds(2), .seconds(2)])
    }

    @Test func progressIsReportedOnlyWhenItChanges() async throws {
        let api = try await StandIn.start()
        try await api.control(["polls_to_finish": 6])
        let client = api.client()
        let started = try await client.startTextRun(Self.run)
        var reported: [RunProgress] = []
        _ = try await client.waitForResult(started.id) { reported.append($0) }
        #expect(reported == [.queued, .running(finished: 0, total: 2), .running(finished: 1, total: 2), .running(finished: 2, total: 2),
                             .evaluating(total: 2), .finished(.completed)])
    }

    @Test func pollingSlowsDownAfterTheFirstPeriod() async throws {
        let api = try await StandIn.start()
        try await api.control(["polls_to_finish": 14])
        let clock = TestClock()
        let client = api.client(clock: clock)
        let started = try await client.startTextRun(Self.run)
        _ = try await client.waitForResult(started.id)
        #expect(clock.sleeps == Array(repeating: .seconds(2), count: 10) + Array(repeating: .seconds(5), count: 3))
    }

    @Test func deadlineEndsTheWaitNotTheRun() async throws {
        let api = try await StandIn.start()
        try await api.control(["never_finish": true])
        let clock = TestClock()
        let client = api.client(clock: clock)
        let started = try await client.startTextRun(Self.run)
        let error = await failure { try await client.waitForResult(started.id, timeout: .seconds(45)) }
        #expect(error == .deadlineExceeded(subject: "result 88231", seconds: 45, lastState: "running, 0 of 2 runs finished"))
        #expect(clock.sleeps == Array(repeating: .seconds(2), count: 10) + [.seconds(5), .seconds(5), .seconds(5), .seconds(5), .seconds(5)])
        let paths = try await api.requests().map(\.path)
        #expect(paths.filter { $0.hasSuffix("end_calls/") }.isEmpty)
        #expect(paths.count == 1 + 16)
    }

    /// A short outage does not end a long wait; a longer one does.
    @Test func outagesAreToleratedForAFewPolls() async throws {
        let api = try await StandIn.start()
        let clock = TestClock()
        let client = api.client(clock: clock, retry: RetryPolicy(attempts: 1))
        let started = try await client.startTextRun(Self.run)
        try await api.faults(["path": "/test_framework/v1/results/", "status": 502, "times": 2])
        #expect(try await client.waitForResult(started.id).status == .completed)

        try await api.faults(["path": "/test_framework/v1/results/", "status": 502])
        let error = await failure { try await client.waitForResult(started.id) }
        #expect(error == .serverUnavailable(status: 502))
    }

    /// A rate limit longer than a request sits out is waited out between polls.
    @Test func longRateLimitSpacesThePolls() async throws {
        let api = try await StandIn.start()
        let clock = TestClock()
        let client = api.client(clock: clock)
        let started = try await client.startTextRun(Self.run)
        try await api.faults(["path": "/test_framework/v1/results/", "status": 429, "headers": ["Retry-After": "120"], "times": 1])
        #expect(try await client.waitForResult(started.id).status == .completed)
        #expect(clock.sleeps == [.seconds(120), .seconds(5), .seconds(5), .seconds(5)])
    }

    @Test func otherErrorsEndTheWaitAtOnce() async throws {
        let api = try await StandIn.start()
        let client = api.client()
        #expect(await failure { try await client.waitForResult(404) } == .notFound(subject: "result 404", detail: "Not found."))
        #expect(try await api.requests().count == 1)
    }

    @Test func cancellingTheTaskStopsPolling() async throws {
        let api = try await StandIn.start()
        try await api.control(["never_finish": true])
        let client = api.client(clock: TestClock(pause: .milliseconds(20)))
        let started = try await client.startTextRun(Self.run)
        let task = Task { await failure { try await client.waitForResult(started.id) } }
        while try await api.requests().count < 4 { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        #expect(await task.value == .cancelled)
        let count = try await api.requests().count
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await api.requests().count == count)
    }

    @Test func instructionWaitHasItsOwnDeadline() async throws {
        let api = try await StandIn.start()
        try await api.control(["never_finish": true])
        let clock = TestClock()
        let client = api.client(clock: clock)
        let job = try await client.generateInstructions(agentID: 12, request: "x")
        var percents: [Double?] = []
        let error = await failure { try await client.waitForInstructions(job, timeout: .seconds(10)) { percents.append($0.percent) } }
        #expect(error == .deadlineExceeded(subject: "instruction job \(job.progressID)", seconds: 10, lastState: "50 %"))
        #expect(clock.sleeps == Array(repeating: .seconds(2), count: 5))
        #expect(percents == Array(repeating: 50, count: 6))
    }
}
