/// A rejected cell (or row) of an imported sheet: where it is, in the terms a person sees in Excel
/// (row 5, column C), and why, in Chinese.
public struct SheetError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// 1-based row number as Excel shows it.
    public let row: Int
    /// Column letters (`C`), or nil when the whole row or the file is meant.
    public let column: String?
    /// The column's header as written in the sheet (`所属行业`).
    public let header: String?
    public let message: String

    public init(row: Int, column: String?, header: String?, message: String) {
        self.row = row
        self.column = column
        self.header = header
        self.message = message
    }

    /// `第5行 C列（所属行业）：无法识别的行业“化肥”`
    public var description: String {
        var place = "第\(row)行"
        if let column { place += " \(column)列" }
        if let header { place += "（\(header)）" }
        return "\(place)：\(message)"
    }
}

/// `A`, `B` … `Z`, `AA` …: the letters of a 0-based column index.
public enum SheetColumn {
    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var result = ""
        while n > 0 {
            let r = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + r))) + result
            n = (n - 1) / 26
        }
        return result
    }
}

extension Sequence<SheetError> {
    /// In the order a person reads the sheet: by row, then by column (B before AA).
    public func inSheetOrder() -> [SheetError] {
        sorted { ($0.row, $0.column?.count ?? 0, $0.column ?? "") < ($1.row, $1.column?.count ?? 0, $1.column ?? "") }
    }
}
