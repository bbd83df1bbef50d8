import Foundation
import JSONSyntax

/// A rule fixture: a scenario file with its expected diagnostics written into
/// it. `«` opens a range and `»{severity:code}` closes it; the markers are
/// stripped before parsing. Ranges may nest.
///
///     "version": «1»{error:suite-version-invalid}
struct RuleFixture: CustomStringConvertible {
    struct Expectation: Hashable, Comparable, CustomStringConvertible {
        var severity: String
        var code: String
        var range: TextRange
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.range, lhs.code) < (rhs.range, rhs.code) }
        var description: String { "\(severity):\(code)@\(range)" }
    }

    let name: String
    let text: String
    let expectations: [Expectation]

    init(name: String, marked: String) throws {
        self.name = name
        var clean: [UInt8] = []
        var open: [Int] = []
        var expectations: [Expectation] = []
        var scalars = marked.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "«":
                open.append(clean.count)
            case "»":
                guard let start = open.popLast(), scalars.first == "{", let close = scalars.firstIndex(of: "}") else {
                    throw FixtureError.malformed(name, "'»' must close a '«' and be followed by {severity:code}")
                }
                let label = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                scalars = scalars[scalars.index(after: close)...]
                let parts = label.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw FixtureError.malformed(name, "label {\(label)} is not severity:code") }
                expectations.append(Expectation(severity: parts[0], code: parts[1], range: TextRange(start, clean.count)))
            default:
                clean.append(contentsOf: String(scalar).utf8)
            }
        }
        guard open.isEmpty else { throw FixtureError.malformed(name, "a '«' is never closed") }
        text = String(decoding: clean, as: UTF8.self)
        self.expectations = expectations.sorted()
    }

    var description: String { name }

    enum FixtureError: Error, CustomStringConvertible {
        case malformed(String, String)
        var description: String {
            switch self {
            case .malformed(let name, let why): "\(name): \(why)"
            }
        }
    }
}

/// The fixture files: `Fixtures/<code>/{fail,pass}[-N].<kind>.json`, where the
/// kind part names the file the way users do, so kind detection runs as usual.
enum RuleFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct File: CustomStringConvertible, Sendable {
        let code: String
        let path: URL
        var isPassing: Bool { path.lastPathComponent.hasPrefix("pass") }
        var description: String { "\(code)/\(path.lastPathComponent)" }

        /// The name kind detection sees.
        var fileName: String {
            let name = path.lastPathComponent
            if name.hasSuffix(".suite.json") { return "cekura.tests.json" }
            if name.hasSuffix(".evaluator.json") { return "case.evaluator.json" }
            return "case.cekura.json"
        }
    }

    static var all: [File] {
        let codes = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return codes.sorted().flatMap { code in
            let directory = folder.appendingPathComponent(code)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().filter { $0.hasSuffix(".json") }.map { File(code: code, path: directory.appendingPathComponent($0)) }
        }
    }
}
