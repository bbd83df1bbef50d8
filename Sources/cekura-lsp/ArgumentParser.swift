/// Reads the command line into an `Invocation`. Options take their value as the
/// next argument or after `=`; `--` ends options, and `-` is standard input.
enum ArgumentParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        guard let first = arguments.first else { return .languageServer }
        let rest = ArgumentReader(arguments.dropFirst())
        switch first {
        case "check": return try parseCheck(rest)
        case "format": return try parseFormat(rest)
        case "help", "--help", "-h": return .help
        case "--version": return try rest.expectEnd(after: first, then: .version)
        case "--stdio": return try rest.expectEnd(after: first, then: .languageServer)
        default:
            throw UsageError(message: first.hasPrefix("-") ? "unknown option '\(first)'" : "unknown subcommand '\(first)'")
        }
    }

    private static func parseCheck(_ arguments: ArgumentReader) throws(UsageError) -> Invocation {
        var reader = arguments
        var options = CheckOptions()
        while let argument = reader.next() {
            switch argument {
            case .path(let path): options.paths.append(path)
            case .option("--help", nil), .option("-h", nil): return .help
            case .option("--no-color", nil): options.noColor = true
            case .option("--format", let inline):
                let value = try reader.value(of: "--format", inline: inline)
                guard let format = CheckOutputFormat(rawValue: value) else {
                    let choices = CheckOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError(message: "unknown format '\(value)' (choose \(choices))")
                }
                options.format = format
            case .option("--stdin-filename", let inline):
                options.standardInputFileName = try reader.value(of: "--stdin-filename", inline: inline)
            case .option(let name, _): throw ArgumentReader.unknownOption(name, in: "check")
            }
        }
        guard !options.paths.isEmpty else {
            throw UsageError(message: "check needs at least one PATH (use - for standard input)")
        }
        return .check(options)
    }

    private static func parseFormat(_ arguments: ArgumentReader) throws(UsageError) -> Invocation {
        var reader = arguments
        var options = FormatOptions()
        while let argument = reader.next() {
            switch argument {
            case .path(let path): options.paths.append(path)
            case .option("--help", nil), .option("-h", nil): return .help
            case .option("--check", nil): options.checkOnly = true
            case .option(let name, _): throw ArgumentReader.unknownOption(name, in: "format")
            }
        }
        guard !options.paths.isEmpty else {
            throw UsageError(message: "format needs at least one PATH (use - for standard input)")
        }
        return .format(options)
    }
}

/// The arguments after a subcommand, split into options and paths.
struct ArgumentReader {
    enum Argument {
        /// An option and the value written after `=`, if any.
        case option(String, String?)
        case path(String)
    }

    private var remaining: ArraySlice<String>
    private var optionsEnded = false

    init(_ arguments: ArraySlice<String>) {
        remaining = arguments
    }

    mutating func next() -> Argument? {
        guard let argument = remaining.popFirst() else { return nil }
        if optionsEnded || argument == "-" || !argument.hasPrefix("-") { return .path(argument) }
        if argument == "--" {
            optionsEnded = true
            return next()
        }
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return .option(argument, nil) }
        return .option(String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The value of an option: the part after `=`, or else the next argument.
    mutating func value(of option: String, inline: String?) throws(UsageError) -> String {
        if let inline { return inline }
        guard let value = remaining.popFirst() else { throw UsageError(message: "\(option) needs a value") }
        return value
    }

    func expectEnd(after option: String, then invocation: Invocation) throws(UsageError) -> Invocation {
        guard let extra = remaining.first else { return invocation }
        throw UsageError(message: "unexpected argument '\(extra)' after \(option)")
    }

    static func unknownOption(_ name: String, in subcommand: String) -> UsageError {
        UsageError(message: "unknown option '\(name)' for \(subcommand)")
    }
}
