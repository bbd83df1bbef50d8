import JSONSyntax
import ScenarioModel

/// A condition's `action` string with the cursor in it, read as the tag
/// language. Offsets into `markup` are UTF-8 offsets of the decoded action;
/// `outer` maps them to the document, through the action's escapes and, for
/// a script inside `instructions`, through that string's escapes too.
public struct ActionFocus: Sendable {
    public let focus: FocusedTree
    public let occurrence: ScriptOccurrence
    public let condition: ConditionView
    /// The `action` string node, in `focus.tree`.
    public let string: SyntaxNode
    public let decoded: DecodedString
    public let markup: ActionMarkup
    /// The cursor in the decoded action.
    public let offset: Int

    /// The action under `focus`'s position, when it is between the quotes of
    /// a condition's `action` in a script.
    public init?(_ focus: FocusedTree) {
        guard case .stringContent(let string, let decodedOffset) = focus.tree.location(at: focus.offset),
              let member = string.parent, member.kind == .member, member.keyName == "action",
              let conditionNode = member.parent, let array = conditionNode.parent, array.kind == .array,
              let occurrence = focus.script(containing: string),
              let condition = occurrence.script.conditions.first(where: { $0.node == conditionNode }) else { return nil }
        self.init(focus: focus, occurrence: occurrence, condition: condition, string: string, offset: decodedOffset)
    }

    public init(focus: FocusedTree, occurrence: ScriptOccurrence, condition: ConditionView, string: SyntaxNode, offset: Int) {
        self.focus = focus
        self.occurrence = occurrence
        self.condition = condition
        self.string = string
        decoded = string.decoded
        markup = ActionParser.parse(decoded.value)
        self.offset = offset
    }

    /// The document range of a range of the decoded action.
    public func outer(_ range: Range<Int>) -> TextRange {
        focus.outer(decoded.sourceRange(ofDecoded: range))
    }

    /// The element the cursor is in or just after (where typing goes on).
    public var element: ActionElement? {
        markup.elements.last { $0.range.lowerBound < offset && offset <= $0.range.upperBound }
            ?? markup.elements.first { $0.range.lowerBound == offset }
    }
}
