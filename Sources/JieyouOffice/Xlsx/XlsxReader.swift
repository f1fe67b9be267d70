import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the rows of an .xlsx sheet: shared strings, inline strings, numbers, booleans, and dates (numbers
/// whose cell format is a date format). The sheet is parsed as a stream, row by row, so a sheet of
/// hundreds of thousands of rows is read without holding it in memory.
public struct XlsxReader {
    public let sheetNames: [String]
    private let archive: Archive
    private let sheetPaths: [String]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>

    public init(url: URL) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        } catch {
            throw XlsxError.notAWorkbook
        }
        guard archive["xl/workbook.xml"] != nil else { throw XlsxError.notAWorkbook }
        self.archive = archive
        let workbook = try Self.parse(archive, "xl/workbook.xml", WorkbookParser())
        let relationships = try Self.parse(archive, "xl/_rels/workbook.xml.rels", RelationshipsParser())
        sheetNames = workbook.sheets.map(\.name)
        sheetPaths = try workbook.sheets.map { sheet in
            guard let target = relationships.targets[sheet.relationship] else {
                throw XlsxError.malformed(part: "xl/_rels/workbook.xml.rels")
            }
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sharedStrings =
            archive["xl/sharedStrings.xml"] == nil
            ? [] : try Self.parse(archive, "xl/sharedStrings.xml", SharedStringsParser()).strings
        dateStyles =
            archive["xl/styles.xml"] == nil ? [] : try Self.parse(archive, "xl/styles.xml", StylesParser()).dateStyles
    }

    /// Calls `body` with each non-empty row of the sheet at `index`: its 1-based row number and its
    /// values by column (missing cells are `.empty`). With `fillingMergedCells`, every cell of a
    /// merged range reads as the range's top-left value, as a person sees the sheet: an enterprise's
    /// name merged down over its five problem rows is on each of the five.
    public func forEachRow(
        inSheet index: Int = 0, fillingMergedCells: Bool = false, _ body: (Int, [XlsxValue]) throws -> Void
    ) throws {
        guard sheetPaths.indices.contains(index) else { throw XlsxError.noSuchSheet(String(index + 1)) }
        try withoutActuallyEscaping(body) { body in
            let parser = SheetParser(sharedStrings: sharedStrings, dateStyles: dateStyles, onRow: body)
            try Self.stream(archive, sheetPaths[index], parser, readingMerges: fillingMergedCells)
            if let error = parser.callbackError { throw error }
        }
    }

    /// The merged ranges of the sheet at `index`, in the order the sheet lists them.
    public func mergedRanges(inSheet index: Int = 0) throws -> [CellRange] {
        guard sheetPaths.indices.contains(index) else { throw XlsxError.noSuchSheet(String(index + 1)) }
        let file = try Self.extract(archive, sheetPaths[index])
        defer { try? FileManager.default.removeItem(at: file) }
        return try MergedRanges.read(file)
    }

    // MARK: Parsing

    private static func parse<P: NSObject & XMLParserDelegate>(_ archive: Archive, _ path: String, _ delegate: P)
        throws -> P
    {
        guard let entry = archive[path] else { throw XlsxError.malformed(part: path) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            throw XlsxError.malformed(part: path)
        }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw XlsxError.malformed(part: path) }
        return delegate
    }

    /// Extracts a part to a temporary file (the caller removes it).
    private static func extract(_ archive: Archive, _ path: String) throws -> URL {
        guard let entry = archive[path] else { throw XlsxError.malformed(part: path) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString).xml")
        do {
            _ = try archive.extract(entry, to: file, skipCRC32: true)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw XlsxError.malformed(part: path)
        }
        return file
    }

    /// Extracts a sheet to a temporary file and parses it from a stream.
    private static func stream(_ archive: Archive, _ path: String, _ delegate: SheetParser, readingMerges: Bool)
        throws
    {
        let file = try extract(archive, path)
        defer { try? FileManager.default.removeItem(at: file) }
        if readingMerges { delegate.fill(try MergedRanges.read(file)) }
        guard let stream = InputStream(url: file) else { throw XlsxError.malformed(part: path) }
        let parser = XMLParser(stream: stream)
        parser.delegate = delegate
        if !parser.parse() && delegate.callbackError == nil { throw XlsxError.malformed(part: path) }
    }
}

