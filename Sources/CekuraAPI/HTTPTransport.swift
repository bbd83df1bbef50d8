import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An answer with any status, as it came.
struct HTTPAnswer: Sendable {
    let status: Int
    let retryAfter: String?
    let body: Data
}

/// URLSession without redirects, cookies or a cache: one exchange at a time,
/// cancelled when the calling task is, and ended after a timeout of its own
/// (URLSession's `timeoutInterval` is an idle timeout, and on Linux whole
/// seconds only).
final class HTTPTransport: Sendable {
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    func exchange(_ request: URLRequest, timeout: Duration) async -> Result<HTTPAnswer, URLError> {
        let handle = TaskHandle()
        let timer = Task {
            try await Task.sleep(for: timeout)
            handle.timeOut()
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(returning: .failure(handle.didTimeOut ? URLError(.timedOut) : Self.urlError(error)))
                    } else if let response = response as? HTTPURLResponse {
                        continuation.resume(returning: .success(HTTPAnswer(
                            status: response.statusCode, retryAfter: response.value(forHTTPHeaderField: "Retry-After"),
                            body: data ?? Data())))
                    } else {
                        continuation.resume(returning: .failure(URLError(.badServerResponse)))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }

    private static func urlError(_ error: any Error) -> URLError {
        if let error = error as? URLError { return error }
        let error = error as NSError
        let code = error.domain == NSURLErrorDomain ? URLError.Code(rawValue: error.code) : nil
        return URLError(code ?? .unknown, userInfo: error.userInfo)
    }
}

/// The task of one exchange, for a cancellation that may come before it starts.
private final class TaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var isCancelled = false
    private var timedOut = false

    var didTimeOut: Bool { lock.withLock { timedOut } }

    func timeOut() {
        lock.withLock { timedOut = true }
        cancel()
    }

    func start(_ task: URLSessionDataTask) {
        let cancelledAlready = lock.withLock {
            self.task = task
            return isCancelled
        }
        task.resume()
        if cancelledAlready { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            isCancelled = true
            return self.task
        }
        task?.cancel()
    }
}

/// The API's paths are exact (with their trailing slash), so a redirect is a
/// mistake to report, not to follow: a POST may lose its body, and another
/// host would receive the API key header.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
