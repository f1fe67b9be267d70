/// The escape OOXML uses for characters XML cannot hold (ECMA-376 Part 1, §22.9.2.19 ST_Xstring):
/// `_x001B_` is U+001B. Excel writes a pasted control character this way, and a literal `_x0041_` in a
/// cell as `_x005F_x0041_`. Reading undoes it, so an importer sees the character a person typed (and
/// can refuse it); writing protects a literal sequence so it reads back as typed.
public enum XstringEscapes {
    /// `a_x001B_b` → "a\u{1B}b"; `_x005F_x0041_` → "_x0041_".
    public static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if let scalar = escapedScalar(after) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }

    /// Text to write: each literal `_xHHHH_` gets its underscore escaped, so Excel and `unescape` read the
    /// text back unchanged.
    public static func protect(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            if escapedScalar(rest[range.upperBound...]) != nil { result += "_x005F" }
            result += "_x"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The scalar of `HHHH_` at the start of `text`.
    private static func escapedScalar(_ text: Substring) -> Unicode.Scalar? {
        let digits = text.prefix(4)
        guard digits.count == 4, text.dropFirst(4).first == "_", digits.allSatisfy(\.isHexDigit),
            let value = UInt32(digits, radix: 16)
        else { return nil }
        return Unicode.Scalar(value)
    }
}
