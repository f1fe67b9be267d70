import Foundation

/// Writes one sheet's rows, in order, to a file. Merged ranges go to a second file and are copied
/// after the rows, where the format puts them; so neither grows in memory with the sheet.
public final class SheetWriter {
    private let handle: FileHandle
    private let mergeFile: URL
    private let mergeHandle: FileHandle
    private var mergeCount = 0
    private var mergeBuffer = ""
    private let strings: SharedStringTable
    private let landscape: Bool
    private let fitToWidth: Bool
    private var rowNumber = 0
    private var buffer = ""

    init(
        file: URL, strings: SharedStringTable, columnWidths: [Double], frozenRows: Int, landscape: Bool,
        fitToWidth: Bool = false
    ) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        handle = try FileHandle(forWritingTo: file)
        mergeFile = file.appendingPathExtension("merges")
        _ = FileManager.default.createFile(atPath: mergeFile.path, contents: nil)
        mergeHandle = try FileHandle(forUpdating: mergeFile)
        self.strings = strings
        self.landscape = landscape
        self.fitToWidth = fitToWidth
        var head = XlsxParts.header
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        head += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        // Printed one page wide, as many pages long as it takes.
        if fitToWidth { head += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        if frozenRows > 0 {
            head += #"<sheetViews><sheetView workbookViewId="0">"#
            head +=
                #"<pane ySplit="\#(frozenRows)" topLeftCell="A\#(frozenRows + 1)" activePane="bottomLeft" state="frozen"/>"#
            head += #"<selection pane="bottomLeft" activeCell="A\#(frozenRows + 1)" sqref="A\#(frozenRows + 1)"/>"#
            head += "</sheetView></sheetViews>"
        }
        if !columnWidths.isEmpty {
            head += "<cols>"
            for (i, width) in columnWidths.enumerated() {
                head += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        buffer = head
    }

    /// The 1-based number of the last row written.
    public var lastRow: Int { rowNumber }

    /// Appends a row. `style` applies to every cell, except that dates always get the date style.
    public func addRow(_ values: [XlsxValue], style: XlsxWriter.Style = .normal, height: Double? = nil) throws {
        try addRow(values, styles: Array(repeating: style, count: values.count), height: height)
    }

    /// Appends a row whose cells each have their own style; `height` in points, or Excel's default.
    public func addRow(_ values: [XlsxValue], styles: [XlsxWriter.Style], height: Double? = nil) throws {
        rowNumber += 1
        let row = String(rowNumber)
        buffer += #"<row r=""# + row + "\""
        if let height { buffer += #" ht="\#(height)" customHeight="1""# }
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
        if mergeCount > 0 {
            buffer += #"<mergeCells count="\#(mergeCount)">"#
            try flush()
            try mergeHandle.seek(toOffset: 0)
            while let chunk = try mergeHandle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try handle.write(contentsOf: chunk)
            }
            buffer += mergeBuffer + "</mergeCells>"
        }
        try mergeHandle.close()
        try? FileManager.default.removeItem(at: mergeFile)
        // Narrow margins and A4 (paperSize 9), so a wide table prints on the page.
        buffer += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        let fit = fitToWidth ? #" fitToWidth="1" fitToHeight="0""# : ""
        buffer += #"<pageSetup paperSize="9"\#(landscape ? #" orientation="landscape""# : "")\#(fit)/>"#
        buffer += "</worksheet>"
        try flush()
        try handle.close()
    }
}
