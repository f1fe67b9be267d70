/// The numbering of a plan's items, in the order official documents nest them: 一、 then （一） then 1.
/// then （1）. The level is that of the style, not of the position, so a plan whose tasks start at
/// （一）, like seed 001's annexes, keeps 1. under （一）.
public struct TaskNumber: Hashable, Sendable, Codable {
    public enum Style: Int, Sendable, Codable, CaseIterable, Comparable {
        /// 一、
        case chineseComma = 1
        /// （一）
        case chineseParenthesised = 2
        /// 1.
        case arabicDot = 3
        /// （1）
        case arabicParenthesised = 4

        public static func < (lhs: Style, rhs: Style) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let style: Style
    /// As written: 一, 12.
    public let ordinal: String

    public init(style: Style, ordinal: String) {
        self.style = style
        self.ordinal = ordinal
    }

    /// The label as an official document writes it.
    public var label: String {
        switch style {
        case .chineseComma: "\(ordinal)、"
        case .chineseParenthesised: "（\(ordinal)）"
        case .arabicDot: "\(ordinal)."
        case .arabicParenthesised: "（\(ordinal)）"
        }
    }

    /// The number that starts `line` (in canonical text) and the rest of the line, or nil when the line
    /// is not numbered. "1.1亿元" is a number, not an item: an item's dot is not followed by a digit.
    public static func leading(_ line: String) -> (number: TaskNumber, rest: String)? {
        let characters = Array(line)
        guard let first = characters.first else { return nil }
        if first.isChineseNumeral {
            let ordinal = characters.prefix(while: \.isChineseNumeral)
            guard ordinal.count <= 3, characters.count > ordinal.count, characters[ordinal.count] == "、" else {
                return nil
            }
            return (
                TaskNumber(style: .chineseComma, ordinal: String(ordinal)), rest(characters, after: ordinal.count + 1)
            )
        }
        if first == "（" {
            let inner = characters.dropFirst().prefix(while: { $0 != "）" })
            guard !inner.isEmpty, inner.count <= 3, characters.count > inner.count + 1 else { return nil }
            if inner.allSatisfy(\.isChineseNumeral) {
                return (
                    TaskNumber(style: .chineseParenthesised, ordinal: String(inner)),
                    rest(characters, after: inner.count + 2)
                )
            }
            if inner.allSatisfy(\.isASCIIDigit) {
                return (
                    TaskNumber(style: .arabicParenthesised, ordinal: String(inner)),
                    rest(characters, after: inner.count + 2)
                )
            }
            return nil
        }
        if first.isASCIIDigit {
            let digits = characters.prefix(while: \.isASCIIDigit)
            guard digits.count <= 3, characters.count > digits.count + 1 else { return nil }
            let mark = characters[digits.count]
            let next = characters[digits.count + 1]
            guard mark == "." || mark == "、", !next.isASCIIDigit else { return nil }
            return (TaskNumber(style: .arabicDot, ordinal: String(digits)), rest(characters, after: digits.count + 1))
        }
        return nil
    }

    private static func rest(_ characters: [Character], after count: Int) -> String {
        String(characters[count...]).trimmingSpaces
    }
}
