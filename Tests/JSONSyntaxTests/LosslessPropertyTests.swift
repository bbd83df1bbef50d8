import Testing
@testable import JSONSyntax
import ScenarioFixtures

/// Damages realistic documents at random (seeded, so every run sees the same
/// cases) and checks that the parser survives and keeps its promises about
/// the tree's shape, whatever it is given.
@Suite("Lossless parsing of damaged input")
struct LosslessPropertyTests {
    static let scenario = #"""
    {
      "name": "Refund request \"urgent\" — café ☕",
      "personality": {"id": 12, "voice": "calm"},
      "instructions": "Ask for a refund.\nSay <silence time=\"2s\"/> then \u00e9\ud83d\ude00",
      "expected_outcome_prompt": "The agent offers a refund",
      "scenarios": [
        {
          "name": "日本語のテスト",
          "metrics": [1, 2.5, -3e+2, {"id": 7, "weight": 0.25}],
          "conditional_actions": {"conditions": [{"if": true, "then": null}, {"if": false}]},
          "tags": ["a", "b", "c\t"]
        },
        {"name": "empty", "metrics": [], "extra": {}}
      ],
      "test_profile": {"first name": "Ana", "a.b": "dots", "~/": "pointer"}
    }
    """#

    static let broken = "{\r\n  // a comment\r\n  name: 'x',\r\n  \"list\": [1 2, 3,],\r\n  \"n\": 007, /* block */\r\n  \"s\": \"open\r\n  \"t\": True,\r\n  \"deep\": [[[{\"a\": [\r\n"

    static let seeds: [[UInt8]] = [
        Array(scenario.utf8),
        Array(broken.utf8),
        [0xEF, 0xBB, 0xBF] + Array(#"[{"a": "\u12 \q", "b": NaN}, -Infinity]"#.utf8),
    ]

    /// Bytes worth inserting: JSON punctuation, quotes, escapes, comment
    /// starts, line ends, multi-byte characters and their broken halves.
    static let alphabet: [[UInt8]] = [
        [0x7B], [0x7D], [0x5B], [0x5D], [0x3A], [0x2C], [0x22], [0x27], [0x5C], [0x2F], [0x2A], [0x2F, 0x2F], [0x2F, 0x2A],
        [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x09], [0x00], [0x1F], Array("-0.e+".utf8), Array("true".utf8), Array("nul".utf8),
        Array("\\u".utf8), Array("\\ud83d".utf8), Array("é".utf8), Array("😀".utf8), [0xF0, 0x9F], [0xE6, 0x97], [0xFF], [0xC0, 0xAF],
        [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x80],
    ]

    static func mutate(_ input: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let length = min(bytes.count - start, Int.random(in: 0...12, using: &generator))
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                bytes.removeSubrange(start..<start + length)
            case 1:
                bytes.insert(contentsOf: alphabet.randomElement(using: &generator)!, at: start)
            case 2:
                let span = Array(bytes[start..<start + length])
                let target = Int.random(in: 0...bytes.count, using: &generator)
                bytes.insert(contentsOf: span, at: target)
            case 3:
                let random = (0..<Int.random(in: 1...4, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes.insert(contentsOf: random, at: start)
            default:
                if length > 0 {
                    bytes.replaceSubrange(start..<start + length, with: alphabet.randomElement(using: &generator)!)
                }
            }
        }
        return bytes
    }

    @Test func seedsParseAsExpected() {
        let clean = SyntaxTree.parse(Self.seeds[0])
        #expect(clean.diagnostics.isEmpty)
        #expect(invariantViolations(of: clean).isEmpty)
        for seed in Self.seeds.dropFirst() {
            let tree = SyntaxTree.parse(seed)
            #expect(tree.hasErrors)
            #expect(invariantViolations(of: tree) == [])
        }
    }

    @Test(arguments: 0..<8)
    func damagedDocumentsKeepTheTreesPromises(_ batch: Int) throws {
        var generator = SplitMix64(seed: 0xC0FFEE &+ UInt64(batch))
        for round in 0..<400 {
            let seed = Self.seeds[round % Self.seeds.count]
            let bytes = Self.mutate(seed, using: &generator)
            let tree = SyntaxTree.parse(bytes)
            let problems = invariantViolations(of: tree)
            #expect(problems.isEmpty, "batch \(batch) round \(round): \(problems.prefix(3)) in \(text(bytes).debugDescription)")
            guard problems.isEmpty else { return }

            // Every fix can be applied to the document it was offered on.
            for diagnostic in tree.diagnostics {
                for fix in diagnostic.fixes {
                    do { _ = try bytes.applying(fix.edits) } catch {
                        Issue.record("\(fix.title) for \(diagnostic.code)@\(diagnostic.range): \(error)")
                    }
                }
            }
            // The layers above walk the tree at any offset.
            let index = LineIndex(bytes)
            for _ in 0..<3 {
                let offset = Int.random(in: 0...bytes.count, using: &generator)
                _ = tree.location(at: offset)
                let node = tree.innermostNode(at: offset)
                _ = node.path.apiString
                let position = index.position(of: offset, in: .utf16)
                #expect(index.offset(of: position, in: .utf16) <= offset)
            }
            if let formatted = JSONFormatter.format(tree) {
                let reparsed = SyntaxTree(formatted)
                #expect(!reparsed.hasErrors)
                if let root = tree.root, let formattedRoot = reparsed.root { #expect(Value(formattedRoot) == Value(root)) }
            }
        }
    }

    @Test func everyPrefixOfTheScenario() {
        // What an editor sees while the file is typed from the top.
        let bytes = Self.seeds[0]
        for end in 0...bytes.count {
            let tree = SyntaxTree.parse(Array(bytes[..<end]))
            let problems = invariantViolations(of: tree)
            #expect(problems.isEmpty, "prefix of \(end) bytes: \(problems.prefix(3))")
            if !problems.isEmpty { return }
        }
    }
}
