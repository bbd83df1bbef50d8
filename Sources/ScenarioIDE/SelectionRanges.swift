import JSONSyntax
import ScenarioModel

/// Expanding the selection: the ranges around a position, innermost first,
/// each holding the one before. Inside an action the tag language comes first
/// (an attribute's value, the attribute, the tag, the block it opens; a
/// placeholder's key, its content, the placeholder), then the string's
/// content, the string, its member, its object, … up to the top-level value.
/// Inside a script written in `instructions`, the script's own nodes come
/// before the string that holds it.
public enum SelectionRanges {
    public static func chain(in document: ScenarioDocument, at offset: Int) -> [TextRange] {
        guard document.kind.kind != .unknown else { return [] }
        let focus = document.focus(at: offset)
        var chain: [TextRange] = []
        if let action = ActionFocus(focus) { chain += elementRanges(in: action).map(action.outer) }
        chain += nodeRanges(in: focus.tree, at: focus.offset).map(focus.outer)
        if focus.embedding != nil { chain += nodeRanges(in: document.tree, at: offset) }
        // Mapping through escapes can make two steps cover the same text; each step must grow.
        var nested: [TextRange] = []
        for range in chain where nested.last.map({ range.contains($0) && range != $0 }) ?? true { nested.append(range) }
        return nested
    }

    /// The node at `offset` and its ancestors, a string's content before the string.
    private static func nodeRanges(in tree: SyntaxTree, at offset: Int) -> [TextRange] {
        let node = tree.innermostNode(at: offset)
        guard node.kind != .document else { return [] }
        var ranges: [TextRange] = []
        if node.kind == .string, node.range.start < offset, node.contentRange.touches(offset) { ranges.append(node.contentRange) }
        ranges.append(node.range)
        ranges += node.ancestors.filter { $0.kind != .document }.map(\.range)
        return ranges
    }

    /// The tag-language element at the cursor and its parts, in the decoded action.
    private static func elementRanges(in action: ActionFocus) -> [Range<Int>] {
        let offset = action.offset, markup = action.markup
        func touches(_ range: Range<Int>) -> Bool { range.lowerBound <= offset && offset <= range.upperBound }
        // The element the cursor is in, else one it stands just after; text has no parts.
        let candidates = markup.elements.indices.filter { if case .text = markup.elements[$0] { false } else { true } }
        guard let index = candidates.first(where: { markup.elements[$0].range.contains(offset) })
                ?? candidates.first(where: { touches(markup.elements[$0].range) }) else { return [] }
        switch markup.elements[index] {
        case .tag(let tag):
            var ranges: [Range<Int>] = []
            if let attribute = tag.attributes.first(where: { touches($0.range) }) {
                if let value = attribute.valueRange, touches(value) {
                    ranges.append(value)
                } else if touches(attribute.nameRange) {
                    ranges.append(attribute.nameRange)
                }
                ranges.append(attribute.range)
            } else if touches(tag.nameRange) {
                ranges.append(tag.nameRange)
            }
            ranges.append(tag.range)
            if let closing = markup.closing(of: index) { ranges.append(tag.range.lowerBound..<markup.records[closing].range.upperBound) }
            return ranges
        case .closingTag(let closing):
            var ranges = touches(closing.nameRange) ? [closing.nameRange, closing.range] : [closing.range]
            if let opener = markup.records.indices.first(where: { markup.closing(of: $0) == index }) {
                ranges.append(markup.records[opener].range.lowerBound..<closing.range.upperBound)
            }
            return ranges
        case .placeholder(let placeholder):
            let keys: [Placeholder.Key] = switch placeholder.kind {
            case .testProfile(let keys): keys
            case .function(let name, let output): [name] + (output.map { [$0] } ?? [])
            case .otherNamespace, .malformed: []
            }
            return keys.filter { touches($0.range) }.prefix(1).map(\.range) + [placeholder.contentRange, placeholder.range]
        case .marker(_, let range):
            return [range]
        case .text:
            return []
        }
    }
}
