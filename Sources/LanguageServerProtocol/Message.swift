import JSONSyntax

/// One JSON-RPC 2.0 message as it arrives: a request (it has an id and a
/// method), a notification (a method and no id) or a response to a request
/// the server sent.
public enum Message: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    case response(id: RequestID, result: Result<JSONValue, ResponseError>)

    /// Why a body is not a message, and the id to answer when one can be read.
    public struct DecodingFailure: Error, Equatable, Sendable {
        public var error: ResponseError
        /// The id to answer with; nil answers with `"id": null`.
        public var id: RequestID?
        /// False for bodies that cannot be answered (a broken response, a
        /// notification): they are only logged.
        public var answerable: Bool
    }

    public static func decode(_ body: [UInt8]) -> Result<Message, DecodingFailure> {
        guard let value = JSONValue(parsing: body) else {
            return .failure(DecodingFailure(error: .parseError("the message body is not valid JSON"), id: nil, answerable: true))
        }
        guard case .object = value else {
            return .failure(DecodingFailure(error: .invalidRequest("a JSON-RPC message is an object"), id: nil, answerable: true))
        }
        let id = value["id"].flatMap(RequestID.init)
        // A present but unusable id (`true`, `{}`) cannot be echoed: answer with null.
        let idIsValid = value["id"].map { $0.isNull || id != nil } ?? true
        guard value["jsonrpc"]?.stringValue == "2.0" else {
            return .failure(DecodingFailure(error: .invalidRequest("\"jsonrpc\" must be \"2.0\""), id: id, answerable: true))
        }
        guard idIsValid else {
            return .failure(DecodingFailure(error: .invalidRequest("\"id\" must be a number or a string"), id: nil, answerable: true))
        }
        if let methodValue = value["method"] {
            guard let method = methodValue.stringValue else {
                return .failure(DecodingFailure(error: .invalidRequest("\"method\" must be a string"), id: id, answerable: true))
            }
            let params = value["params"] ?? .null
            switch params {
            case .object, .array, .null: break
            default:
                return .failure(DecodingFailure(error: .invalidRequest("\"params\" must be an object or an array"), id: id,
                                                answerable: id != nil))
            }
            if let id { return .success(.request(id: id, method: method, params: params)) }
            return .success(.notification(method: method, params: params))
        }
        guard let id else {
            return .failure(DecodingFailure(error: .invalidRequest("a message needs a \"method\", or an \"id\" with a result"),
                                            id: nil, answerable: true))
        }
        if let error = value["error"] {
            let code = error["code"]?.intValue ?? ResponseError.internalErrorCode
            let message = error["message"]?.stringValue ?? ""
            return .success(.response(id: id, result: .failure(ResponseError(code: code, message: message, data: error["data"]))))
        }
        return .success(.response(id: id, result: .success(value["result"] ?? .null)))
    }

    /// The message as JSON, ready to frame.
    public var json: JSONValue {
        switch self {
        case .request(let id, let method, let params):
            return ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]
        case .notification(let method, let params):
            return ["jsonrpc": "2.0", "method": .string(method), "params": params]
        case .response(let id, .success(let result)):
            return ["jsonrpc": "2.0", "id": id.json, "result": result]
        case .response(let id, .failure(let error)):
            return ["jsonrpc": "2.0", "id": id.json, "error": error.json]
        }
    }

    /// An error response to a message that had no usable id.
    public static func errorWithoutID(_ error: ResponseError) -> JSONValue {
        ["jsonrpc": "2.0", "id": nil, "error": error.json]
    }

    /// The bytes to write: the header, then the body.
    public static func frame(_ value: JSONValue) -> [UInt8] {
        let body = value.serializedBytes
        var framed = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.reserveCapacity(framed.count + body.count)
        framed += body
        return framed
    }
}
