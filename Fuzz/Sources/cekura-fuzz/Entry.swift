import Foundation
import FuzzDriver
import Invariants

/// What this run fuzzes, from CEKURA_FUZZ_TARGET.
enum FuzzTarget: String {
    case syntax, actions, framing, server

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["CEKURA_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else { fatalError("set CEKURA_FUZZ_TARGET to syntax, actions, framing or server") }
        return target
    }()

    /// The violations of one input; the server target has none but a crash or a hang.
    func run(_ bytes: [UInt8]) -> [String] {
        switch self {
        case .syntax: Invariants.syntax(bytes)
        case .actions: Invariants.actions(bytes)
        case .framing: Invariants.framing(bytes)
        case .server: ServerFuzzing.run(bytes)
        }
    }
}

/// libFuzzer's entry: one input; a violated invariant aborts, so libFuzzer keeps it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let violations = FuzzTarget.current.run(bytes)
    if !violations.isEmpty { fatalError("invariant broken: \(violations.prefix(3))") }
    return 0
}
