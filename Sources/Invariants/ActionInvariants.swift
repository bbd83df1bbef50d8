import JSONSyntax
import ScenarioCheck
import ScenarioModel

extension Invariants {
    /// An action parses into ordered elements inside the text, each part
    /// inside its element; checked as a script's action, every diagnostic lies
    /// inside the document.
    public static func actions(_ bytes: [UInt8]) -> [String] {
        var violations = Violations()
        let text = String(decoding: bytes, as: UTF8.self)
        let markup = ActionParser.parse(text)
        let count = markup.utf8.count
        var end = 0
        for element in markup.elements {
            let range = element.range
            violations.check(range.lowerBound >= end && range.upperBound <= count && !range.isEmpty, "element \(element) out of order or outside the text")
            end = max(end, range.upperBound)
            switch element {
            case .tag(let tag):
                violations.check(tag.range.contains(tag.nameRange.lowerBound) && tag.nameRange.upperBound <= tag.range.upperBound, "tag name outside \(tag.range)")
                for attribute in tag.attributes {
                    violations.check(attribute.range.lowerBound >= tag.range.lowerBound && attribute.range.upperBound <= tag.range.upperBound,
                                     "attribute \(attribute.name) outside its tag")
                    if let value = attribute.valueRange {
                        violations.check(value.lowerBound >= attribute.range.lowerBound && value.upperBound <= attribute.range.upperBound,
                                         "value of \(attribute.name) outside its attribute")
                    }
                }
            case .placeholder(let placeholder):
                violations.check(placeholder.contentRange.lowerBound >= placeholder.range.lowerBound
                                 && placeholder.contentRange.upperBound <= placeholder.range.upperBound, "placeholder content outside its braces")
            default:
                break
            }
        }
        // The same text as the action of a script, escaped into its JSON.
        let script = #"{"role": "caller", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "", "type": "standard", "fixed_message": true}, "#
            + #"{"id": 1, "condition": "The agent greets", "action": \#(text.jsonQuoted), "type": "standard", "fixed_message": true}]}"#
        let tree = SyntaxTree(script)
        for diagnostic in FileCheck.run(tree, fileName: "script.json", decided: FileKindDecision(kind: .conditionalActions, reason: .shape)).diagnostics {
            violations.check(diagnostic.range.start >= 0 && diagnostic.range.end <= tree.bytes.count, "\(diagnostic.code) lies outside the script")
            for fix in diagnostic.fixes {
                violations.check((try? tree.bytes.applying(fix.edits)) != nil, "the fix \"\(fix.title)\" of \(diagnostic.code) does not apply")
            }
        }
        return violations.found
    }
}
