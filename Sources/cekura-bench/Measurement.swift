import Dispatch
import Foundation

/// Wall time of a piece of work over many runs, after a warm-up: the median,
/// and the minimum of the wall time and of the CPU time the thread used.
struct Measurement {
    let name: String
    let medianNanoseconds: UInt64
    /// The run least disturbed by other processes: on a busy machine the
    /// fairest wall figure for comparing two pieces of work.
    let minimumNanoseconds: UInt64
    /// The least CPU time of a run: time the thread waited for a core does
    /// not count, so other processes disturb it less than the wall time.
    let minimumCPUNanoseconds: UInt64
    let runs: Int

    var milliseconds: Double { Double(medianNanoseconds) / 1_000_000 }
    var minimumMilliseconds: Double { Double(minimumNanoseconds) / 1_000_000 }
    var minimumCPUMilliseconds: Double { Double(minimumCPUNanoseconds) / 1_000_000 }

    static func measure(_ name: String, runs: Int, warmUp: Int = 5, _ work: () -> Void) -> Measurement {
        for _ in 0..<warmUp { work() }
        return Measurement(name: name, samples: (0..<runs).map { _ in time(work) })
    }

    /// Two pieces of work run in turn, so that a busy spell of the machine
    /// falls on both alike.
    static func interleaved(_ first: (name: String, work: () -> Void), _ second: (name: String, work: () -> Void), runs: Int,
                            warmUp: Int = 5) -> (Measurement, Measurement) {
        for _ in 0..<warmUp {
            first.work()
            second.work()
        }
        var firstSamples: [Sample] = [], secondSamples: [Sample] = []
        for _ in 0..<runs {
            firstSamples.append(time(first.work))
            secondSamples.append(time(second.work))
        }
        return (Measurement(name: first.name, samples: firstSamples), Measurement(name: second.name, samples: secondSamples))
    }

    private struct Sample {
        let wall: UInt64
        let cpu: UInt64
    }

    private init(name: String, samples: [Sample]) {
        let wall = samples.map(\.wall).sorted()
        self.name = name
        medianNanoseconds = wall[wall.count / 2]
        minimumNanoseconds = wall[0]
        minimumCPUNanoseconds = samples.map(\.cpu).min() ?? 0
        runs = wall.count
    }

    private static func time(_ work: () -> Void) -> Sample {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = threadCPUNanoseconds()
        work()
        return Sample(wall: DispatchTime.now().uptimeNanoseconds - start, cpu: threadCPUNanoseconds() - cpuStart)
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// Keeps the optimiser from deleting work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
