import LanguageServerProtocol
import Testing

/// Framing by `Content-Length`: reads of any size, several messages in one
/// read, and bad headers skipped without losing the messages after them.
struct MessageFramerTests {
    static func frame(_ body: String, header: String? = nil) -> [UInt8] {
        Array((header ?? "Content-Length: \(body.utf8.count)\r\n\r\n").utf8) + Array(body.utf8)
    }

    static func events(_ reads: [[UInt8]], maximumLength: Int = 1 << 20) -> [MessageFramer.Event] {
        var framer = MessageFramer(maximumLength: maximumLength)
        var events: [MessageFramer.Event] = []
        for read in reads {
            framer.append(read)
            while let event = framer.next() { events.append(event) }
        }
        return events
    }

    static func message(_ body: String) -> MessageFramer.Event { .message(Array(body.utf8)) }

    @Test func oneReadHoldingTwoMessages() {
        let bytes = Self.frame(#"{"a":1}"#) + Self.frame(#"{"b":"é☕"}"#)
        #expect(Self.events([bytes]) == [Self.message(#"{"a":1}"#), Self.message(#"{"b":"é☕"}"#)])
    }

    @Test func messageSplitAtEveryByte() {
        let body = #"{"jsonrpc":"2.0","method":"x","params":{"t":"🚀 CJK 漢字"}}"#
        let bytes = Self.frame(body) + Self.frame("{}")
        #expect(Self.events(bytes.map { [$0] }) == [Self.message(body), Self.message("{}")])
    }

    @Test func contentTypeAndHeaderCaseAreAccepted() {
        let body = "{}"
        let bytes = Self.frame(body, header: "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")
        #expect(Self.events([bytes]) == [Self.message(body)])
    }

    @Test func headerWithoutLengthIsReportedAndTheNextMessageStillArrives() {
        let bytes = Array("Content-Type: x\r\n\r\n".utf8) + Self.frame("[1]")
        let events = Self.events([bytes])
        #expect(events.count == 2)
        if case .malformedHeader(let problem) = events[0] { #expect(problem.contains("Content-Length")) } else { Issue.record("\(events)") }
        #expect(events.last == Self.message("[1]"))
    }

    @Test func nonNumericLengthIsReported() {
        let events = Self.events([Array("Content-Length: ten\r\n\r\n".utf8) + Self.frame("{}")])
        #expect(events.count == 2)
        #expect(events.last == Self.message("{}"))
    }

    @Test func oversizedBodyIsSkippedWhole() {
        let big = String(repeating: "x", count: 300)
        let events = Self.events([Self.frame(big), Self.frame("{}")], maximumLength: 100)
        #expect(events == [.oversized(length: 300), Self.message("{}")])
    }

    @Test func garbageWithoutHeaderEndIsDroppedOnceItIsLong() {
        let garbage = Array(String(repeating: "garbage ", count: 2000).utf8) + Array("\n".utf8)
        let events = Self.events([garbage, Self.frame("{}")])
        #expect(events.first.map { if case .malformedHeader = $0 { true } else { false } } == true)
        #expect(events.last == Self.message("{}"))
    }

    @Test func incompleteBodyWaits() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: 9\r\n\r\n{\"a\":".utf8))
        #expect(framer.next() == nil)
        framer.append(Array("12}".utf8) + Array(" ".utf8))
        #expect(framer.next() == .message(Array(#"{"a":12} "#.utf8)))
    }
}
