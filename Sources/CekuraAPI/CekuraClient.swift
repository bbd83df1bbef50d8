import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JSONSyntax

/// The Cekura API, as the editor commands use it: each call is an async
/// function that returns a typed answer or throws an `APIError` with a
/// message for the user. Calls are cancelled with their task. Nothing is sent
/// until a function is called, and nothing ever writes the key outside the
/// request header: server text that echoes it is masked before it is read.
public final class CekuraClient: Sendable {
    public let configuration: APIConfiguration
    public let retry: RetryPolicy
    public let polling: PollingPolicy
    let clock: any APIClock
    let cache: CatalogCache?
    private let userAgent: String
    private let transport = HTTPTransport()

    /// `userAgent` is `cekura-lsp/<version>`; `cache` nil keeps catalogs in no file.
    public init(configuration: APIConfiguration, userAgent: String = "cekura-lsp", retry: RetryPolicy = RetryPolicy(),
                polling: PollingPolicy = PollingPolicy(), clock: any APIClock = SystemClock(),
                cache: CatalogCache? = CatalogCache(directory: CatalogCache.defaultDirectory())) {
        self.configuration = configuration
        self.userAgent = userAgent
        self.retry = retry
        self.polling = polling
        self.clock = clock
        self.cache = cache
    }

    /// One call: where, what, and whether sending it twice could do something twice.
    struct Call {
        enum Replay {
            /// Reads, dry runs, ending calls: the same effect however often sent.
            case idempotent
            /// Starts runs or jobs (and bills them): sent again only when it cannot have arrived.
            case startsWork
        }

        var method = "GET"
        var path: String
        var query: [(name: String, value: String)] = []
        var body: JSONValue?
        var replay = Replay.idempotent
        /// What the call is about, for messages: `result 88231`.
        var subject: String
    }

    private enum Step {
        case answer(JSONValue)
        case fail(APIError)
        case retry(after: Duration)
    }

