/// Properties that hold for every input, whatever its bytes. The fuzz targets
/// (Fuzz/) check them on generated input; the tests replay the inputs fuzzing
/// once broke. Each function returns the violations it found, empty when all hold.
public enum Invariants {}

/// Collects violations with what they were about.
struct Violations {
    private(set) var found: [String] = []

    mutating func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { found.append(message()) }
    }
}
