import Foundation

/// The statutory holidays and adjusted working days (调休上班) announced each year by the
/// General Office of the State Council (国务院办公厅关于…部分节假日安排的通知).
///
/// This is the data the product ships with; admins add later years in the app (they are stored in the
/// database and merged over this list). One line per holiday: year, name, the days off, and the
/// weekend days that are worked instead. Ranges are inclusive.
public enum HolidaySchedule {
    public static let shippedText = """
        # year | 节日 | 放假 (days off) | 调休上班 (weekend days worked)
        2023 | 元旦 | 2022-12-31..2023-01-02 |
        2023 | 春节 | 2023-01-21..2023-01-27 | 2023-01-28, 2023-01-29
        2023 | 清明节 | 2023-04-05 |
        2023 | 劳动节 | 2023-04-29..2023-05-03 | 2023-04-23, 2023-05-06
        2023 | 端午节 | 2023-06-22..2023-06-24 | 2023-06-25
        2023 | 中秋节、国庆节 | 2023-09-29..2023-10-06 | 2023-10-07, 2023-10-08
        2024 | 元旦 | 2024-01-01 |
        2024 | 春节 | 2024-02-10..2024-02-17 | 2024-02-04, 2024-02-18
        2024 | 清明节 | 2024-04-04..2024-04-06 | 2024-04-07
        2024 | 劳动节 | 2024-05-01..2024-05-05 | 2024-04-28, 2024-05-11
        2024 | 端午节 | 2024-06-10 |
        2024 | 中秋节 | 2024-09-15..2024-09-17 | 2024-09-14
        2024 | 国庆节 | 2024-10-01..2024-10-07 | 2024-09-29, 2024-10-12
        2025 | 元旦 | 2025-01-01 |
        2025 | 春节 | 2025-01-28..2025-02-04 | 2025-01-26, 2025-02-08
        2025 | 清明节 | 2025-04-04..2025-04-06 |
        2025 | 劳动节 | 2025-05-01..2025-05-05 | 2025-04-27
        2025 | 端午节 | 2025-05-31..2025-06-02 |
        2025 | 国庆节、中秋节 | 2025-10-01..2025-10-08 | 2025-09-28, 2025-10-11
        2026 | 元旦 | 2026-01-01..2026-01-03 | 2026-01-04
        2026 | 春节 | 2026-02-15..2026-02-23 | 2026-02-14, 2026-02-28
        2026 | 清明节 | 2026-04-04..2026-04-06 |
        2026 | 劳动节 | 2026-05-01..2026-05-05 | 2026-05-09
        2026 | 端午节 | 2026-06-19..2026-06-21 |
        2026 | 中秋节 | 2026-09-25..2026-09-27 |
        2026 | 国庆节 | 2026-10-01..2026-10-07 | 2026-09-20, 2026-10-10
        """

    /// The shipped schedule as calendar entries. The text above is a constant, so a parse failure is a
    /// programming error caught by the unit tests, not something a user can cause.
    public static let shipped: [CalendarEntry] = {
        do {
            return try parse(shippedText)
        } catch {
            preconditionFailure("HolidaySchedule.shippedText is malformed: \(error)")
        }
    }()

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "第\(line)行：\(reason)" }

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Parses lines of `year | name | days off | working days`. Blank lines and `#` comments are ignored.
    public static func parse(_ text: String) throws -> [CalendarEntry] {
        var entries: [CalendarEntry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4, Int(fields[0]) != nil, !fields[1].isEmpty else {
                throw ParseError(line: index + 1, reason: "应为“年份 | 节日 | 放假日期 | 调休上班日期”")
            }
            let name = fields[1]
            for date in try dates(in: fields[2], line: index + 1) {
                entries.append(CalendarEntry(date: date, kind: .holiday, name: name))
            }
            for date in try dates(in: fields[3], line: index + 1) {
                entries.append(CalendarEntry(date: date, kind: .workday, name: name))
            }
        }
        return entries
    }

    private static func dates(in field: String, line: Int) throws -> [LocalDate] {
        var result: [LocalDate] = []
        for item in field.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let ends = item.components(separatedBy: "..")
            guard let first = LocalDate(iso: ends[0]), let last = LocalDate(iso: ends.last!), first <= last,
                ends.count <= 2
            else {
                throw ParseError(line: line, reason: "日期“\(item)”格式应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD")
            }
            result.append(contentsOf: (first.dayNumber...last.dayNumber).map(LocalDate.init(dayNumber:)))
        }
        return result
    }
}