private final class WorkbookParser: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String)] = []

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard element == "sheet" || element.hasSuffix(":sheet"), let name = attributes["name"] else { return }
        let relationship = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((name, relationship))
    }
}

private final class RelationshipsParser: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(XstringEscapes.unescape(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Finds which cell formats (`s` indexes) show dates: the built-in date formats 14–22 and 45–47, and
/// custom formats whose code has day, month or year parts outside quotes.
private final class StylesParser: NSObject, XMLParserDelegate {
    private var customDateFormats: Set<Int> = []
    private var inCellXfs = false
    private var xfIndex = 0
    var dateStyles: Set<Int> = []

    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                Self.isDateFormat(code)
            {
                customDateFormats.insert(id)
            }
        case "cellXfs":
            inCellXfs = true
            xfIndex = 0
        case "xf" where inCellXfs:
            let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
            if Self.builtInDateFormats.contains(format) || customDateFormats.contains(format) {
                dateStyles.insert(xfIndex)
            }
            xfIndex += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "cellXfs" { inCellXfs = false }
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "y", "d", "m", "年", "月", "日": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }
}

private final class SheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let onRow: (Int, [XlsxValue]) throws -> Void
    var callbackError: (any Error)?

    private var rowNumber = 0
    private var row: [XlsxValue] = []
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var cellText = ""
    private var capturing = false
    /// Merged ranges not yet passed, by first row; and the values of those the parse is inside.
    private var pendingMerges: [CellRange] = []
    private var activeMerges: [(range: CellRange, value: XlsxValue)] = []

    init(sharedStrings: [String], dateStyles: Set<Int>, onRow: @escaping (Int, [XlsxValue]) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.onRow = onRow
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            row = []
        case "c":
            cellColumn = attributes["r"].flatMap(ColumnName.index(ofReference:)) ?? row.count
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            cellText = ""
        case "v", "t":
            capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { cellText += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t":
            capturing = false
        case "c":
            let value = cellValue()
            if case .empty = value { return }
            while row.count < cellColumn { row.append(.empty) }
            if row.count == cellColumn { row.append(value) } else { row[cellColumn] = value }
        case "row":
            fillMergedCells()
            guard row.contains(where: { !$0.isEmpty }) else { return }
            do {
                try onRow(rowNumber, row)
            } catch {
                callbackError = error
                parser.abortParsing()
            }
        default: break
        }
    }

    /// Reads every cell of `ranges` as the range's top-left value.
    func fill(_ ranges: [CellRange]) {
        pendingMerges = ranges.sorted { $0.rows.lowerBound > $1.rows.lowerBound }
    }

    private func fillMergedCells() {
        guard !pendingMerges.isEmpty || !activeMerges.isEmpty else { return }
        activeMerges.removeAll { $0.range.rows.upperBound < rowNumber }
        while let next = pendingMerges.last, next.rows.lowerBound <= rowNumber {
            pendingMerges.removeLast()
            guard next.rows.contains(rowNumber) else { continue }
            let anchor = next.columns.lowerBound
            // Rows above the range's first were missing from the sheet: its value is lost with them.
            let value = next.rows.lowerBound == rowNumber && anchor < row.count ? row[anchor] : .empty
            activeMerges.append((next, value))
        }
        for (range, value) in activeMerges where !value.isEmpty {
            while row.count <= range.columns.upperBound { row.append(.empty) }
            for column in range.columns { row[column] = value }
        }
    }

    private func cellValue() -> XlsxValue {
        switch cellType {
        case "s":
            guard let index = Int(cellText), sharedStrings.indices.contains(index) else { return .empty }
            return .text(sharedStrings[index])
        case "inlineStr", "str":
            return cellText.isEmpty ? .empty : .text(XstringEscapes.unescape(cellText))
        case "b":
            return .bool(cellText == "1")
        case "e":
            return .text(cellText)
        default:
            guard let number = Double(cellText) else { return cellText.isEmpty ? .empty : .text(cellText) }
            if dateStyles.contains(cellStyle), let day = ExcelSerial.date(serial: number) {
                return .date(day)
            }
            return .number(number)
        }
    }
}
