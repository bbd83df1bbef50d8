import ScenarioModel
import JSONSyntax

/// A user's rule for which files are scenario files, and of what kind:
/// `"scenarios/**/*.json": "evaluator"`, or `"ignore"` to leave files alone.
/// A pattern without `/` matches the file name in any folder, as in
/// `.gitignore`; `**` spans folders, `*` and `?` stay within a name.
public struct FileAssociation: Sendable, Equatable {
    public let pattern: String
    /// The kind the file is checked as; `.unknown` leaves it unchecked.
    public let kind: FileKind

    public var kindName: String { kind == .unknown ? "ignore" : kind.rawValue }

    public init?(pattern: String, kindName: String) {
        guard !pattern.isEmpty else { return nil }
        if kindName == "ignore" {
            kind = .unknown
        } else if let kind = FileKind(rawValue: kindName), kind != .unknown {
            self.kind = kind
        } else {
            return nil
        }
        self.pattern = pattern
    }

    /// Reads the `files` setting, an object of patterns and kinds in order;
    /// nil when any entry is not understood.
    static func list(from json: JSONValue) -> [FileAssociation]? {
        guard let members = json.objectValue else { return nil }
        var associations: [FileAssociation] = []
        for member in members {
            guard let name = member.value.stringValue, let association = FileAssociation(pattern: member.key, kindName: name) else { return nil }
            associations.append(association)
        }
        return associations
    }

    /// Whether a file path (`/`-separated) matches the pattern.
    public func matches(path: String) -> Bool {
        let patternParts = pattern.split(separator: "/").map(String.init)
        let pathParts = path.split(separator: "/").map(String.init)
        if !pattern.contains("/") {
            return pathParts.last.map { Self.nameMatches(Array(pattern.unicodeScalars), Array($0.unicodeScalars)) } ?? false
        }
        // A relative pattern may start in any folder: `scenarios/*.json` matches
        // `/home/me/project/scenarios/a.json` without knowing the workspace root.
        let anchored = pattern.hasPrefix("/") ? patternParts : ["**"] + patternParts
        return Self.partsMatch(anchored[...], pathParts[...])
    }

    private static func partsMatch(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            return (path.startIndex...path.endIndex).contains { partsMatch(rest, path[$0...]) }
        }
        guard let name = path.first, nameMatches(Array(first.unicodeScalars), Array(name.unicodeScalars)) else { return false }
        return partsMatch(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one name.
    private static func nameMatches(_ pattern: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
        var p = 0, n = 0
        var star: Int?, resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = n
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
