import Dispatch

/// Median and minimum wall time of a piece of work over many runs, after a warm-up.
struct Measurement {
    let name: String
    let medianNanoseconds: UInt64
    /// The run least disturbed by other processes: on a busy machine the
    /// fairest figure for comparing two pieces of work.
    let minimumNanoseconds: UInt64
    let runs: Int

    var milliseconds: Double { Double(medianNanoseconds) / 1_000_000 }
    var minimumMilliseconds: Double { Double(minimumNanoseconds) / 1_000_000 }

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
        var firstSamples: [UInt64] = [], secondSamples: [UInt64] = []
        for _ in 0..<runs {
            firstSamples.append(time(first.work))
            secondSamples.append(time(second.work))
        }
        return (Measurement(name: first.name, samples: firstSamples), Measurement(name: second.name, samples: secondSamples))
    }

    private init(name: String, samples: [UInt64]) {
        let sorted = samples.sorted()
        self.name = name
        medianNanoseconds = sorted[sorted.count / 2]
        minimumNanoseconds = sorted[0]
        runs = sorted.count
    }

    private static func time(_ work: () -> Void) -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return DispatchTime.now().uptimeNanoseconds - start
    }
}

/// Keeps the optimiser from deleting work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
