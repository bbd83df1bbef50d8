import Foundation
import JSONSyntax
import LanguageServerProtocol
import Testing

/// The built `cekura-lsp` as a child process over pipes, as an editor starts
/// it: an exchange of framed messages both ways.
struct ServerProcessTests {
    /// A running server and the messages read from it so far.
    final class Child {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        private var framer = MessageFramer()

        init() throws {
            let executable = CommandLineRunner.executablePath
            guard FileManager.default.isExecutableFile(atPath: executable) else { throw BinaryNotFound(path: executable) }
            process.executableURL = URL(fileURLWithPath: executable)
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func send(_ json: String) {
            input.fileHandleForWriting.write(Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8))
        }

        /// The next message, read from the pipe as it arrives.
        func next() throws -> JSONValue {
            while true {
                if let event = framer.next() {
                    guard case .message(let body) = event else { throw FramingProblem(event: "\(event)") }
                    return try #require(JSONValue(parsing: body))
                }
                let chunk = output.fileHandleForReading.availableData
                try #require(!chunk.isEmpty, "the server closed its output")
                framer.append(chunk)
            }
        }

        func next(where accepts: (JSONValue) -> Bool) throws -> JSONValue {
            while true {
                let message = try next()
                if accepts(message) { return message }
            }
        }
    }

    @Test func editorSessionOverPipes() throws {
        let child = try Child()
        child.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16"]}},"initializationOptions":{"diagnostics":{"debounceMs":0}}}}"#)
        let initialized = try child.next { $0["id"] == 1 }
        #expect(initialized["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
        child.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        // 🚀 is two UTF-16 code units: the wrong `1` is at UTF-16 column 49.
        let text = #"{"suite": {"name": "🚀 漢字"}, "version": 1, "scenarios": [{"name": "n", "instructions": "i"}]}"#
        child.send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///p/cekura.tests.json","languageId":"json","version":1,"text":\#(text.jsonQuoted)}}}"#)
        let published = try child.next { $0["method"] == "textDocument/publishDiagnostics" }
        let diagnostic = try #require(published["params"]?["diagnostics"]?[0])
        #expect(diagnostic["code"] == "suite-version-invalid")
        let column = #"{"suite": {"name": "🚀 漢字"}, "version": "#.utf16.count
        #expect(diagnostic["range"]?["start"] == ["line": 0, "character": .integer(column)])
        child.send(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        #expect(try child.next { $0["id"] == 2 }["result"] == .null)
        child.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        child.process.waitUntilExit()
        #expect(child.process.terminationStatus == 0)
    }
}

struct FramingProblem: Error {
    let event: String
}
