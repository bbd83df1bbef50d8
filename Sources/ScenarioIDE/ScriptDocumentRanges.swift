import JSONSyntax
import ScenarioModel

extension ScriptOccurrence {
    /// The document range of a range of the script's tree: the same range, or,
    /// for a script written inside `instructions`, the range it covers there
    /// through the string's escapes.
    func outer(_ range: TextRange) -> TextRange { embedding?.outerRange(range) ?? range }
}
