import Foundation

/// `cekura-lsp check`: reads, checks and reports every input; a file that
/// cannot be read is reported on standard error and the rest are still checked.
enum CheckCommand {
    static func run(_ options: CheckOptions) -> ExitStatus {
        let inputs = InputExpansion.expand(options.paths)
        var status = inputs.reportErrors()
        var files: [CheckedFile] = []
        for source in inputs.sources {
            do throws(FileSystemError) {
                files.append(try check(source, standardInputFileName: options.standardInputFileName))
            } catch {
                StandardStreams.writeError(error.message + "\n")
                status = .usageOrIOError
            }
        }
        StandardStreams.writeOutput(report(files, options: options))
        if files.contains(where: \.hasErrors) { status = max(status, .failure) }
        return status
    }

    private static func check(_ source: InputSource, standardInputFileName: String?) throws(FileSystemError) -> CheckedFile {
        switch source {
        case .standardInput:
            return CheckedFile(path: standardInputFileName ?? FileReading.standardInputPath,
                               fileName: standardInputFileName,
                               source: try FileReading.standardInput(), isExplicit: true)
        case .file(let path, let isExplicit):
            return CheckedFile(path: path, fileName: path, source: try FileReading.contents(ofFile: path),
                               isExplicit: isExplicit)
        }
    }

    private static func report(_ files: [CheckedFile], options: CheckOptions) -> String {
        switch options.format {
        case .text:
            let style = TerminalStyle.forStandardOutput(
                noColorFlag: options.noColor, environment: ProcessInfo.processInfo.environment,
                outputIsTerminal: StandardStreams.outputIsTerminal)
            return TextReport.render(files, style: style)
        case .json: return JSONReport.render(files)
        case .github: return GitHubReport.render(files)
        case .sarif: return SARIFReport.render(files)
        }
    }
}
