/// The official working-day calendar (工作日): Monday to Friday, less statutory holidays, plus the
/// weekend days that are worked in exchange (调休上班). Every deadline in the problem loop counts
/// working days on this calendar.
public struct WorkCalendar: Sendable {
    private var holidays: [LocalDate: String] = [:]
    private var workdays: [LocalDate: String] = [:]
    /// The years for which an official schedule is loaded. Outside them only weekends are off, which
    /// the UI points out, because a deadline computed there may move once the schedule is published.
    public private(set) var knownYears: Set<Int> = []

    public init(entries: [CalendarEntry]) {
        for entry in entries {
            apply(entry)
        }
    }

    /// The calendar the product ships with (see `HolidaySchedule`).
    public static let shipped = WorkCalendar(entries: HolidaySchedule.shipped)

    /// Returns a calendar with `entries` laid over this one; a later entry for the same day wins.
    public func merging(_ entries: [CalendarEntry]) -> WorkCalendar {
        var copy = self
        for entry in entries {
            copy.apply(entry)
        }
        return copy
    }

    private mutating func apply(_ entry: CalendarEntry) {
        switch entry.kind {
        case .holiday:
            workdays[entry.date] = nil
            holidays[entry.date] = entry.name
        case .workday:
            holidays[entry.date] = nil
            workdays[entry.date] = entry.name
        }
        knownYears.insert(entry.date.year)
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if holidays[date] != nil { return false }
        if workdays[date] != nil { return true }
        return !date.isWeekend
    }

    /// The holiday name when `date` is a statutory day off or an adjusted working day.
    public func holidayName(on date: LocalDate) -> String? { holidays[date] ?? workdays[date] }

    /// The `count`-th working day after `date` (the day itself does not count): a problem assigned on
    /// Friday 2024-09-27 with 5 working days is due on 2024-10-10. A count of zero returns `date`.
    public func addingWorkingDays(_ count: Int, to date: LocalDate) -> LocalDate {
        precondition(count >= 0, "working-day offsets are never negative")
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// Working days in the half-open interval (`start`, `end`]: how many working days have passed
    /// since `start` by the end of `end`. Zero when `end` is not after `start`.
    public func workingDays(after start: LocalDate, through end: LocalDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// Every override, sorted by date, for display and export.
    public var entries: [CalendarEntry] {
        let all =
            holidays.map { CalendarEntry(date: $0.key, kind: .holiday, name: $0.value) }
            + workdays.map { CalendarEntry(date: $0.key, kind: .workday, name: $0.value) }
        return all.sorted { $0.date < $1.date }
    }
}
