import JSONSyntax
import ScenarioModel
import Testing

/// A condition's text as the script engine reads it (scenario-format.md
/// §5.4.2), with ranges in UTF-8 offsets of the decoded text.
struct ConditionExpressionTests {
    /// The text of a range, to compare ranges readably.
    static func slice(_ text: String, _ range: TextRange) -> String {
        String(decoding: Array(text.utf8)[range.start..<range.end], as: UTF8.self)
    }

    @Test func firstMessageAndNaturalLanguage() {
        #expect(ConditionExpression.parse("FIRST_MESSAGE") == .firstMessage)
        #expect(ConditionExpression.parse(" FIRST_MESSAGE") == .naturalLanguage)
        #expect(ConditionExpression.parse("The agent asks for your email") == .naturalLanguage)
        #expect(ConditionExpression.parse("The agent says it contains \"x\"") == .naturalLanguage)
        // Only the word `contains` starts an expression.
        #expect(ConditionExpression.parse("containsment is key") == .naturalLanguage)
        #expect(ConditionExpression.parse("Contains \"refund\"") == .naturalLanguage)
        #expect(ConditionExpression.parse("") == .naturalLanguage)
    }

    @Test func termsKeepTheirSpacesAndNonASCIIText() throws {
        let text = #"contains "pull " OR contains "délai" OR contains " 1234""#
        guard case .contains(let expression) = ConditionExpression.parse(text) else {
            Issue.record("not a contains expression")
            return
        }
        #expect(expression.terms.map(\.text) == ["pull ", "délai", " 1234"])
        #expect(expression.terms.map { Self.slice(text, $0.range) } == [#"contains "pull ""#, #"contains "délai""#, #"contains " 1234""#])
        #expect(expression.terms.map { Self.slice(text, $0.textRange) } == ["pull ", "délai", " 1234"])
        #expect(expression.junctions.map(\.op) == [.or, .or])
        #expect(!expression.mixesOperators)
    }

    @Test func mixedOperatorsAreSeen() throws {
        let text = #"contains "a" OR contains "b" AND contains "c""#
        guard case .contains(let expression) = ConditionExpression.parse(text) else {
            Issue.record("not a contains expression")
            return
        }
        #expect(expression.mixesOperators)
        #expect(Self.slice(text, expression.junctions[1].range) == "AND")
    }

    @Test(arguments: [
        (#"contains refund"#, "refund", "double quotes"),
        (#"contains "refund"#, #""refund"#, "never closed"),
        (#"contains "a" or contains "b""#, "or", "capitals"),
        (#"contains "a" OR"#, "OR", "must be followed"),
        (#"contains "a" OR refund"#, "refund", "must be followed"),
        (#"contains "he said "hi"""#, #"hi"""#, "cannot hold double quotes"),
        (#"contains "a" maybe"#, "maybe", "expected OR or AND"),
        (#"contains"#, "contains", "needs the text"),
        (#"  contains  "#, "contains", "needs the text"),
    ])
    func malformedExpressionsSayWhereAndWhy(text: String, marked: String, words: String) {
        guard case .malformedContains(let problem) = ConditionExpression.parse(text) else {
            Issue.record("\(text) should be malformed")
            return
        }
        #expect(Self.slice(text, problem.range) == marked, "\(text)")
        #expect(problem.message.contains(words), "\(problem.message)")
    }
}

/// The JSONPath subset of `response_mapping` (scenario-format.md §5.5).
struct ResponsePathTests {
    @Test(arguments: ["$", "$.data.status", "$.items[0].sku", "$.route[-1].hub", #"$.meta["order-id"]"#, "$.adresse.ville_départ", "$[2]"])
    func supportedPathsHaveNoProblems(path: String) {
        #expect(ResponsePath.problems(in: path).isEmpty, "\(path): \(ResponsePath.problems(in: path).map(\.message))")
    }

    @Test(arguments: [
        ("$..price", "..", "recursive descent"),
        ("$.items[*].sku", "[*]", "wildcards"),
        ("$.items.*", ".*", "wildcards"),
        ("$.items[?(@.price > 10)]", "[?(@.price > 10)]", "filters"),
        ("$.items[0:2]", "[0:2]", "slices"),
        ("$.items[0,1]", "[0,1]", "unions"),
        ("$.items[first]", "[first]", "index"),
        ("$.meta.order-id", ".order-id", "bracket form"),
        ("data.status", "d", "starts with `$`"),
        ("$.a.", ".", "followed by a key"),
        ("$.a[0", "[0", "never closed"),
        ("$data", "d", "expected"),
    ])
    func unsupportedPathsAreErrorsAtTheirSegment(path: String, marked: String, words: String) throws {
        let problems = ResponsePath.problems(in: path)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(!problem.isUndocumented)
        #expect(ConditionExpressionTests.slice(path, problem.range) == marked, "\(path)")
        #expect(problem.message.contains(words), "\(problem.message)")
    }

    @Test func singleQuotedBracketsAreUndocumentedAndRewritten() throws {
        let problems = ResponsePath.problems(in: "$.route['last'].hub")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.isUndocumented)
        #expect(ConditionExpressionTests.slice("$.route['last'].hub", problem.range) == "['last']")
        #expect(problem.rewrite == #"$.route["last"].hub"#)
    }

    @Test func rewritesIntoTheSupportedForm() {
        #expect(ResponsePath.problems(in: "data.status").first?.rewrite == "$.data.status")
        #expect(ResponsePath.problems(in: "$.meta.order-id.value").first?.rewrite == #"$.meta["order-id"].value"#)
        #expect(ResponsePath.problems(in: "").first?.range == TextRange(0, 0))
    }
}
