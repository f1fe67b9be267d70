import Foundation
import JieyouDomain
import JieyouOffice

/// The file formats a ledger is exported in: .xlsx for people, .csv for machines.
enum ExportFormat: String, Sendable {
    case xlsx, csv

    /// The `format` query parameter; absent is .xlsx.
    init(query text: String?) throws {
        guard let text, !text.isEmpty else {
            self = .xlsx
            return
        }
        guard let format = ExportFormat(rawValue: text.lowercased()) else {
            throw AppError.invalid("format", "导出格式只能是 xlsx 或 csv")
        }
        self = format
    }
}

/// A ledger written as a file, page by page as the store reads it, so memory stays flat however many
/// rows there are. The workbook has the ledger's title (with the unit and the day) above a frozen
/// header row whose texts are the import's, so an exported list can be corrected and imported again;
/// the CSV has the header row alone.
struct LedgerExport {
    struct Column {
        let header: String
        let width: Double
    }

    /// `企业名单`: the sheet's and the file's name.
    let title: String
    /// `长沙高新区 2026-12-07`: beneath the title, and in the file name.
    let subtitle: String
    let columns: [Column]

    /// Writes the file; `rows` calls its argument with each page of rows.
    func write(
        _ format: ExportFormat, rows: (_ page: @escaping ([[XlsxValue]]) async throws -> Void) async throws -> Void
    ) async throws -> OfficeFile {
        let name = "\(title)（\(subtitle)）"
        switch format {
        case .xlsx:
            return try await OfficeFile.write(.xlsx, named: name) { url in
                let writer = try XlsxWriter(url: url)
                try await writer.addSheet(
                    named: title, columnWidths: columns.map(\.width), frozenRows: 2, print: .table(headerRows: 2)
                ) { sheet in
                    let blank = Array(repeating: XlsxValue.empty, count: max(columns.count - 1, 0))
                    try sheet.addRow([.text("\(title)　\(subtitle)")] + blank, style: .title, height: 30)
                    // Across the table, which prints one page wide.
                    try sheet.merge(columns: 0...max(columns.count - 1, 0), rows: 1...1)
                    // At least two lines tall, as the other lists' headers; one that wraps further grows.
                    try sheet.addRow(columns.map { .text($0.header) }, style: .header, height: 32)
                    // Bordered and wrapped, as a table on paper: a long text takes more lines, not the
                    // next column.
                    try await rows { page in
                        for row in page { try sheet.addRow(row, style: .wrapped) }
                    }
                }
                try writer.close()
            }
        case .csv:
            return try await OfficeFile.write(.csv, named: name) { url in
                let writer = try CSVWriter(url: url)
                try writer.addRow(columns.map(\.header))
                try await rows { page in
                    for row in page { try writer.addRow(row.map(\.text)) }
                }
                try writer.close()
            }
        }
    }
}

extension XlsxValue {
    /// An ISO day (as the database keeps it) as a date cell; blank when there is none, the text as it
    /// is when it is not a day.
    static func day(iso: String?) -> XlsxValue {
        guard let iso else { return .empty }
        return LocalDate(iso: iso).map { .date($0) } ?? .text(iso)
    }

    /// Text, or a blank cell.
    static func orEmpty(_ value: String?) -> XlsxValue { value.map { .text($0) } ?? .empty }
}
