import JSONSyntax

extension PositionEncoding {
    /// The encoding to use with a client, from its `general.positionEncodings`:
    /// UTF-8 whenever offered (it is what the server stores, so no conversion),
    /// else UTF-16, the encoding every client must support.
    public static func negotiated(offered: JSONValue?) -> PositionEncoding {
        let names = offered?.arrayValue?.compactMap(\.stringValue) ?? []
        return names.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }
}
