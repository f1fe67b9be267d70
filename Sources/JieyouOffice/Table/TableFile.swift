import Foundation

/// A spreadsheet as rows of cell text, whatever it was saved as: an `.xlsx` workbook (its first sheet)
/// or a CSV file. Importers read this, so they never care which one a person uploaded.
public struct TableFile {
    public enum Format: String, Sendable {
        case xlsx
        case csv
    }

    public let format: Format
    /// The text encoding of a CSV file; nil for a workbook.
    public var encoding: TextEncoding? { csv?.encoding }
    private let xlsx: XlsxReader?
    private let csv: CSVReader?

    /// Opens the file at `url`. The format is decided by the content (a zip is a workbook), not by
    /// the name, because people rename files; `TableFileError` says in Chinese what is wrong.
    public init(url: URL) throws {
        let handle = try FileHandle(forReadingFrom: url)
        let head = try handle.read(upToCount: 8) ?? Data()
        try handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                xlsx = try XlsxReader(url: url)
            } catch let error as XlsxError {
                throw TableFileError.unreadable(error.description)
            }
            csv = nil
            format = .xlsx
            return
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw TableFileError.unreadable("这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传")
        }
        if head.isEmpty { throw TableFileError.empty }
        do {
            csv = try CSVReader(data: try Data(contentsOf: url))
        } catch {
            throw TableFileError.unreadable("文件不是 Excel 工作簿（.xlsx）或 CSV 表格，无法读取")
        }
        xlsx = nil
        format = .csv
    }

    /// Calls `body` with each row's number as Excel shows it and its cells as text. A merged cell of a
    /// workbook reads as its top-left value on each row and column it covers (a 所属市县 merged down
    /// over a county's enterprises belongs to each of them).
    public func forEachRow(_ body: (Int, [String]) throws -> Void) throws {
        if let xlsx {
            try xlsx.forEachRow(inSheet: 0, fillingMergedCells: true) { number, values in
                try body(number, values.map(\.text))
            }
        } else if let csv {
            try csv.forEachRow(body)
        }
    }
}

public enum TableFileError: Error, Equatable, CustomStringConvertible {
    case empty
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: "文件是空的"
        case .unreadable(let reason): reason
        }
    }
}
