/// Why a workbook could not be read, in Chinese for the person who uploaded it.
public enum XlsxError: Error, Equatable, CustomStringConvertible {
    /// Not a zip, or a zip without a workbook: a .xls, a renamed CSV, a picture …
    case notAWorkbook
    /// The workbook has no sheet with that position or name.
    case noSuchSheet(String)
    /// A part of the package cannot be parsed.
    case malformed(part: String)

    public var description: String {
        switch self {
        case .notAWorkbook: "文件不是有效的 Excel 工作簿（.xlsx）。如为 .xls 或 WPS 格式，请另存为 .xlsx 后再上传"
        case .noSuchSheet(let sheet): "工作簿中没有工作表“\(sheet)”"
        case .malformed(let part): "Excel 文件已损坏，无法读取（\(part)）"
        }
    }
}
