import JSONSyntax

/// Where the server's messages go: standard output in the executable, a list
/// in the tests. Calls come from several queues; a sink writes each message
/// whole.
public protocol MessageSink: Sendable {
    func send(_ message: JSONValue)
}
