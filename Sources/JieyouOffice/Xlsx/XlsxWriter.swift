import Foundation
import ZIPFoundation

/// Writes .xlsx workbooks that Excel, WPS and LibreOffice open. Rows stream to a temporary file as they
/// are added, so a sheet of any length is written in constant memory; `close()` zips the parts.
public final class XlsxWriter {
    /// Cell styles: the index is the `s` attribute written on a cell (the order of `XlsxParts.styles`).
    public enum Style: Int, Sendable {
        case normal = 0
        /// Bold, grey fill, thin border, centred and wrapped: header rows.
        case header = 1
        /// A date (yyyy-mm-dd).
        case date = 2
        /// Thin border, wrapped, top-aligned: long descriptions in a bordered table.
        case wrapped = 3
        /// Bold 16 pt, centred: a sheet's title row.
        case title = 4
        /// Thin border, centred both ways, wrapped: sequence numbers and cells merged over several rows.
        case centered = 5
        /// Wrapped, left and vertically centred, no border: a note under a table.
        case note = 6
        /// A date in a bordered table cell, centred. Dates in a row styled `.centered` or `.wrapped` get it.
        case borderedDate = 7

        /// Whether a long text breaks onto more lines in a cell of this style (and the row grows with it).
        var wraps: Bool { self == .header || self == .wrapped || self == .centered }
    }

    private let url: URL
    private let workFolder: URL
    private var sheets: [(name: String, file: URL, repeatedRows: Int)] = []
    private let strings = SharedStringTable()
    private var closed = false

    public init(url: URL) throws {
        self.url = url
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: workFolder)
    }

    /// Adds a sheet; `build` writes its rows through the `SheetWriter`. `frozenRows` rows at the top
    /// stay in view when the sheet scrolls (the header); `print` says how it prints.
    public func addSheet(
        named name: String, columnWidths: [Double] = [], frozenRows: Int = 0, print: SheetPrint = .plain,
        _ build: (SheetWriter) throws -> Void
    ) throws {
        let sheet = try beginSheet(named: name, columnWidths: columnWidths, frozenRows: frozenRows, print: print)
        try build(sheet)
        try endSheet(sheet)
    }

    func beginSheet(named name: String, columnWidths: [Double], frozenRows: Int, print: SheetPrint) throws
        -> SheetWriter
    {
        precondition(!closed, "the workbook is closed")
        let file = workFolder.appendingPathComponent("sheet\(sheets.count + 1).xml")
        let sheet = try SheetWriter(
            file: file, strings: strings, columnWidths: columnWidths, frozenRows: frozenRows, print: print)
        sheets.append((String(name.prefix(31)), file, print.repeatedRows))
        return sheet
    }

    func endSheet(_ sheet: SheetWriter) throws {
        try sheet.finish()
    }

    /// Zips the workbook to `url`.
    public func close() throws {
        precondition(!closed, "the workbook is closed")
        closed = true
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        let hasStrings = !strings.isEmpty
        try archive.addText(
            at: "[Content_Types].xml", XlsxParts.contentTypes(sheetCount: sheets.count, sharedStrings: hasStrings))
        try archive.addText(at: "_rels/.rels", XlsxParts.rootRelationships)
        try archive.addText(
            at: "xl/workbook.xml",
            XlsxParts.workbook(sheetNames: sheets.map(\.name), repeatedRows: sheets.map(\.repeatedRows)))
        try archive.addText(
            at:
                "xl/_rels/workbook.xml.rels",
            XlsxParts.workbookRelationships(sheetCount: sheets.count, sharedStrings: hasStrings))
        try archive.addText(at: "xl/styles.xml", XlsxParts.styles)
        if hasStrings {
            let file = workFolder.appendingPathComponent("sharedStrings.xml")
            try strings.write(to: file)
            try archive.addEntry(with: "xl/sharedStrings.xml", fileURL: file, compressionMethod: .deflate)
        }
        for (index, sheet) in sheets.enumerated() {
            try archive.addEntry(
                with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheet.file, compressionMethod: .deflate)
        }
        try FileManager.default.removeItem(at: workFolder)
    }
}

/// The workbook's shared strings (`xl/sharedStrings.xml`): a text that repeats down a sheet (a
/// category, a department, an enterprise's name) is stored once and cells point at it. Only short
/// texts are shared and the table stops growing at `capacity` entries, after which new texts are
/// written inline in their cells; so memory stays bounded however long the sheet, while the texts
/// that repeat (the ones worth sharing) are in the table early.
final class SharedStringTable {
    static let capacity = 20_000
    static let longestShared = 64

    private var indexes: [String: Int] = [:]
    private var texts: [String] = []

    var isEmpty: Bool { texts.isEmpty }

    /// The index of `text` in the table, adding it if there is room; nil to write it inline.
    func index(of text: String) -> Int? {
        if let index = indexes[text] { return index }
        guard texts.count < Self.capacity, text.count <= Self.longestShared else { return nil }
        indexes[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    func write(to file: URL) throws {
        var xml = XlsxParts.header
        xml += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"count="\#(texts.count)" uniqueCount="\#(texts.count)">"#
        for text in texts {
            xml += #"<si><t xml:space="preserve">\#(XMLText.escape(XstringEscapes.protect(text)))</t></si>"#
        }
        xml += "</sst>"
        try Data(xml.utf8).write(to: file)
    }
}

extension XlsxWriter {
    /// `addSheet` for rows that come from an asynchronous source, such as database pages.
    public func addSheet(
        named name: String, columnWidths: [Double] = [], frozenRows: Int = 0, print: SheetPrint = .plain,
        _ build: (SheetWriter) async throws -> Void
    ) async throws {
        let sheet = try beginSheet(named: name, columnWidths: columnWidths, frozenRows: frozenRows, print: print)
        try await build(sheet)
        try endSheet(sheet)
    }
}