    /// Sends a call with the retry policy; the answer's JSON (null for an empty body).
    func send(_ call: Call) async throws(APIError) -> JSONValue {
        let base = try configuration.checkedBaseURL()
        guard let credentials = configuration.credentials else { throw .missingAPIKey }
        let request = try urlRequest(call, base: base, key: credentials.apiKey)
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled }
            let outcome = await transport.exchange(request, timeout: retry.requestTimeout)
            switch step(after: outcome, of: call, attempt: attempt, host: base.host ?? configuration.baseURL,
                        credentials: credentials) {
            case .answer(let value): return value
            case .fail(let error): throw error
            case .retry(let wait):
                do { try await clock.sleep(for: wait) } catch { throw .cancelled }
                attempt += 1
            }
        }
    }

    private func urlRequest(_ call: Call, base: URL, key: String) throws(APIError) -> URLRequest {
        guard var components = URLComponents(string: configuration.baseURL + call.path) else {
            throw .invalidBaseURL(configuration.baseURL)
        }
        if !call.query.isEmpty { components.queryItems = call.query.map { URLQueryItem(name: $0.name, value: $0.value) } }
        guard let url = components.url else { throw .invalidBaseURL(configuration.baseURL) }
        var request = URLRequest(url: url)
        request.httpMethod = call.method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(key, forHTTPHeaderField: "X-CEKURA-API-KEY")
        if let body = call.body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.serialized.utf8)
        }
        return request
    }

    private func step(after outcome: Result<HTTPAnswer, URLError>, of call: Call, attempt: Int, host: String,
                      credentials: APICredentials) -> Step {
        let mayRetry = attempt < retry.attempts
        let idempotent = call.replay == .idempotent
        let answer: HTTPAnswer
        switch outcome {
        case .success(let value):
            answer = value
        case .failure(let error):
            switch error.code {
            case .cancelled:
                return .fail(.cancelled)
            case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
                // The request never left: trying again cannot start anything twice.
                return mayRetry ? .retry(after: retry.backoff(after: attempt)) : .fail(.unreachable(host: host, reason: Self.reason(error)))
            case .timedOut:
                return mayRetry && idempotent ? .retry(after: retry.backoff(after: attempt))
                    : .fail(.timedOut(subject: call.subject, seconds: Int(retry.requestTimeout.timeInterval.rounded(.up))))
            default:
                return mayRetry && idempotent ? .retry(after: retry.backoff(after: attempt))
                    : .fail(.unreachable(host: host, reason: Self.reason(error)))
            }
        }

        let body = Self.masked(answer.body, key: credentials.apiKey)
        let json = JSONValue(parsing: body)
        let detail = json.flatMap(Self.detail) ?? Self.shortText(body)
        let retryAfter = RetryPolicy.retryAfter(answer.retryAfter, now: clock.now())
        switch answer.status {
        case 200..<300:
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .answer(.null) }
            guard let json else { return .fail(.malformedResponse(subject: call.subject, reason: "the body is not JSON")) }
            return .answer(json)
        case 429:
            // The throttle refuses before the view runs, so even a run start was not made.
            let wait = retryAfter ?? retry.backoff(after: attempt)
            if mayRetry && wait <= retry.longestRetryAfter { return .retry(after: wait) }
            return .fail(.rateLimited(retryAfterSeconds: retryAfter.map { Int($0.timeInterval) }))
        case 500..<600:
            let wait = (answer.status == 503 ? retryAfter : nil) ?? retry.backoff(after: attempt)
            if mayRetry && idempotent && wait <= retry.longestRetryAfter { return .retry(after: wait) }
            return .fail(.serverUnavailable(status: answer.status))
        case 401, 403:
            return .fail(.keyRejected(status: answer.status, detail: detail, keySource: credentials.description))
        case 404:
            return .fail(.notFound(subject: call.subject, detail: detail))
        case 400, 422:
            guard let json else { return .fail(.unexpectedStatus(status: answer.status, subject: call.subject, detail: detail)) }
            return .fail(.validation(APIValidationFailure(body: json)))
        default:
            return .fail(.unexpectedStatus(status: answer.status, subject: call.subject, detail: detail))
        }
    }

    /// The body with every occurrence of the key replaced, before anything reads it.
    private static func masked(_ body: Data, key: String) -> [UInt8] {
        let bytes = [UInt8](body)
        let keyBytes = Array(key.utf8)
        guard !keyBytes.isEmpty, bytes.count >= keyBytes.count else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == keyBytes[0], index + keyBytes.count <= bytes.count, Array(bytes[index..<index + keyBytes.count]) == keyBytes {
                out += Array("[redacted]".utf8)
                index += keyBytes.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// The one message of an error body: `{"detail": …}`, a bare list, or `message`/`error`.
    private static func detail(_ body: JSONValue) -> String? {
        body.text("detail") ?? body[0]?.stringValue ?? body.text("message") ?? body.text("error")
    }

    /// A short plain-text body (a proxy's error line), never a whole HTML page.
    private static func shortText(_ body: [UInt8]) -> String? {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 200, !text.hasPrefix("<") else { return nil }
        return text
    }

    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "the connection was refused"
        case .cannotFindHost, .dnsLookupFailed: "the host name does not resolve"
        case .notConnectedToInternet: "this machine is offline"
        case .networkConnectionLost: "the connection dropped before the whole answer came"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot:
            "the TLS connection could not be established"
        default: "the connection broke off (\(error.localizedDescription))"
        }
    }
}

/// How often the client looks at work that runs on the server, and for how long.
public struct PollingPolicy: Sendable, Equatable {
    /// Results: every `firstInterval` during `firstPeriod` (text runs often end
    /// in seconds), then every `laterInterval`.
    public var firstInterval: Duration
    public var firstPeriod: Duration
    public var laterInterval: Duration
    public var instructionInterval: Duration
    /// Polls in a row that may fail for a passing reason (server down, network)
    /// before a wait gives up: a long run should outlive a short outage.
    public var toleratedFailures: Int

    public init(firstInterval: Duration = .seconds(2), firstPeriod: Duration = .seconds(20), laterInterval: Duration = .seconds(5),
                instructionInterval: Duration = .seconds(2), toleratedFailures: Int = 3) {
        self.firstInterval = firstInterval
        self.firstPeriod = firstPeriod
        self.laterInterval = laterInterval
        self.instructionInterval = instructionInterval
        self.toleratedFailures = toleratedFailures
    }
}
