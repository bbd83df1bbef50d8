/// Why a call to the Cekura API did not give an answer, each case with a
/// message that tells the user what to do. Text that came from the server is
/// kept as it came, with the API key masked should the server echo it.
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingAPIKey
    case invalidBaseURL(String)
    /// Plain HTTP to another machine: the key would cross the network in clear.
    case insecureBaseURL(String)
    /// 401 or 403; `keySource` says where the key came from (never the key).
    case keyRejected(status: Int, detail: String?, keySource: String)
    case notFound(subject: String, detail: String?)
    /// A text run for an agent without a chat provider or websocket URL.
    case agentNotConfiguredForText(agentID: Int, detail: String)
    case validation(APIValidationFailure)
    /// 429 after the allowed retries, or with a wait longer than the client will sit out.
    case rateLimited(retryAfterSeconds: Int?)
    /// 5xx after the allowed retries.
    case serverUnavailable(status: Int)
    /// No connection, or one that broke before the whole answer came.
    case unreachable(host: String, reason: String)
    case malformedResponse(subject: String, reason: String)
    /// One request took longer than the request timeout.
    case timedOut(subject: String, seconds: Int)
    /// A wait for work on the server (a run, instruction generation) outlasted
    /// its deadline; the work goes on without us.
    case deadlineExceeded(subject: String, seconds: Int, lastState: String)
    /// The server says the job it ran for us failed.
    case jobFailed(subject: String, reason: String?)
    case cancelled
    /// A status no case above stands for (409, 405, a redirect, …).
    case unexpectedStatus(status: Int, subject: String, detail: String?)

    public var description: String { message }

    public var message: String {
        switch self {
        case .missingAPIKey:
            return "No Cekura API key. Set CEKURA_API_KEY in the editor's environment, the `apiKey` option of the cekura "
                + "settings, or `api_key = \"…\"` in ~/.cekura/config.toml; you find your keys in the Cekura dashboard."
        case .invalidBaseURL(let url):
            return "The Cekura API URL \"\(url)\" is not an http(s) URL without query or fragment; fix `apiUrl` in the "
                + "settings, CEKURA_API_URL or `api_url` in ~/.cekura/config.toml."
        case .insecureBaseURL(let url):
            return "Refusing to send the API key over plain HTTP to \(url): use https, or http only to this machine "
                + "(127.0.0.1, ::1, localhost)."
        case .keyRejected(let status, let detail, let keySource):
            let said = detail.map { ": \($0)" } ?? ""
            if status == 403 {
                return "The Cekura API refused access with \(keySource) (HTTP 403\(said)). The key may belong to another "
                    + "organization or project than this agent; check the agent and project ids and the key's scope."
            }
            return "The Cekura API rejected \(keySource) (HTTP \(status)\(said)). Check that the key is complete and not "
                + "revoked, or create a new one in the Cekura dashboard."
        case .notFound(let subject, let detail):
            return "The Cekura API found nothing for \(subject)\(detail.map { " (\($0))" } ?? ""). Check the id, and that it "
                + "belongs to the project of your API key."
        case .agentNotConfiguredForText(let agentID, let detail):
            return "Agent \(agentID) cannot run text scenarios: \(detail). Give the agent a chat provider or a websocket "
                + "URL in the Cekura dashboard, or run the scenarios by voice."
        case .validation(let failure):
            let summary = failure.summary
            return "The Cekura API refused the request" + (summary.isEmpty ? "." : ":\n" + summary)
        case .rateLimited(let seconds):
            return "The Cekura API is rate limiting this key" + (seconds.map { "; try again in \($0) s." } ?? "; try again shortly.")
                + " Plans have per-plan rate limits."
        case .serverUnavailable(let status):
            return "The Cekura API is not answering properly (HTTP \(status)) after several tries; try again in a few "
                + "minutes."
        case .unreachable(let host, let reason):
            return "Cannot reach the Cekura API at \(host): \(reason). Check the network, a proxy, or the API URL."
        case .malformedResponse(let subject, let reason):
            return "The Cekura API sent an answer about \(subject) that cekura-lsp cannot read (\(reason)). Try again; if it persists, "
                + "the API may have changed and cekura-lsp needs an update."
        case .timedOut(let subject, let seconds):
            return "The Cekura API did not answer the request for \(subject) within \(seconds) s; try again later."
        case .deadlineExceeded(let subject, let seconds, let lastState):
            return "Stopped waiting for \(subject) after \(seconds) s (last seen: \(lastState)). It goes on running on "
                + "Cekura; look it up in the dashboard."
        case .jobFailed(let subject, let reason):
            return "The Cekura API could not complete \(subject)" + (reason.map { ": \($0)" } ?? "") + "."
        case .cancelled:
            return "Cancelled."
        case .unexpectedStatus(let status, let subject, let detail):
            return "The Cekura API answered the request for \(subject) with HTTP \(status)\(detail.map { ": \($0)" } ?? "")."
        }
    }
}
