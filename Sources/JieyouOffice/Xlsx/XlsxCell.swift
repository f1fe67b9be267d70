/// A cell value as the xlsx writer takes it and the reader returns it.
public enum XlsxValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A calendar day (stored as an Excel serial number with a date format).
    case date(year: Int, month: Int, day: Int)

    /// The value as a person would type it: numbers without a trailing `.0`, dates as `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let y, let m, let d):
            return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
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

/// Excel's day numbers: day 1 is 1900-01-01, and 1900-02-29 (which never existed) is day 60, so
/// serials from 61 on are one more than the true count of days since 1899-12-31.
enum ExcelSerial {
    /// Days since 1970-01-01 of serial 25569.
    private static let unixEpochSerial = 25_569

    static func serial(year: Int, month: Int, day: Int) -> Int {
        daysSince1970(year: year, month: month, day: day) + unixEpochSerial
    }

    static func date(serial: Double) -> (year: Int, month: Int, day: Int)? {
        guard serial >= 61, serial < 2_958_466 else { return nil }
        return civil(fromDays: Int(serial.rounded(.down)) - unixEpochSerial)
    }

    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// `A`, `B` … `Z`, `AA` …: the letters of a 0-based column index, and back.
enum ColumnName {
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var result = ""
        while n > 0 {
            let r = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + r))) + result
            n = (n - 1) / 26
        }
        return result
    }

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
