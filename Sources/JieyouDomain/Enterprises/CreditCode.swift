/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the last one is a check
/// character computed from the first 17.
public enum CreditCode {
    /// 0-9 and the capital letters except I, O, S, V, Z.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })

    /// The check character for the first 17 characters, or nil when they are not 17 valid characters.
    public static func checkCharacter(for prefix: String) -> Character? {
        let chars = Array(prefix.uppercased())
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (index, char) in chars.enumerated() {
            guard let value = values[char] else { return nil }
            sum += value * weights[index]
        }
        let check = 31 - sum % 31
        return alphabet[check == 31 ? 0 : check]
    }

    public static func isValid(_ code: String) -> Bool {
        let upper = code.uppercased()
        guard upper.count == 18, let check = checkCharacter(for: String(upper.prefix(17))) else { return false }
        return upper.last == check
    }

    /// The reason `code` is refused, in Chinese, or nil when it is valid.
    public static func problem(with code: String) -> String? {
        let upper = code.uppercased()
        if upper.count != 18 { return "统一社会信用代码应为18位（当前\(upper.count)位）" }
        if let bad = upper.prefix(17).first(where: { values[$0] == nil }) {
            return "统一社会信用代码含有无效字符“\(bad)”"
        }
        if values[upper.last!] == nil { return "统一社会信用代码校验位“\(upper.last!)”无效" }
        return isValid(upper) ? nil : "统一社会信用代码校验位不正确"
    }
}
