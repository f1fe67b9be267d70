/// The periods the task forces report on (PRODUCT.md §4; seed 000 "周调度、旬通报", seed 001 "旬调度、
/// 月通报、季讲评"): a week ending on the Thursday it is sent, a ten-day period (旬), a month and a
/// quarter. Each knows its days, the one before it (for the change against it) and the day its report
/// is due.
public enum ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    /// 周调度: Friday through the Thursday the dispatch is sent on.
    case week(endingThursday: LocalDate)
    /// 旬通报: a ten-day period, due by the 9th day of the next one.
    case tenDay(TenDayPeriod)
    /// 月通报: a calendar month, due on the 5th of the next.
    case month(year: Int, month: Int)
    /// 季讲评: a quarter, due on the 10th of the month after it.
    case quarter(year: Int, quarter: Int)

    public enum Kind: String, Sendable, CaseIterable, Codable {
        case week, tenDay, month, quarter

        /// 周调度, 旬通报 …: the report made on such a period.
        public var reportName: String {
            switch self {
            case .week: "周调度"
            case .tenDay: "旬通报"
            case .month: "月通报"
            case .quarter: "季讲评"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .week: .week
        case .tenDay: .tenDay
        case .month: .month
        case .quarter: .quarter
        }
    }

    /// The period of `kind` that contains `day`.
    public static func containing(_ day: LocalDate, kind: Kind) -> ReportPeriod {
        switch kind {
        case .week:
            // The week that ends on the first Thursday on or after `day`.
            let thursday = day.adding(days: (4 - day.isoWeekday + 7) % 7)
            return .week(endingThursday: thursday)
        case .tenDay: return .tenDay(TenDayPeriod(containing: day))
        case .month: return .month(year: day.year, month: day.month)
        case .quarter: return .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
        }
    }

    /// The latest period of `kind` whose report is due on or before `day` … the one a report written
    /// today is about: for a week, the week ending today if today is a Thursday, else the last one
    /// ended; for the others, the last period that has ended.
    public static func lastEnded(on day: LocalDate, kind: Kind) -> ReportPeriod {
        let current = containing(day, kind: kind)
        if case .week(let thursday) = current, thursday == day { return current }
        return current.previous
    }

    public var start: LocalDate {
        switch self {
        case .week(let thursday): thursday.adding(days: -6)
        case .tenDay(let period): period.start
        case .month(let year, let month): LocalDate(uncheckedYear: year, month: month, day: 1)
        case .quarter(let year, let quarter): LocalDate(uncheckedYear: year, month: (quarter - 1) * 3 + 1, day: 1)
        }
    }

    public var end: LocalDate {
        switch self {
        case .week(let thursday): thursday
        case .tenDay(let period): period.end
        case .month: start.lastOfMonth
        case .quarter(let year, let quarter):
            LocalDate(uncheckedYear: year, month: quarter * 3, day: 1).lastOfMonth
        }
    }

    public func contains(_ day: LocalDate) -> Bool { start <= day && day <= end }

    public var previous: ReportPeriod { Self.containing(start.adding(days: -1), kind: kind) }
    public var next: ReportPeriod { Self.containing(end.adding(days: 1), kind: kind) }

    /// The day the report on this period is due: the Thursday itself for a week, the 9th day of the
    /// next 旬 (see `TenDayPeriod`), the 5th of the next month, the 10th of the month after a quarter.
    public var dueDate: LocalDate {
        switch self {
        case .week(let thursday): thursday
        case .tenDay(let period): period.reportDueDate
        case .month: end.adding(days: 5)
        case .quarter: end.adding(days: 10)
        }
    }

    /// The issue line of the report on this period, `2024年第26期`: its place among the year's periods
    /// of its kind (the 26th 旬, the 9th month, the 38th week ending on a Thursday), the year being the
    /// one the period ends in.
    public var issueLine: String {
        let e = end
        let number: Int =
            switch self {
            case .week(let thursday):
                (LocalDate(uncheckedYear: thursday.year, month: 1, day: 1).days(until: thursday)) / 7 + 1
            case .tenDay(let period): (period.month - 1) * 3 + period.part.rawValue
            case .month(_, let month): month
            case .quarter(_, let quarter): quarter
            }
        return "\(e.year)年第\(number)期"
    }

    /// `2024年9月上旬`, `2024年第3季度`, `2024年9月13日—9月19日`.
    public var chineseName: String {
        switch self {
        case .week:
            let s = start
            let e = end
            let endText = s.year == e.year ? "\(e.month)月\(e.day)日" : "\(e.year)年\(e.month)月\(e.day)日"
            return "\(s.year)年\(s.month)月\(s.day)日—\(endText)"
        case .tenDay(let period): return period.chineseName
        case .month(let year, let month): return "\(year)年\(month)月"
        case .quarter(let year, let quarter): return "\(year)年第\(quarter)季度"
        }
    }

    /// The period's key in addresses: `2024-W-09-19` (the Thursday), `2024-09-1`, `2024-09`, `2024-Q3`.
    public var key: String {
        switch self {
        case .week(let thursday): "week-\(thursday.iso)"
        case .tenDay(let period): "tenDay-\(period)"
        case .month(let year, let month): "month-\(year)-\(month < 10 ? "0" : "")\(month)"
        case .quarter(let year, let quarter): "quarter-\(year)-\(quarter)"
        }
    }

    /// Reads `key` back; nil for anything else (a week key must name a Thursday).
    public init?(key: String) {
        let parts = key.split(separator: "-").map(String.init)
        guard let first = parts.first else { return nil }
        switch (first, parts.count) {
        case ("week", 4):
            guard let day = LocalDate(iso: parts[1...3].joined(separator: "-")), day.isoWeekday == 4 else { return nil }
            self = .week(endingThursday: day)
        case ("tenDay", 4):
            guard let year = Int(parts[1]), let month = Int(parts[2]), (1...12).contains(month),
                let part = Int(parts[3]).flatMap(TenDayPeriod.Part.init(rawValue:)), parts[2].count == 2
            else { return nil }
            self = .tenDay(TenDayPeriod(year: year, month: month, part: part))
        case ("month", 3):
            guard let year = Int(parts[1]), let month = Int(parts[2]), (1...12).contains(month), parts[2].count == 2
            else { return nil }
            self = .month(year: year, month: month)
        case ("quarter", 3):
            guard let year = Int(parts[1]), let quarter = Int(parts[2]), (1...4).contains(quarter) else { return nil }
            self = .quarter(year: year, quarter: quarter)
        default: return nil
        }
        guard (2000...2100).contains(start.year) else { return nil }
    }

    public var description: String { key }
}
