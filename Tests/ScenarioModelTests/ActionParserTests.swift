import JSONSyntax
import ScenarioModel
import Testing

@Suite("Action tag language")
struct ActionParserTests {
    private func slice(_ markup: ActionMarkup, _ range: Range<Int>) -> String {
        String(decoding: Array(markup.text.utf8)[range], as: UTF8.self)
    }

    @Test func textTagsMarkersAndPlaceholdersInOrder() {
        let markup = ActionParser.parse(#"Hold on [laughter] <silence time="1.5s" /> it's {{test_profile.name}} <endcall />"#)
        let kinds = markup.elements.map { element -> String in
            switch element {
            case .text: "text"
            case .tag(let tag): "tag:\(tag.name)"
            case .closingTag(let tag): "close:\(tag.name)"
            case .marker(let name, _): "marker:\(name)"
            case .placeholder: "placeholder"
            }
        }
        #expect(kinds == ["text", "marker:laughter", "text", "tag:silence", "text", "placeholder", "text", "tag:endcall"])
        let silence = markup.tags[0]
        #expect(silence.isSelfClosing && silence.isTerminated)
        #expect(slice(markup, silence.range) == #"<silence time="1.5s" />"#)
        #expect(silence.attribute("time")?.value == "1.5s")
        #expect(slice(markup, silence.attribute("time")!.valueRange!) == "1.5s")
        #expect(silence.attribute("time")?.quote == "\"")
    }

    @Test func plainLessThanIsText() {
        let markup = ActionParser.parse("if x < 5 or x <= 3, say <3 and [see below] [1]")
        #expect(markup.tags.isEmpty)
        #expect(markup.elements.allSatisfy { if case .text = $0 { true } else { false } })
    }

    @Test func blocksPairWithTheirClosingTags() {
        let markup = ActionParser.parse(#"<voice provider="cartesia" id="x">It's his wife. <silence time="1s" /> Bye.</voice> <endcall />"#)
        let voice = 0
        let closing = markup.elements.firstIndex { if case .closingTag = $0 { true } else { false } }
        #expect(markup.closing(of: voice) == closing)
        let silenceIndex = markup.elements.firstIndex { if case .tag(let tag) = $0 { tag.name == "silence" } else { false } }!
        #expect(markup.enclosingBlocks(of: silenceIndex) == [voice])
        #expect(markup.enclosingBlocks(of: voice).isEmpty)
        #expect(markup.closing(of: silenceIndex) == nil)
        #expect(markup.unclosed.isEmpty && markup.strayClosings.isEmpty)
    }

    @Test func nestedBlocksCloseWithTheBlockAroundThem() {
        // 0 <voice>, 1 <ignore_interruptions>, 2 <spell>, 3 text, 4 </ignore_interruptions>, 5 text, 6 </voice>, 7 text, 8 </spell>
        let markup = ActionParser.parse("<voice provider=\"x\"><ignore_interruptions><spell>AB</ignore_interruptions> hi</voice> x</spell>")
        #expect(markup.elements.count == 9)
        #expect(markup.enclosingBlocks(of: 3) == [0, 1, 2])
        #expect(markup.enclosingBlocks(of: 2) == [0, 1])
        #expect(markup.closing(of: 1) == 4)
        #expect(markup.closing(of: 2) == nil)
        #expect(markup.enclosingBlocks(of: 4) == [0])
        #expect(markup.enclosingBlocks(of: 5) == [0])
        #expect(markup.closing(of: 0) == 6)
        #expect(markup.enclosingBlocks(of: 7).isEmpty)
        #expect(markup.unclosed == [2])
        #expect(markup.strayClosings == [8])
    }

    @Test func aSelfClosingTagWithoutItsSlashOpensNothing() {
        let markup = ActionParser.parse("Bye <endcall> and <spell>AB</spell>")
        #expect(markup.unclosed.isEmpty)
        #expect(markup.tags.first { $0.name == "endcall" }?.isSelfClosing == false)
        let spell = markup.elements.firstIndex { if case .tag(let tag) = $0 { tag.name == "spell" } else { false } }!
        #expect(markup.enclosingBlocks(of: spell).isEmpty)
    }

    @Test func unclosedBlocksAndStrayClosings() {
        let markup = ActionParser.parse("<spell>AB </ignore_interruptions>")
        #expect(markup.unclosed == [0])
        #expect(markup.strayClosings.count == 1)
    }

    @Test func quotedValuesMayHoldMarkupAndSingleQuotesCarryJSON() {
        let markup = ActionParser.parse(#"<ivr text="Menu <hold time='2s' /> please" /><client_message t="open" d='{"form":"address"}' />"#)
        #expect(markup.tags.map(\.name) == ["ivr", "client_message"])
        #expect(markup.tags[0].attribute("text")?.value == "Menu <hold time='2s' /> please")
        #expect(markup.tags[1].attribute("d")?.value == #"{"form":"address"}"#)
        #expect(markup.tags[1].attribute("d")?.quote == "'")
    }

    @Test func unquotedAndValuelessAttributes() {
        let tag = ActionParser.parse("<silence time=2s flag/>").tags[0]
        #expect(tag.attribute("time")?.quote == nil)
        #expect(tag.attribute("time")?.value == "2s")
        #expect(tag.attribute("flag")?.value == nil)
        #expect(tag.isSelfClosing)
    }

    @Test func aTagThatBreaksOffIsKeptUnterminated() {
        let markup = ActionParser.parse(#"Wait <silence time="2s"  "#)
        let tag = markup.tags[0]
        #expect(!tag.isTerminated)
        #expect(slice(markup, tag.range) == #"<silence time="2s""#)
    }

    @Test func placeholders() {
        let markup = ActionParser.parse(#"{{test_profile.address.city}} {{test_profile['full name']}} {{test_profile["order id"]}} {{function.lookup.eta}} {{firstName}} {{ test_profile.x }} {{test_profile}} {{oops"#)
        let kinds = markup.placeholders.map(\.kind)
        guard case .testProfile(let path) = kinds[0] else { Issue.record("\(kinds[0])"); return }
        #expect(path.map(\.name) == ["address", "city"])
        #expect(slice(markup, path[1].range) == "city")
        guard case .testProfile(let quoted) = kinds[1], case .testProfile(let doubleQuoted) = kinds[2] else { Issue.record("brackets"); return }
        #expect(quoted.map(\.name) == ["full name"] && doubleQuoted.map(\.name) == ["order id"])
        guard case .function(let name, let output) = kinds[3] else { Issue.record("\(kinds[3])"); return }
        #expect(name.name == "lookup" && output?.name == "eta")
        #expect(slice(markup, output!.range) == "eta")
        guard case .otherNamespace("firstName") = kinds[4] else { Issue.record("\(kinds[4])"); return }
        for index in 5...7 {
            guard case .malformed = kinds[index] else { Issue.record("\(index): \(kinds[index])"); return }
        }
        #expect(!markup.placeholders[7].isTerminated)
    }

    /// The issue's own example: a diagnostic underlines `silense` inside the
    /// escaped JSON string.
    @Test func rangesMapThroughTheStringEscapes() throws {
        let source = #"{"action": "Wait <silense time=\"2s\"/>"}"#
        let tree = SyntaxTree(source)
        let string = try #require(tree.root?[key: "action"])
        let decoded = string.decoded
        let markup = ActionParser.parse(decoded.value)
        let tag = try #require(markup.tags.first)
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: tag.nameRange)) == "silense")
        let time = try #require(tag.attribute("time")?.valueRange)
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: time)) == "2s")
        #expect(tree.text(in: decoded.sourceRange(ofDecoded: tag.range)) == #"<silense time=\"2s\"/>"#)
    }

    @Test func rangesAfterNonASCIIText() {
        let markup = ActionParser.parse("Grüße, 日本 🎉 <endcall />")
        #expect(slice(markup, markup.tags[0].range) == "<endcall />")
    }

    @Test(arguments: TagFacts.all.map(\.example))
    func everyCatalogueExampleParsesToItsTag(example: String) {
        let markup = ActionParser.parse(example)
        #expect(markup.tags.first.map { TagFacts.tag($0.name) != nil } == true)
        #expect(markup.unclosed.isEmpty && markup.strayClosings.isEmpty)
        let allTerminated = markup.tags.allSatisfy(\.isTerminated)
        #expect(allTerminated)
    }
}
