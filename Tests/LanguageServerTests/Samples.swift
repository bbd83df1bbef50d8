/// Documents the server tests open. The wrong value in `badSuite` comes after
/// accented, BMP and astral characters on its line, so its column differs in
/// UTF-8 and UTF-16.
enum Samples {
    static let suiteURI = "file:///work/project/cekura.tests.json"
    static let otherURI = "file:///work/project/package.json"
    static let prefix = #"{"suite": {"name": "Café ☕ 🚀 漢字"}, "version": "#
    static let badSuite = prefix + #"1, "scenarios": [{"name": "n", "instructions": "i"}]}"# + "\n"
    static let goodSuite = prefix + #""1", "scenarios": [{"name": "n", "instructions": "i"}]}"# + "\n"

    /// The LSP column of the end of `text` in an encoding.
    static func column(_ text: String, _ encoding: String) -> Int {
        encoding == "utf-8" ? text.utf8.count : text.utf16.count
    }
}
