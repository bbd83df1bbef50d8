import JSONSyntax
import ScenarioModel

/// A piece of an action string in the tag language, for colouring, in
/// document bytes.
public struct ActionToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, CaseIterable {
        /// `<silence` and the `>` or `/>` that ends the tag.
        case tag
        case closingTag
        case attributeName
        /// With its quotes.
        case attributeValue
        /// The braces, namespace and punctuation of `{{…}}`.
        case placeholder
        /// A test-profile key or a function's output.
        case placeholderKey
        case placeholderFunction
        /// `[laughter]`.
        case marker
    }

    public var range: TextRange
    public var kind: Kind
}

/// The tag language of every condition's `action` in every script, those in
/// `instructions` too, as tokens: in document order and never overlapping (a
/// placeholder inside an attribute value splits the value).
public enum ActionTokens {
    /// The tokens that meet `range`, or all of them.
    public static func tokens(in document: ScenarioDocument, within range: TextRange? = nil) -> [ActionToken] {
        guard document.kind.kind != .unknown else { return [] }
        var tokens: [ActionToken] = []
        for occurrence in document.scripts {
            for condition in occurrence.script.conditions {
                guard let action = condition.actionNode, action.kind == .string,
                      range.map({ occurrence.outer(action.range).meets($0) }) ?? true,
                      action.withStringBytes(holdsMarkup) == true else { continue }
                let decoded = action.decoded
                for (piece, kind) in pieces(of: ActionParser.parse(decoded.value)) {
                    let token = ActionToken(range: occurrence.outer(decoded.sourceRange(ofDecoded: piece)), kind: kind)
                    if range.map(token.range.meets) ?? true { tokens.append(token) }
                }
            }
        }
        return tokens
    }

    /// Whether an action may hold a tag, a placeholder or a marker: the rest,
    /// plain speech, is not parsed.
    private static func holdsMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }
    }

    /// The tokens of one action, in its decoded bytes.
    private static func pieces(of markup: ActionMarkup) -> [(Range<Int>, ActionToken.Kind)] {
        var pieces: [(Range<Int>, ActionToken.Kind)] = []
        for element in markup.elements {
            switch element {
            case .tag(let tag):
                pieces.append((tag.range.lowerBound..<tag.nameRange.upperBound, .tag))
                for attribute in tag.attributes {
                    pieces.append((attribute.nameRange, .attributeName))
                    if let value = attribute.valueRange { pieces += valuePieces(value, of: attribute, in: markup) }
                }
                if tag.isTerminated { pieces.append((tag.range.upperBound - (tag.isSelfClosing ? 2 : 1)..<tag.range.upperBound, .tag)) }
            case .closingTag(let closing):
                pieces.append((closing.range, .closingTag))
            case .marker(_, let range):
                pieces.append((range, .marker))
            case .placeholder(let placeholder):
                pieces += placeholderPieces(placeholder, at: 0)
            case .text:
                break
            }
        }
        return pieces.filter { !$0.0.isEmpty }
    }

    /// An attribute's value with its quotes, split around the placeholders in it.
    private static func valuePieces(_ value: Range<Int>, of attribute: ActionAttribute, in markup: ActionMarkup) -> [(Range<Int>, ActionToken.Kind)] {
        let quoted = attribute.quoteByte != nil
        let closed = quoted && value.upperBound < markup.utf8.count && markup.utf8[value.upperBound] == attribute.quoteByte
        var pieces: [(Range<Int>, ActionToken.Kind)] = []
        var start = quoted ? value.lowerBound - 1 : value.lowerBound
        for placeholder in ActionParser.placeholders(in: attribute.value ?? "") {
            let shifted = placeholder.range.lowerBound + value.lowerBound
            pieces.append((start..<shifted, .attributeValue))
            pieces += placeholderPieces(placeholder, at: value.lowerBound)
            start = placeholder.range.upperBound + value.lowerBound
        }
        pieces.append((start..<(closed ? value.upperBound + 1 : value.upperBound), .attributeValue))
        return pieces
    }

    /// A placeholder's keys, and the braces and punctuation around them;
    /// `base` is where the text it was read from starts in the action.
    private static func placeholderPieces(_ placeholder: Placeholder, at base: Int) -> [(Range<Int>, ActionToken.Kind)] {
        let keys: [(Range<Int>, ActionToken.Kind)] = switch placeholder.kind {
        case .testProfile(let keys): keys.map { ($0.range, .placeholderKey) }
        case .function(let name, let output): [(name.range, .placeholderFunction)] + (output.map { [($0.range, .placeholderKey)] } ?? [])
        case .otherNamespace, .malformed: []
        }
        var pieces: [(Range<Int>, ActionToken.Kind)] = []
        var start = placeholder.range.lowerBound
        for (key, kind) in keys {
            pieces.append((start..<key.lowerBound, .placeholder))
            pieces.append((key, kind))
            start = key.upperBound
        }
        pieces.append((start..<placeholder.range.upperBound, .placeholder))
        return pieces.map { ($0.0.lowerBound + base..<$0.0.upperBound + base, $0.1) }
    }
}

extension TextRange {
    /// Whether the two share a byte.
    func meets(_ other: TextRange) -> Bool { start < other.end && other.start < end }
}
