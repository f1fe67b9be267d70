/// How a sheet prints. A 专班 forwards a 问题清单 or a ledger as it comes off the printer, so a table
/// meant for paper is one page wide on landscape A4, repeats its title and header on every page, numbers
/// its pages in the footer, and narrows the columns whose content is short so the scale that fits the
/// width stays readable. A sheet meant for the screen (a template to fill in) keeps Excel's defaults.
public struct SheetPrint: Sendable, Equatable {
    public var landscape: Bool
    /// One page wide, as many pages long as it takes.
    public var fitToWidth: Bool
    /// The rows at the top printed again on every page (the title and the header): Excel's 打印标题.
    public var repeatedRows: Int
    /// `第 1 页，共 3 页` centred in the footer.
    public var pageNumbers: Bool
    /// The widths given are the most a column takes: a column whose every cell is shorter is narrowed
    /// to its longest cell, the header included.
    public var narrowToContent: Bool

    public init(
        landscape: Bool = false, fitToWidth: Bool = false, repeatedRows: Int = 0, pageNumbers: Bool = false,
        narrowToContent: Bool = false
    ) {
        self.landscape = landscape
        self.fitToWidth = fitToWidth
        self.repeatedRows = repeatedRows
        self.pageNumbers = pageNumbers
        self.narrowToContent = narrowToContent
    }

    /// Excel's defaults: portrait, actual size, nothing repeated.
    public static let plain = SheetPrint()

    /// A bordered table for paper whose top `headerRows` rows (title and header) repeat on every page.
    public static func table(headerRows: Int, landscape: Bool = true) -> SheetPrint {
        SheetPrint(
            landscape: landscape, fitToWidth: true, repeatedRows: headerRows, pageNumbers: true, narrowToContent: true)
    }
}

/// Where a table's pages break, worked out by the writer so that no merged block of rows (an
/// enterprise's name over its five problems) is split over two pages, where its name would print cut
/// under the repeated header. The sheet stays fitted to the page's width by the renderer; the breaks
/// are placed for the scale that fitting gives in LibreOffice, whose columns are the widest (7 points a
/// unit of width in the sheet's 宋体, where Excel's are about 5.3): a renderer that fits to a smaller
/// scale only leaves a page a little less full. The geometry is that of `SheetWriter`'s page setup: A4,
/// margins of 0.5 inch at the sides and 0.6 at top and bottom.
public struct SheetPagination: Sendable, Equatable {
    /// Percent: the scale that fits the sheet's width, as the breaks assume it.
    public let scale: Int
    /// The last row (1-based) of each page but the last.
    public let breaks: [Int]

    /// `columnWidths` in Excel's units; `rowHeights` in points, row 1 first; `blocks` the merged row
    /// ranges; the first `repeatedRows` rows print again at the top of every page.
    public init(
        columnWidths: [Double], rowHeights: [Double], blocks: [ClosedRange<Int>], repeatedRows: Int, landscape: Bool
    ) {
        let (pageWidth, pageHeight) = landscape ? (842.0, 595.3) : (595.3, 842.0)
        let sheetWidth = columnWidths.reduce(0) { $0 + $1 * 7 }
        let fitted = sheetWidth > 0 ? (pageWidth - 72) / sheetWidth : 1
        scale = max(10, min(100, Int((fitted * 100).rounded(.down))))
        // What a page holds of the rows below the repeated ones, in the sheet's points, a little under
        // so that a renderer's line heights never break a page before this does.
        let repeated = rowHeights.prefix(repeatedRows).reduce(0, +)
        let room = (pageHeight - 2 * 0.6 * 72) * 100 / Double(scale) * 0.96 - repeated
        var blockStart = [Int](repeating: 0, count: rowHeights.count + 2)
        for block in blocks where block.count > 1 && block.upperBound <= rowHeights.count {
            for row in block.dropFirst() { blockStart[row] = block.lowerBound }
        }
        var breaks: [Int] = []
        var first = repeatedRows + 1
        var used = 0.0
        var row = first
        while row <= rowHeights.count {
            let height = rowHeights[row - 1]
            if used + height > room && row > first {
                // Break before the row, or before the block it belongs to when that began on this page.
                let start = blockStart[row] > first ? blockStart[row] : row
                breaks.append(start - 1)
                first = start
                used = rowHeights[(start - 1)..<(row - 1)].reduce(0, +)
            }
            used += height
            row += 1
        }
        self.breaks = breaks
    }
}

/// How wide a text is in Excel's column-width units (the width of `0` in the sheet's font), and how many
/// lines it takes in a column: what a row's height and a column's width are worked out from, since a
/// streamed sheet cannot ask a renderer. A Chinese character (and any full-width form) is two units, a
/// digit one, a Latin letter a little more; a cell keeps most of a unit as padding.
enum TextWidth {
    static func units(of scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        case 0x30...0x39, 0x20...0x2F, 0x3A...0x40:
            // Digits are the unit itself; spaces and ASCII punctuation are no wider.
            return 1
        case 0x300...0x36F, 0x200B...0x200F:
            // Combining marks and zero-width characters take no room of their own.
            return 0
        default:
            return scalar.isASCII ? 1.1 : 1.5
        }
    }

    /// The width of each line of `text`, in one pass (a sheet measures every cell it writes).
    static func lineWidths(_ text: String) -> [Double] {
        var widths: [Double] = []
        var current = 0.0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widths.append(current)
                current = 0
            } else if scalar != "\r" {
                current += units(of: scalar)
            }
        }
        widths.append(current)
        return widths
    }

    /// Lines `text` takes in a column `width` units wide, wrapped.
    static func lines(_ text: String, width: Double) -> Int { lines(of: lineWidths(text), width: width) }

    /// Lines text of these line widths takes in a column `width` units wide.
    static func lines(of lineWidths: [Double], width: Double) -> Int {
        // Excel keeps about five pixels of a seven-pixel unit as the cell's padding.
        let usable = max(width - 0.7, 1)
        return lineWidths.reduce(0) { $0 + max(1, Int(($1 / usable).rounded(.up))) }
    }

    /// Points per line of 11-point 宋体 as Excel, WPS and LibreOffice lay it out, and a row's padding.
    static let lineHeight = 14.4
    static let rowPadding = 3.0
}
