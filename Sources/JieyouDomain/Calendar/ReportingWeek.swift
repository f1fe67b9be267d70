/// The week of the 周调度, which is sent every Thursday (每周四).
public struct ReportingWeek: Hashable, Sendable {
    /// Monday of the week.
    public let monday: LocalDate

    public init(containing date: LocalDate) {
        monday = date.adding(days: 1 - date.isoWeekday)
    }

    public var sunday: LocalDate { monday.adding(days: 6) }

    /// The Thursday of the week, the day its dispatch report is due.
    public var thursday: LocalDate { monday.adding(days: 3) }

    public var previous: ReportingWeek { ReportingWeek(containing: monday.adding(days: -7)) }

    public func contains(_ date: LocalDate) -> Bool { monday <= date && date <= sunday }
}
