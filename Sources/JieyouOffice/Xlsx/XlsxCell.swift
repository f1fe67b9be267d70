import JieyouDomain

/// A cell value as the xlsx writer takes it and the reader returns it.
public enum XlsxValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A calendar day (stored as an Excel serial number with a date format).
    case date(LocalDate)

    /// The value as a person would type it: numbers without a trailing `.0`, dates as `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let day): return day.iso
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return String(n)
        }
    }

    public var isEmpty: Bool {
        if case .empty = self { return true }
        if case .text(let s) = self { return s.allSatisfy(\.isWhitespace) }
        return false
    }
}

/// Excel's day numbers: day 1 is 1900-01-01, and 1900-02-29 (which never existed) is day 60, so from
/// serial 61 (1900-03-01) on, a serial is the days since 1970-01-01 plus 25569.
enum ExcelSerial {
    private static let unixEpochSerial = 25_569

    static func serial(of day: LocalDate) -> Int { day.dayNumber + unixEpochSerial }

    static func date(serial: Double) -> LocalDate? {
        guard serial >= 61, serial < 2_958_466 else { return nil }
        return LocalDate(dayNumber: Int(serial.rounded(.down)) - unixEpochSerial)
    }
}

/// `A`, `B` … `Z`, `AA` …: the letters of a 0-based column index, and back.
enum ColumnName {
    static func letters(_ index: Int) -> String { SheetColumn.letters(index) }

    /// The 0-based column of a reference such as `AB12`, or nil.
    static func index(ofReference reference: String) -> Int? {
        var value = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            value = value * 26 + Int((scalar.value & ~0x20) - 64)
            sawLetter = true
        }
        return sawLetter ? value - 1 : nil
    }
}
