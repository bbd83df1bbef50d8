import JSONSyntax
import LanguageServerProtocol
import Testing

/// Reading JSON-RPC messages, and the error each kind of bad body gets.
struct MessageTests {
    static func decode(_ text: String) -> Result<Message, Message.DecodingFailure> { Message.decode(Array(text.utf8)) }

    @Test func requestNotificationAndResponse() throws {
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#).get() == .request(id: .number(1), method: "shutdown", params: .null))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":"a","method":"m","params":[1]}"#).get()
            == .request(id: .string("a"), method: "m", params: [1]))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","method":"exit"}"#).get() == .notification(method: "exit", params: .null))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":3,"result":[null]}"#).get() == .response(id: .number(3), result: .success([nil])))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"no"}}"#).get()
            == .response(id: .number(3), result: .failure(ResponseError(code: -1, message: "no"))))
    }

    @Test(arguments: [
        (#"{"jsonrpc":"2.0","id":1,"method":"#, ResponseError.parseErrorCode, nil as RequestID?),
        (#"[1, 2]"#, ResponseError.invalidRequestCode, nil),
        (#"{"jsonrpc":"1.0","id":7,"method":"x"}"#, ResponseError.invalidRequestCode, RequestID.number(7)),
        (#"{"jsonrpc":"2.0","id":7,"method":12}"#, ResponseError.invalidRequestCode, RequestID.number(7)),
        (#"{"jsonrpc":"2.0","id":true,"method":"x"}"#, ResponseError.invalidRequestCode, nil),
        (#"{"jsonrpc":"2.0","id":7,"method":"x","params":3}"#, ResponseError.invalidRequestCode, RequestID.number(7)),
        (#"{"jsonrpc":"2.0"}"#, ResponseError.invalidRequestCode, nil),
        ("\u{FF}\u{FE}", ResponseError.parseErrorCode, nil),
    ])
    func badBodiesGetTheirError(body: String, code: Int, id: RequestID?) {
        guard case .failure(let failure) = Self.decode(body) else {
            Issue.record("accepted \(body)")
            return
        }
        #expect(failure.error.code == code)
        #expect(failure.id == id)
    }

    @Test func responsesAreWrittenWithTheirID() {
        let response = Message.response(id: .string("x"), result: .failure(.methodNotFound("foo"))).json.serialized
        #expect(response == #"{"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"unknown method \"foo\""}}"#)
        let framed = String(decoding: Message.frame(["a": "é"]), as: UTF8.self)
        #expect(framed == "Content-Length: 10\r\n\r\n{\"a\":\"é\"}")
    }
}
