/// Text typed into a search box, made safe for `LIKE … ESCAPE '\'`: its `%` and `_` match themselves.
enum LikePattern {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
