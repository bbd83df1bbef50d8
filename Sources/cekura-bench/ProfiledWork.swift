import JSONSyntax
import ScenarioCheck
import ScenarioFixtures

/// One measured piece of work run alone, for a profiler: under callgrind the
/// instruction counts of `scripts` and `scripts-without-tags` give the tag
/// layer's share without the noise of other processes.
enum ProfiledWork: String {
    case scripts
    case scriptsWithoutTags = "scripts-without-tags"

    func run(times: Int) {
        var generator = SuiteGenerator()
        let bytes = Array(generator.scriptSuite().utf8)
        for _ in 0..<times {
            blackHole(FileCheck.run(SyntaxTree.parse(bytes), fileName: "cekura.tests.json", actionLanguage: self == .scripts))
        }
    }
}
