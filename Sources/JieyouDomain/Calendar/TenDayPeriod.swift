/// A ten-day period (旬): 上旬 is days 1–10, 中旬 11–20, 下旬 21 to the month's end (8 to 11 days).
///
/// The 旬通报 on a period is due "每旬9日前": by the 9th day of the following period, i.e. the 19th for
/// 上旬, the 29th for 中旬 and the 9th of the next month for 下旬. In a February of 28 days the 29th
/// does not exist, so the 中旬 bulletin is then due on the 28th, the last day of that period's month.
public struct TenDayPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Part: Int, Sendable, CaseIterable, Codable {
        case first = 1, second, third

        /// 上旬 / 中旬 / 下旬
        public var chineseName: String {
            switch self {
            case .first: "上旬"
            case .second: "中旬"
            case .third: "下旬"
            }
        }
    }

    public let year: Int
    public let month: Int
    public let part: Part

    public init(year: Int, month: Int, part: Part) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
        self.part = part
    }

    public init(containing date: LocalDate) {
        let part: Part = date.day <= 10 ? .first : (date.day <= 20 ? .second : .third)
        self.init(year: date.year, month: date.month, part: part)
    }

    public var start: LocalDate {
        LocalDate(uncheckedYear: year, month: month, day: (part.rawValue - 1) * 10 + 1)
    }

    public var end: LocalDate {
        switch part {
        case .first, .second: LocalDate(uncheckedYear: year, month: month, day: part.rawValue * 10)
        case .third: start.lastOfMonth
        }
    }

    public var dayCount: Int { start.days(until: end) + 1 }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    public var next: TenDayPeriod { TenDayPeriod(containing: end.adding(days: 1)) }
    public var previous: TenDayPeriod { TenDayPeriod(containing: start.adding(days: -1)) }

    /// The day the bulletin on this period is due (the 9th day of the next period, clamped to its month).
    public var reportDueDate: LocalDate {
        let following = next
        let day = min(following.start.day + 8, following.end.day)
        return LocalDate(uncheckedYear: following.year, month: following.month, day: day)
    }

    /// The period whose bulletin is due in the period containing `date`: the one before it.
    public static func reportedPeriod(on date: LocalDate) -> TenDayPeriod {
        TenDayPeriod(containing: date).previous
    }

    /// The next bulletin to send on `date`: the period before this one until its due day (the 9th,
    /// 19th or 29th) has passed, then this period, whose bulletin is due in the next.
    public static func nextToReport(on date: LocalDate) -> TenDayPeriod {
        let reported = reportedPeriod(on: date)
        return date <= reported.reportDueDate ? reported : reported.next
    }

    /// `2024年9月上旬`
    public var chineseName: String { "\(year)年\(month)月\(part.chineseName)" }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)-\(part.rawValue)" }

    public static func < (lhs: TenDayPeriod, rhs: TenDayPeriod) -> Bool { lhs.start < rhs.start }
}

extension TenDayPeriod {
    /// Reads the `description` form back: `2025-05-2` is 2025年5月中旬.
    public init?(code: String) {
        let parts = code.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month), (2000...2100).contains(year), let raw = Int(parts[2]),
            let part = Part(rawValue: raw)
        else { return nil }
        self.init(year: year, month: month, part: part)
    }
}
