/// What the command line asks for.
enum Invocation: Equatable, Sendable {
    case check(CheckOptions)
    case format(FormatOptions)
    case help
    case version
    case languageServer
}

enum CheckOutputFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif
}

struct CheckOptions: Equatable, Sendable {
    var format: CheckOutputFormat = .text
    var noColor = false
    /// The name standard input is reported under and whose file name drives
    /// kind detection; without it standard input is `<stdin>`, with no name.
    var standardInputFileName: String?
    var paths: [String] = []
}

struct FormatOptions: Equatable, Sendable {
    /// List what would change instead of writing.
    var checkOnly = false
    var paths: [String] = []
}

/// A command line that cannot be run; reported with the usage, exit status 2.
struct UsageError: Error, Equatable, Sendable {
    var message: String
}
