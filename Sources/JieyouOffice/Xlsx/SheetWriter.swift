import Foundation

/// Writes one sheet's rows, in order, to a file. The rows and the merged ranges each stream to a file of
/// their own and are put together after the last row, behind a head whose column widths may then follow
/// the content (`SheetPrint.narrowToContent`); so nothing grows in memory with the sheet.
public final class SheetWriter {
    private let file: URL
    private let rowsFile: URL
    private let handle: FileHandle
    private let mergeFile: URL
    private let mergeHandle: FileHandle
    private var mergeCount = 0
    private var mergeBuffer = ""
    private let strings: SharedStringTable
    private let columnWidths: [Double]
    private let frozenRows: Int
    let print: SheetPrint
    /// The widest cell seen in each column, in width units (`TextWidth`).
    private var contentWidths: [Double]
    private var rowNumber = 0
    private var buffer = ""
    /// Each row's height in points and the merged row ranges, for a sheet that paginates itself.
    private var rowHeights: [Double] = []
    private var mergedRows: [ClosedRange<Int>] = []

    init(
        file: URL, strings: SharedStringTable, columnWidths: [Double], frozenRows: Int, print: SheetPrint = .plain
    ) throws {
        self.file = file
        rowsFile = file.appendingPathExtension("rows")
        _ = FileManager.default.createFile(atPath: rowsFile.path, contents: nil)
        handle = try FileHandle(forUpdating: rowsFile)
        mergeFile = file.appendingPathExtension("merges")
        _ = FileManager.default.createFile(atPath: mergeFile.path, contents: nil)
        mergeHandle = try FileHandle(forUpdating: mergeFile)
        self.strings = strings
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.print = print
        contentWidths = Array(repeating: 0, count: columnWidths.count)
    }

