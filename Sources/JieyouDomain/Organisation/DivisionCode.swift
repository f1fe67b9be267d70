/// Administrative-division codes (行政区划代码, GB/T 2260): six digits, the first two the province.
public enum DivisionCode {
    /// Six digits with a non-zero province part. Parks have no GB/T 2260 code of their own; they may use
    /// a local code of letters and digits, which is checked by `isValidLocalCode` instead.
    public static func isValid(_ code: String) -> Bool {
        code.count == 6 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber) && !code.hasPrefix("00")
    }

    /// A local unit code: 2–20 ASCII letters, digits or `-`.
    public static func isValidLocalCode(_ code: String) -> Bool {
        (2...20).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
