import JSONSyntax
import ScenarioModel

/// Placeholders in a suite case's text fields (scenario-format.md §7.2, §7.3):
/// `instructions` and `expected_outcome` take `{{test_profile…}}`, whose keys
/// follow the same rules as in actions; `{{function…}}` exists only in
/// scripts; `first_message` and `name` have no documented placeholders.
enum InstructionPlaceholderRules {
    static func check(_ suiteCase: SuiteCaseView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Looked up once, and only for a case whose texts hold a placeholder.
        var profile: TestProfileData??
        func testData() -> TestProfileData? {
            if profile == nil { profile = .some(TestProfileData(suiteCase)) }
            return profile ?? nil
        }
        for field in ["instructions", "expected_outcome", "first_message", "name"] {
            guard let node = suiteCase.value(field) else { continue }
            let takesTestProfile = field == "instructions" || field == "expected_outcome"
            StringLocation.checkPlaceholders(of: node, profile: testData, into: &diagnostics) { rules, found, diagnostics in
                if rules.checkForm(found, into: &diagnostics) { return }
                switch found.placeholder.kind {
                case .testProfile(let keys) where takesTestProfile:
                    rules.checkTestProfileKeys(keys, found, into: &diagnostics)
                default:
                    rules.checkUnsupported(found, field: "`\(field)`", into: &diagnostics)
                }
            }
        }
        return diagnostics
    }
}