    /// The worksheet's opening, up to its rows: written last, when the columns' content is known.
    private func head() -> String {
        var head = XlsxParts.header
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        head += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        // Printed one page wide, as many pages long as it takes.
        if print.fitToWidth { head += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        if frozenRows > 0 {
            head += #"<sheetViews><sheetView workbookViewId="0">"#
            head +=
                #"<pane ySplit="\#(frozenRows)" topLeftCell="A\#(frozenRows + 1)" activePane="bottomLeft" state="frozen"/>"#
            head += #"<selection pane="bottomLeft" activeCell="A\#(frozenRows + 1)" sqref="A\#(frozenRows + 1)"/>"#
            head += "</sheetView></sheetViews>"
        }
        if !columnWidths.isEmpty {
            head += "<cols>"
            for (i, width) in finalWidths.enumerated() {
                head += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        return head + "<sheetData>"
    }

    /// The widths the sheet is written with: those given, or with `narrowToContent` no wider than the
    /// widest cell of the column and its padding (never below 4, so an empty column stays visible).
    private var finalWidths: [Double] {
        guard print.narrowToContent else { return columnWidths }
        return zip(columnWidths, contentWidths).map { given, content in
            min(given, max(4, (content + 1.5).rounded(.up)))
        }
    }

    /// A table sheet places its own page breaks (`SheetPagination`): it knows its rows' heights.
    private var paginates: Bool { print.fitToWidth && print.repeatedRows > 0 }

    /// The 1-based number of the last row written.
    public var lastRow: Int { rowNumber }

    /// Appends a row. `style` applies to every cell, except that dates always get the date style.
    public func addRow(_ values: [XlsxValue], style: XlsxWriter.Style = .normal, height: Double? = nil) throws {
        try addRow(values, styles: Array(repeating: style, count: values.count), height: height)
    }

    /// Appends a row whose cells each have their own style; `height` in points is the least the row
    /// takes: a row whose wrapped cells need more lines is as tall as they need (`TextWidth`), so no
    /// text is clipped on paper.
    public func addRow(_ values: [XlsxValue], styles: [XlsxWriter.Style], height: Double? = nil) throws {
        rowNumber += 1
        let row = String(rowNumber)
        buffer += #"<row r=""# + row + "\""
        let needed = measure(values, styles: styles)
        let given = [height, needed].compactMap({ $0 }).max()
        if let given { buffer += #" ht="\#(given)" customHeight="1""# }
        // A row without a height is Excel's default, 15 points in its default font.
        if paginates { rowHeights.append(given ?? 15) }
        buffer += ">"
        for (column, value) in values.enumerated() {
            let style = column < styles.count ? styles[column] : .normal
            // `<c r="B12" s="3"`, built by appending: a row is ten of these, a sheet a million.
            var head = #"<c r=""# + Self.letters(column) + row + "\""
            if style != .normal { head += #" s=""# + String(style.rawValue) + "\"" }
            switch value {
            case .empty:
                if style != .normal { buffer += head + "/>" }
            case .text(let text):
                if let index = strings.index(of: text) {
                    buffer += head + #" t="s"><v>"# + String(index) + "</v></c>"
                } else {
                    buffer += head + #" t="inlineStr"><is><t xml:space="preserve">"#
                    buffer += XMLText.escape(XstringEscapes.protect(text))
                    buffer += "</t></is></c>"
                }
            case .number(let number):
                buffer += head + "><v>" + XlsxValue.number(number).text + "</v></c>"
            case .bool(let flag):
                buffer += head + #" t="b"><v>"# + (flag ? "1" : "0") + "</v></c>"
            case .date(let day):
                let bordered = style == .centered || style == .wrapped || style == .borderedDate
                let dateStyle = (bordered ? XlsxWriter.Style.borderedDate : .date).rawValue
                buffer += #"<c r=""# + Self.letters(column) + row + #"" s=""# + String(dateStyle) + #""><v>"#
                buffer += String(ExcelSerial.serial(of: day)) + "</v></c>"
            }
        }
        buffer += "</row>"
        if buffer.utf8.count > 64 * 1024 { try flush() }
    }

    /// Notes each cell's width for `narrowToContent`, and answers the height the row's wrapped cells
    /// need when that is more than one line (or always, on a sheet printed as a table). A title or a
    /// note spans merged columns: neither counts.
    private func measure(_ values: [XlsxValue], styles: [XlsxWriter.Style]) -> Double? {
        var lines = 1
        for (column, value) in values.enumerated() where column < columnWidths.count {
            let style = column < styles.count ? styles[column] : .normal
            guard style != .title && style != .note else { continue }
            let width: Double
            switch value {
            case .empty: continue
            case .text(let text):
                let lineWidths = TextWidth.lineWidths(text)
                width = lineWidths.max() ?? 0
                if style.wraps {
                    lines = max(lines, TextWidth.lines(of: lineWidths, width: finalWidth(column, atLeast: width)))
                }
            case .number(let number): width = Double(XlsxValue.number(number).text.count) * 1.1
            case .bool: width = 2
            case .date: width = 11
            }
            contentWidths[column] = max(contentWidths[column], width)
        }
        // A table for paper says every row's height: without one, LibreOffice gives a row of 11-point
        // 宋体 less than a line (Excel and WPS a line of their own default).
        guard lines > 1 || print.fitToWidth else { return nil }
        return ((Double(lines) * TextWidth.lineHeight + TextWidth.rowPadding) * 10).rounded() / 10
    }

    /// The width a column will have, given that one of its cells is `content` wide: narrowing never
    /// goes below the widest cell, so a cell's lines are counted at the width it will be printed in.
    private func finalWidth(_ column: Int, atLeast content: Double) -> Double {
        guard print.narrowToContent else { return columnWidths[column] }
        return min(columnWidths[column], max(4, (max(content, contentWidths[column]) + 1.5).rounded(.up)))
    }

    /// Column letters, worked out once for the columns sheets use.
    private static let firstLetters: [String] = (0..<64).map(ColumnName.letters)

    private static func letters(_ column: Int) -> String {
        column < firstLetters.count ? firstLetters[column] : ColumnName.letters(column)
    }

    /// Merges a rectangle of cells, e.g. rows 2–4 of column A: `merge(columns: 0...0, rows: 2...4)`.
    /// The value and style of the top-left cell show; the other cells should be written empty with
    /// the same style so that the merged cell's border is whole.
    public func merge(columns: ClosedRange<Int>, rows: ClosedRange<Int>) throws {
        guard columns.count > 1 || rows.count > 1 else { return }
        if paginates && rows.count > 1 { mergedRows.append(rows) }
        mergeCount += 1
        mergeBuffer += #"<mergeCell ref="\#(CellRange(columns: columns, rows: rows))"/>"#
        if mergeBuffer.utf8.count > 16 * 1024 {
            try mergeHandle.write(contentsOf: Data(mergeBuffer.utf8))
            mergeBuffer = ""
        }
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    func finish() throws {
        buffer += "</sheetData>"
        try flush()
        let output = FileManager.default.createFile(atPath: file.path, contents: Data(head().utf8))
        guard output else { throw CocoaError(.fileWriteUnknown) }
        let sheet = try FileHandle(forWritingTo: file)
        try sheet.seekToEnd()
        func copy(_ source: FileHandle) throws {
            try source.seek(toOffset: 0)
            while let chunk = try source.read(upToCount: 1 << 20), !chunk.isEmpty { try sheet.write(contentsOf: chunk) }
        }
        try copy(handle)
        var tail = ""
        if mergeCount > 0 {
            try sheet.write(contentsOf: Data(#"<mergeCells count="\#(mergeCount)">"#.utf8))
            try copy(mergeHandle)
            tail += mergeBuffer + "</mergeCells>"
        }
        try handle.close()
        try mergeHandle.close()
        try? FileManager.default.removeItem(at: rowsFile)
        try? FileManager.default.removeItem(at: mergeFile)
        // Centred on the page, narrow margins and A4 (paperSize 9), so a wide table prints on the page.
        if print.fitToWidth { tail += #"<printOptions horizontalCentered="1"/>"# }
        tail += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        let pagination =
            paginates
            ? SheetPagination(
                columnWidths: finalWidths, rowHeights: rowHeights, blocks: mergedRows, repeatedRows: print.repeatedRows,
                landscape: print.landscape) : nil
        let fit = print.fitToWidth ? #" fitToWidth="1" fitToHeight="0""# : ""
        tail += #"<pageSetup paperSize="9"\#(print.landscape ? #" orientation="landscape""# : "")\#(fit)/>"#
        if print.pageNumbers {
            tail += "<headerFooter><oddFooter>" + XMLText.escape("&C第 &P 页，共 &N 页") + "</oddFooter></headerFooter>"
        }
        if let breaks = pagination?.breaks, !breaks.isEmpty {
            tail += #"<rowBreaks count="\#(breaks.count)" manualBreakCount="\#(breaks.count)">"#
            for row in breaks { tail += #"<brk id="\#(row)" max="16383" man="1"/>"# }
            tail += "</rowBreaks>"
        }
        tail += "</worksheet>"
        try sheet.write(contentsOf: Data(tail.utf8))
        try sheet.close()
    }
}
