import JSONSyntax
import ScenarioModel

/// The action tag language on its own: every action, placeholder and
/// `<function>` tag of every script checked, as `FileCheck` does as part of its
/// run. Public so that `cekura-bench` can time the layer against the full check
/// (the project's goal: it adds at most 30%).
public enum ActionLanguageLayer {
    public static func check(_ document: ScenarioDocument) -> [Diagnostic] {
        document.scripts.flatMap { ActionRules.check(ScriptParts($0)) }
    }
}
