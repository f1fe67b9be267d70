import Foundation
import ZIPFoundation

/// Writes .xlsx workbooks that Excel, WPS and LibreOffice open. Rows stream to a temporary file as they
/// are added, so a sheet of any length is written in constant memory; `close()` zips the parts.
public final class XlsxWriter {
    /// Cell styles: the index is the `s` attribute written on a cell.
    public enum Style: Int, Sendable {
        case normal = 0
        /// Bold, grey fill, thin border: header rows.
        case header = 1
        /// A date (yyyy-mm-dd).
        case date = 2
        /// Wrapped text, top-aligned: long descriptions.
        case wrapped = 3
    }

    private let url: URL
    private let workFolder: URL
    private var sheets: [(name: String, file: URL)] = []
    private var closed = false

    public init(url: URL) throws {
        self.url = url
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: workFolder)
    }

    /// Adds a sheet; `build` writes its rows through the `SheetWriter`.
    public func addSheet(
        named name: String, columnWidths: [Double] = [], _ build: (SheetWriter) throws -> Void
    ) throws {
        precondition(!closed, "the workbook is closed")
        let file = workFolder.appendingPathComponent("sheet\(sheets.count + 1).xml")
        let sheet = try SheetWriter(file: file, columnWidths: columnWidths)
        try build(sheet)
        try sheet.finish()
        sheets.append((String(name.prefix(31)), file))
    }

    /// Zips the workbook to `url`.
    public func close() throws {
        precondition(!closed, "the workbook is closed")
        closed = true
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        try add("[Content_Types].xml", XlsxParts.contentTypes(sheetCount: sheets.count))
        try add("_rels/.rels", XlsxParts.rootRelationships)
        try add("xl/workbook.xml", XlsxParts.workbook(sheetNames: sheets.map(\.name)))
        try add("xl/_rels/workbook.xml.rels", XlsxParts.workbookRelationships(sheetCount: sheets.count))
        try add("xl/styles.xml", XlsxParts.styles)
        for (index, sheet) in sheets.enumerated() {
            try archive.addEntry(
                with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheet.file, compressionMethod: .deflate)
        }
        try FileManager.default.removeItem(at: workFolder)
    }
}

/// Writes one sheet's rows, in order, to a file.
public final class SheetWriter {
    private let handle: FileHandle
    private var rowNumber = 0
    private var merges: [String] = []
    private var buffer = ""

    init(file: URL, columnWidths: [Double]) throws {
        FileManager.default.createFile(atPath: file.path, contents: nil)
        handle = try FileHandle(forWritingTo: file)
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        head += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
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
    public func addRow(_ values: [XlsxValue], style: XlsxWriter.Style = .normal) throws {
        rowNumber += 1
        buffer += #"<row r="\#(rowNumber)">"#
        for (column, value) in values.enumerated() {
            let ref = ColumnName.letters(column) + String(rowNumber)
            let s = style == .normal ? "" : #" s="\#(style.rawValue)""#
            switch value {
            case .empty:
                if style != .normal { buffer += #"<c r="\#(ref)"\#(s)/>"# }
            case .text(let text):
                buffer += #"<c r="\#(ref)"\#(s) t="inlineStr"><is><t xml:space="preserve">"#
                buffer += XMLText.escape(text) + "</t></is></c>"
            case .number(let number):
                buffer += #"<c r="\#(ref)"\#(s)><v>\#(XlsxValue.number(number).text)</v></c>"#
            case .bool(let flag):
                buffer += #"<c r="\#(ref)"\#(s) t="b"><v>\#(flag ? 1 : 0)</v></c>"#
            case .date(let day):
                let style = XlsxWriter.Style.date.rawValue
                buffer += #"<c r="\#(ref)" s="\#(style)"><v>\#(ExcelSerial.serial(of: day))</v></c>"#
            }
        }
        buffer += "</row>"
        if buffer.utf8.count > 64 * 1024 { try flush() }
    }

    /// Merges a rectangle of cells, e.g. rows 2–4 of column A: `merge(column: 0, rows: 2...4)`.
    public func merge(columns: ClosedRange<Int>, rows: ClosedRange<Int>) {
        guard columns.count > 1 || rows.count > 1 else { return }
        merges.append(
            ColumnName.letters(columns.lowerBound) + String(rows.lowerBound) + ":"
                + ColumnName.letters(columns.upperBound) + String(rows.upperBound))
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    func finish() throws {
        buffer += "</sheetData>"
        if !merges.isEmpty {
            buffer += #"<mergeCells count="\#(merges.count)">"#
            for range in merges { buffer += #"<mergeCell ref="\#(range)"/>"# }
            buffer += "</mergeCells>"
        }
        buffer += "</worksheet>"
        try flush()
        try handle.close()
    }
}
