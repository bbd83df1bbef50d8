/// One fixture whose quick fixes a fix test applies, with what the file must
/// and must not contain after each fix.
struct FixCase: CustomStringConvertible, Sendable {
    struct Outcome: Sendable {
        var contains: [String] = []
        var lacks: [String] = []
    }

    /// `<code>/<file>` under Fixtures; the folder names the code whose fixes are applied.
    let fixture: String
    /// One per fix offered for that code, in the order of the diagnostics.
    let outcomes: [Outcome]

    init(_ fixture: String, _ outcomes: [Outcome]) {
        self.fixture = fixture
        self.outcomes = outcomes
    }

    var code: String { String(fixture.prefix { $0 != "/" }) }
    var description: String { fixture }
}
