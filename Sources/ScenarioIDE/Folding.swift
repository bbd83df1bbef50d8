import JSONSyntax
import ScenarioModel

/// A part of a document the editor may fold: an object or an array over
/// several lines, or a run of comments.
public struct FoldingRegion: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case block, comment
    }

    public var startLine: Int
    public var endLine: Int
    public var kind: Kind
    /// For clients that fold within lines, the byte offsets where the folded
    /// text starts and ends: inside the brackets, so `{…}` stays in view.
    public var start: Int
    public var end: Int
}

/// Folding of scenario files. Only of those: a server that editors attach to
/// every JSON file would otherwise fold `package.json` too, next to the
/// editor's own JSON support, and the server leaves the files it does not take
/// for Cekura files alone, as its diagnostics do.
public enum Folding {
    /// The regions in document order. With `lineFoldingOnly` a block ends on
    /// the line before its closing bracket, so the bracket stays visible as
    /// editors show it; `limit` keeps the largest regions when there are more.
    public static func regions(in document: ScenarioDocument, lines: LineIndex, lineFoldingOnly: Bool, limit: Int? = nil) -> [FoldingRegion] {
        guard document.kind.kind != .unknown else { return [] }
        var regions: [FoldingRegion] = []
        collectBlocks(in: document.tree.document, lines: lines, lineFoldingOnly: lineFoldingOnly, into: &regions)
        regions += commentRuns(document.tree, lines: lines)
        // One region per start line, the outermost: editors fold by the line it starts on.
        var byStartLine: [Int: FoldingRegion] = [:]
        for region in regions where region.endLine > region.startLine {
            if let kept = byStartLine[region.startLine], kept.endLine >= region.endLine { continue }
            byStartLine[region.startLine] = region
        }
        var kept = Array(byStartLine.values)
        if let limit, kept.count > limit {
            kept = Array(kept.sorted { ($0.endLine - $0.startLine, $1.startLine) > ($1.endLine - $1.startLine, $0.startLine) }.prefix(max(0, limit)))
        }
        return kept.sorted { $0.startLine < $1.startLine }
    }

    private static func collectBlocks(in node: SyntaxNode, lines: LineIndex, lineFoldingOnly: Bool, into regions: inout [FoldingRegion]) {
        for child in node.children {
            if child.kind.isContainer {
                let range = child.range
                // An unclosed container runs to the end of the file; there is no bracket to keep in view.
                let close = child.isUnterminated ? range.end : range.end - 1
                let closeLine = lines.line(of: close)
                let endLine = lineFoldingOnly && !child.isUnterminated ? closeLine - 1 : closeLine
                regions.append(FoldingRegion(startLine: lines.line(of: range.start), endLine: endLine, kind: .block,
                                             start: min(range.start + 1, close), end: close))
            }
            collectBlocks(in: child, lines: lines, lineFoldingOnly: lineFoldingOnly, into: &regions)
        }
    }

    /// Comments on consecutive lines, each the first thing on its line (a
    /// comment after a value does not join: folding it would hide the value).
    private static func commentRuns(_ tree: SyntaxTree, lines: LineIndex) -> [FoldingRegion] {
        var runs: [FoldingRegion] = []
        for comment in tree.comments {
            let startLine = lines.line(of: comment.start)
            let endLine = lines.line(of: max(comment.start, comment.end - 1))
            guard tree.bytes[lines.lineRange(startLine).start..<comment.start].allSatisfy(\.isJSONWhitespace) else { continue }
            if var run = runs.last, run.endLine + 1 == startLine {
                run.endLine = endLine
                run.end = comment.end
                runs[runs.count - 1] = run
            } else {
                runs.append(FoldingRegion(startLine: startLine, endLine: endLine, kind: .comment,
                                          start: lines.lineRange(startLine).end, end: comment.end))
            }
        }
        return runs
    }
}
