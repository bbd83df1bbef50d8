import Foundation

/// `~/.cekura/config.toml` as the official CLI writes it: `key = "value"`
/// lines (bare integers for the id keys), `#` comments and blank lines. That
/// subset is all the file holds; tables and anything else are skipped.
public enum ConfigFile {
    /// One read of the file: its values, or none when it cannot be read.
    struct Contents {
        let path: String
        let values: [String: String]

        init(path: String) {
            self.path = path
            values = (try? String(contentsOfFile: path, encoding: .utf8)).map(ConfigFile.parse) ?? [:]
        }
    }

    /// The top-level keys and their values, unquoted.
    public static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        var inTable = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .blanks)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                inTable = true  // keys below a table header are not top-level
                continue
            }
            guard !inTable, let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).trimmingCharacters(in: .blanks)
            let rest = String(line[line.index(after: equals)...]).trimmingCharacters(in: .blanks)
            guard !key.isEmpty, let value = value(of: rest) else { continue }
            values[key] = value
        }
        return values
    }

    /// A basic string (`"…"` with `\"`, `\\`, `\n`, `\t`), a literal string
    /// (`'…'`), or a bare word (a number); a trailing comment is dropped.
    private static func value(of text: String) -> String? {
        guard let first = text.first else { return nil }
        if first == "\"" {
            var result = ""
            var escaped = false
            for character in text.dropFirst() {
                if escaped {
                    switch character {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    default: result.append(character)
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return result
                } else {
                    result.append(character)
                }
            }
            return nil  // unterminated
        }
        if first == "'" {
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: "'") else { return nil }
            return String(body[..<end])
        }
        let word = text.prefix { $0 != "#" }.trimmingCharacters(in: .blanks)
        return word.isEmpty ? nil : word
    }
}

extension CharacterSet {
    fileprivate static let blanks = CharacterSet(charactersIn: " \t")
}
