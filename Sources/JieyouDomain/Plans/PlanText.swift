import Foundation

/// Text helpers for plans pasted from Word, WPS or a web page. Such text mixes full-width and
/// half-width punctuation (（）and (), ，and ,); the parser works on one canonical form, the one an
/// official document uses: full-width （）：，； around Chinese, ASCII digits, `%` and the `1.` of a
/// numbered item.
public enum PlanText {
    /// The canonical form of `text`: one scalar for one, so a line keeps its length. It works on
    /// Unicode scalars: comparing `Character`s normalises each non-ASCII one, which made this pass a
    /// quarter of the time to read a 75 KB plan.
    public static func canonical(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count)
        func isDigit(_ index: Int) -> Bool {
            scalars.indices.contains(index) && (0x30...0x39).contains(scalars[index].value)
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "(": result.append("（")
            case ")": result.append("）")
            case ":": result.append("：")
            case ";": result.append("；")
            // A thousands separator stays: 1,000.
            case ",": result.append(isDigit(index - 1) && isDigit(index + 1) ? "," : "，")
            case "％": result.append("%")
            case "．": result.append(".")
            case "\u{3000}", "\u{00A0}", "\t": result.append(" ")
            case "０"..."９": result.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Lines of `text`, each trimmed of spaces (a pasted document indents with full-width spaces).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingSpaces }
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
        return pieces.map { $0.trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
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
        let clause = String(characters[(index + 1)..<(characters.count - 1)]).trimmingSpaces
        let body = String(characters[..<index]).trimmingSpaces
        return (body, clause)
    }

    /// Drops `prefixes` from the front of `text` as long as one matches.
    static func dropping(prefixes: [String], from text: String) -> String {
        var text = text
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.hasPrefix(prefix) && text.count > prefix.count {
                text = String(text.dropFirst(prefix.count)).trimmingSpaces
                changed = true
            }
        }
        return text
    }
}

extension Character {
    // Both look at the byte or scalar: comparing Characters normalises them, and these run on every
    // character of a plan.
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
    /// 一 … 十 as used in 一、 and （一）.
    var isChineseNumeral: Bool {
        guard unicodeScalars.count == 1, let scalar = unicodeScalars.first else { return false }
        return Self.chineseNumerals.contains(scalar)
    }
    private static let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)
}

// Plan text is read through its bytes and scalars instead of Foundation's `trimmingCharacters`,
// `contains` and `range(of:)`, which bridge each call through NSString and fold every character: on a
// 75 KB plan they were most of the parse time. The needles are CJK words and
// punctuation, so a byte match in UTF-8 starts and ends on whole characters.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (line breaks stay), as `.whitespaces` trims.
    var trimmingSpaces: String { trimming { $0 == " " || $0 == "\t" || $0.isWideSpace } }

    /// Without leading and trailing white space, line breaks included.
    var trimmingSpacesAndNewlines: String {
        trimming {
            (0x09...0x0D).contains($0.value) || $0 == " " || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}"
                || $0.isWideSpace
        }
    }

    private func trimming(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start..<scalars.index(after: last)])
    }

    /// Whether `word` occurs in the text.
    func has(_ word: String) -> Bool { find(word) != nil }

    /// Where `word` first occurs: a plain byte search (the standard library's generic `firstRange(of:)`
    /// spent its time looking up generic metadata).
    func find(_ word: String) -> Range<Index>? {
        let needle = Array(word.utf8)
        guard let first = needle.first else { return startIndex..<startIndex }
        let bytes = utf8
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: first) {
            var end = candidate
            var matched = 0
            while matched < needle.count, end != bytes.endIndex, bytes[end] == needle[matched] {
                bytes.formIndex(after: &end)
                matched += 1
            }
            if matched == needle.count { return candidate..<end }
            start = bytes.index(after: candidate)
        }
        return nil
    }

    /// The text without any `scalar`.
    func removing(_ scalar: Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: unicodeScalars.lazy.filter { $0 != scalar })
        return String(result)
    }
}

extension Unicode.Scalar {
    /// The non-ASCII spaces (Unicode's Zs) a pasted document carries: the ideographic space of an
    /// indent, no-break spaces, the typographic spaces.
    fileprivate var isWideSpace: Bool {
        value >= 0xA0
            && (value == 0xA0 || value == 0x1680 || (0x2000...0x200A).contains(value) || value == 0x202F
                || value == 0x205F || value == 0x3000)
    }
}
