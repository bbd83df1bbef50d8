import CekuraAPI
import JSONSyntax
import Testing

/// Error bodies in each shape the API uses become messages with the path they are about.
struct ErrorBodyTests {
    private func problems(_ body: JSONValue) -> [String] {
        APIValidationFailure(body: body).problems.map { "\($0.path.apiString)|\($0.message)" }
    }

    @Test func testsAsCodeErrorsKeepTheirPaths() throws {
        let body: JSONValue = ["errors": ["scenarios[0].instructions": ["Instructions are required."],
                                          "scenarios[2].personality.voice_model": ["Unknown voice model.", "Pick one of the list."],
                                          "scenarios[3].metrics[1]": "No metric with slug 'x'."]]
        let failure = APIValidationFailure(body: body)
        #expect(failure.problems.map(\.path) == [
            JSONPath([.key("scenarios"), .index(0), .key("instructions")]),
            JSONPath([.key("scenarios"), .index(2), .key("personality"), .key("voice_model")]),
            JSONPath([.key("scenarios"), .index(2), .key("personality"), .key("voice_model")]),
            JSONPath([.key("scenarios"), .index(3), .key("metrics"), .index(1)]),
        ])
        #expect(failure.problems.map(\.message) == ["Instructions are required.", "Unknown voice model.", "Pick one of the list.",
                                                     "No metric with slug 'x'."])
        #expect(failure.summary.hasPrefix("scenarios[0].instructions: Instructions are required.\n"))
    }

    @Test func aKeyOutsideThePathFormIsOneFieldName() {
        #expect(problems(["errors": ["first name]": ["Bad."]]]) == [#"["first name]"]|Bad."#])
    }

    @Test func fieldErrorsNestAsTheBodyDoes() {
        let body: JSONValue = ["name": ["Ensure this field has no more than 80 characters."],
                               "conditional_actions": ["conditions": [[:], ["type": ["\"loud\" is not a valid choice."]]]],
                               "non_field_errors": ["Give a personality or a test profile."]]
        #expect(problems(body) == [
            "name|Ensure this field has no more than 80 characters.",
            "conditional_actions.conditions[1].type|\"loud\" is not a valid choice.",
            "|Give a personality or a test profile.",
        ])
    }

    @Test func bareMessagesAreAboutTheWholeRequest() {
        #expect(problems(["Invalid personalities provided."]) == ["|Invalid personalities provided."])
        #expect(problems(["detail": "Not allowed."]) == ["|Not allowed."])
        #expect(problems([:]).isEmpty)
        #expect(problems(42).isEmpty)
    }
}
