import Foundation

/// Column widths of a bulletin's table, from what its cells hold, so that a figure never breaks: a
/// rate like `77.4%（24/31）`, a date or a problem number keeps to one line, and the text columns
/// (an enterprise, a problem) share what is left and wrap. This is the automatic layout of HTML
/// tables, done ahead because a .docx table is laid out with fixed widths (Word, WPS and LibreOffice
/// would each wrap an automatic one their own way).
enum DocxTableLayout {
    /// The table text's size (小四) and each cell's left and right margin, in twips.
    static let points = 12.0
    static let cellMargin = 80
    static let slack = 40

    /// Widths in twips that add up to at most `available`.
    static func widths(header: [String], rows: [[String]], columns: Int, available: Int) -> [Int] {
        var natural = [Double](repeating: 0, count: columns)
        var naturalRows = [Double](repeating: 0, count: columns)
        var least = [Double](repeating: 0, count: columns)
        var holdsText = [Bool](repeating: false, count: columns)
        for (index, cells) in ([header] + rows).enumerated() {
            for column in 0..<min(columns, cells.count) {
                let text = cells[column]
                natural[column] = max(natural[column], lineWidths(text).max() ?? 0)
                if index > 0 { naturalRows[column] = max(naturalRows[column], lineWidths(text).max() ?? 0) }
                least[column] = max(least[column], unbreakable(text, isHeader: index == 0))
                if index > 0 && isText(text) { holdsText[column] = true }
            }
        }
        // The margins, and a little over for the borders and the renderer's rounding (without it
        // LibreOffice breaks a two-character header that was measured to fit).
        let padding = Double(2 * cellMargin + slack)
        let room = Double(available) - padding * Double(columns)
        let sumNatural = natural.reduce(0, +)
        var content: [Double]
        if sumNatural <= room {
            // Everything fits on one line: the spare room goes to each column by its width.
            content = natural.map {
                sumNatural > 0 ? $0 + (room - sumNatural) * $0 / sumNatural : room / Double(columns)
            }
        } else {
            // Each column gets what must not break. Then, in turn: the text columns six characters (a
            // department's name on a line or two), the figures their whole line (a rate beside its
            // sample), and every column the rest (a header on one line, the text), each step shared by
            // how much the columns still want.
            content = least
            var left = room - least.reduce(0, +)
            let comfortable = 6 * points * 20
            let steps: [(Int) -> Double] = [
                { holdsText[$0] ? min(natural[$0], comfortable) : least[$0] },
                { holdsText[$0] ? content[$0] : max(content[$0], naturalRows[$0]) },
                { natural[$0] },
            ]
            for target in steps where left > 0 {
                let wanted = content.indices.map { max(target($0) - content[$0], 0) }
                let sumWanted = wanted.reduce(0, +)
                guard sumWanted > 0 else { continue }
                let share = min(1, left / sumWanted)
                for column in content.indices { content[column] += wanted[column] * share }
                left -= sumWanted * share
            }
            if left < 0 {
                // Too many figures for the page: they shrink alike (and wrap where they must).
                let sumLeast = least.reduce(0, +)
                content = least.map { room * $0 / max(sumLeast, 1) }
            }
        }
        // Whole twips, rounded up so that a figure measured to fit still fits; the widest text column
        // (or the widest, in a table of figures) gives back what the rounding took beyond the room.
        var twips = content.map { Int(($0 + padding).rounded(.up)) }
        let excess = twips.reduce(0, +) - available
        let givers = holdsText.contains(true) ? twips.indices.filter { holdsText[$0] } : Array(twips.indices)
        if excess > 0, let widest = givers.max(by: { twips[$0] < twips[$1] }) { twips[widest] -= excess }
        return twips
    }

    /// A cell that its column cannot hold on one line, broken where a reader expects it: a figure
    /// between its `figureParts` (a rate `91.7%（11/12）` over its sample); text before a closing
    /// figure in parentheses. Other text is left to the word processor.
    static func fitted(_ text: String, width: Int) -> String {
        guard (lineWidths(text).max() ?? 0) > Double(width - 2 * cellMargin - slack) else { return text }
        guard isText(text) else { return figureParts(text).joined(separator: "\n") }
        // Text that ends in a figure in parentheses (`1个工作日（2026-11）`) puts it on a line of its own,
        // whole, rather than let the word processor break it at the hyphen.
        guard text.last == "）", let open = text.lastIndex(of: "（"), open != text.startIndex,
            !isText(String(text[open...]))
        else { return text }
        return text[..<open] + "\n" + text[open...]
    }

    /// The widest stretch of a cell that may not wrap, in twips. A figure (a cell without Chinese
    /// text: a rate, a date, a number) breaks only between its `figureParts`; text keeps its
    /// longest run of Latin letters and digits and two characters; a header keeps the lines it was
    /// given, or at least half its width, so that it takes two lines at most.
    static func unbreakable(_ text: String, isHeader: Bool) -> Double {
        let em = points * 20
        guard isText(text) else { return figureParts(text).map { lineWidths($0).max() ?? 0 }.max() ?? 0 }
        var longest = 0.0
        var run = 0.0
        for scalar in text.unicodeScalars {
            if isHan(scalar) || scalar == " " || scalar == "\n" {
                longest = max(longest, run)
                run = 0
            } else {
                run += advance(scalar) * em
            }
        }
        longest = max(longest, run)
        let natural = lineWidths(text).max() ?? 0
        // A header broken by its writer keeps those lines.
        if isHeader && text.contains("\n") { return natural }
        let keep = isHeader ? max(2 * em, (natural / em / 2).rounded(.up) * em) : 2 * em
        return max(longest, min(natural, keep))
    }

    /// A figure's pieces that may go on lines of their own: a rate and its sample (`91.7%`,
    /// `（11/12）`), a problem number's letters and the rest (`WCJKQ-`, `2026-0201`). A date or an
    /// amount is one piece.
    static func figureParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character == "（" && !current.isEmpty {
                parts.append(current)
                current = ""
            }
            current.append(character)
            if character == "-", previous?.isLetter == true {
                parts.append(current)
                current = ""
            }
            previous = character
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// Whether a cell holds Chinese text (and may wrap between any two characters).
    static func isText(_ text: String) -> Bool { text.unicodeScalars.contains(where: isHan) }

    /// Each line's width in twips.
    static func lineWidths(_ text: String) -> [Double] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { ems($0) * points * 20 }
    }

    /// How many ems a line of text takes, in whatever size it is set.
    static func ems(_ text: some StringProtocol) -> Double {
        text.unicodeScalars.reduce(0) { $0 + advance($1) }
    }

    /// A character's advance in ems: CJK (and “”) one em; Latin text in Times New Roman's widths (digits half an
    /// em, capitals about 0.7, '%' 0.83), a little generous so that a figure measured to fit does fit.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x30...0x39: 0.5
        case 0x41...0x5A: 0.72
        case 0x61...0x7A: 0.5
        case 0x25: 0.84
        case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x2F: 0.28
        case 0x2D: 0.34
        case 0x21...0x7E: 0.5
        case 0x300...0x36F, 0x200B...0x200F: 0
        // Quotation marks among Chinese text are set in the Chinese font, a full em wide.
        case 0x2018...0x201F: 1
        default: TextWidth.units(of: scalar) / 2
        }
    }

    /// Chinese characters, where a line may break between any two.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: true
        default: false
        }
    }
}
