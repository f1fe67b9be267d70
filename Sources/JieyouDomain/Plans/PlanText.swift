import Foundation

/// Text helpers for plans pasted from Word, WPS or a web page. Such text mixes full-width and
/// half-width punctuation (（）and (), ，and ,); the parser works on one canonical form, the one an
/// official document uses: full-width （）：，； around Chinese, ASCII digits, `%` and the `1.` of a
/// numbered item.
public enum PlanText {
    /// The canonical form of `text`: one character for one, so a line keeps its length.
    public static func canonical(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "(": result.append("（")
            case ")": result.append("）")
            case ":": result.append("：")
            case ";": result.append("；")
            case ",":
                // A thousands separator stays: 1,000.
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                result.append(before.isASCIIDigit && after.isASCIIDigit ? "," : "，")
            case "％": result.append("%")
            case "．": result.append(".")
            case "\u{3000}", "\u{00A0}", "\t": result.append(" ")
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    (0xFF10...0xFF19).contains(scalar.value)
                {
                    result.append(Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!))
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// Lines of `text`, each trimmed of spaces (a pasted document indents with full-width spaces).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Splits at any of `separators` outside （…） and “…”, so 区商务局（招商促进事务中心） and
    /// “扫码入企、联码督查” stay whole. Pieces are trimmed; empty ones are dropped.
    public static func split(_ text: String, at separators: Set<Character>) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        for character in text {
            switch character {
            case "（": depth += 1
            case "）": depth = max(depth - 1, 0)
            case "“": quoted = true
            case "”": quoted = false
            default: break
            }
            if depth == 0, !quoted, separators.contains(character) {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The parenthesised clause that ends `text` (after any closing 。 or spaces), with the text before
    /// it: "推动增收减负。……（区人社局牵头负责，……）" → ("推动增收减负。……", "区人社局牵头负责，……").
    /// Parentheses inside the clause nest: （牵头单位：区商务局（招商促进事务中心））.
    static func trailingClause(_ text: String) -> (body: String, clause: String)? {
        var characters = Array(text)
        while let last = characters.last, last == "。" || last == " " || last == "；" || last == "." {
            characters.removeLast()
        }
        guard characters.last == "）" else { return nil }
        var depth = 0
        var index = characters.count - 1
        while index >= 0 {
            if characters[index] == "）" { depth += 1 }
            if characters[index] == "（" {
                depth -= 1
                if depth == 0 { break }
            }
            index -= 1
        }
        guard index >= 0 else { return nil }
        let clause = String(characters[(index + 1)..<(characters.count - 1)]).trimmingCharacters(in: .whitespaces)
        let body = String(characters[..<index]).trimmingCharacters(in: .whitespaces)
        return (body, clause)
    }

    /// Drops `prefixes` from the front of `text` as long as one matches.
    static func dropping(prefixes: [String], from text: String) -> String {
        var text = text
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.hasPrefix(prefix) && text.count > prefix.count {
                text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// 一 … 十 as used in 一、 and （一）.
    var isChineseNumeral: Bool { "一二三四五六七八九十".contains(self) }
}
