/// Characters nobody can see or type, which must not be stored in text. SQLite ends a text at NUL
/// (a description `abc\u{0}def` was kept as `abc`), PostgreSQL refuses it outright, and a BEL or ESC
/// in a cell makes a 问题清单 that Excel repairs. Tab, line feed and carriage return are text (a
/// browser sends a textarea's lines as CRLF); every other character of Unicode's Cc category —
/// U+0000–U+001F, U+007F and the C1 controls U+0080–U+009F — is refused.
public enum ControlCharacters {
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The first forbidden character of `text`, or nil when there is none.
    public static func first(in text: some StringProtocol) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    /// The Chinese message for a person: which field, and which character (as U+XXXX, since it cannot
    /// be shown).
    public static func message(field label: String, character: Unicode.Scalar) -> String {
        "“\(label)”含有不可见的控制字符（\(code(character))），请删除后重试"
    }

    /// `U+0000`.
    public static func code(_ character: Unicode.Scalar) -> String {
        let hex = String(character.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
