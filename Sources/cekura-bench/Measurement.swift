import Dispatch

/// Median wall time of a piece of work over many runs, after a warm-up.
struct Measurement {
    let name: String
    let medianNanoseconds: UInt64
    let runs: Int

    var milliseconds: Double { Double(medianNanoseconds) / 1_000_000 }

    static func measure(_ name: String, runs: Int, warmUp: Int = 5, _ work: () -> Void) -> Measurement {
        for _ in 0..<warmUp { work() }
        var samples: [UInt64] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        samples.sort()
        return Measurement(name: name, medianNanoseconds: samples[samples.count / 2], runs: runs)
    }
}

/// Keeps the optimiser from deleting work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
