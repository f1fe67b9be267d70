import JieyouDomain
import Testing

@Suite struct TenDayPeriodTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test(arguments: [
        ("2025-02-28", "2025-02-21", "2025-02-28", 8),  // 28-day month
        ("2024-02-29", "2024-02-21", "2024-02-29", 9),  // 29-day month
        ("2024-09-30", "2024-09-21", "2024-09-30", 10),  // 30-day month
        ("2024-10-31", "2024-10-21", "2024-10-31", 11),  // 31-day month
    ])
    func lastPeriodRunsToTheMonthsEnd(date: String, start: String, end: String, days: Int) {
        let period = TenDayPeriod(containing: day(date))
        #expect(period.part == .third)
        #expect(period.start == day(start))
        #expect(period.end == day(end))
        #expect(period.dayCount == days)
    }

    @Test func partsSplitAtTenAndTwenty() {
        #expect(TenDayPeriod(containing: day("2024-09-10")).part == .first)
        #expect(TenDayPeriod(containing: day("2024-09-11")).part == .second)
        #expect(TenDayPeriod(containing: day("2024-09-20")).part == .second)
        #expect(TenDayPeriod(containing: day("2024-09-21")).part == .third)
        #expect(TenDayPeriod(containing: day("2024-09-04")).chineseName == "2024年9月上旬")
    }

    @Test(arguments: [
        // period containing, due date of its bulletin
        ("2024-09-05", "2024-09-19"),
        ("2024-09-15", "2024-09-29"),
        ("2024-09-25", "2024-10-09"),
        ("2024-12-31", "2025-01-09"),  // 下旬 of December: due in the next year
        ("2025-02-15", "2025-02-28"),  // 中旬 of a 28-day February: no 29th, due on the 28th
        ("2024-02-15", "2024-02-29"),  // 中旬 of a 29-day February
        ("2024-04-15", "2024-04-29"),  // 30-day month
        ("2024-02-25", "2024-03-09"),
    ])
    func bulletinDueDates(inPeriod date: String, due: String) {
        #expect(TenDayPeriod(containing: day(date)).reportDueDate == day(due))
    }

    @Test func nextAndPreviousCrossMonthsAndYears() {
        let last = TenDayPeriod(containing: day("2024-12-25"))
        #expect(last.next == TenDayPeriod(year: 2025, month: 1, part: .first))
        #expect(last.next.previous == last)
        #expect(TenDayPeriod.reportedPeriod(on: day("2024-10-09")) == TenDayPeriod(year: 2024, month: 9, part: .third))
    }

    /// The home page named a bulletin whose due day had passed (on 10-10, 9月下旬's, due 10-09).
    @Test func theNextBulletinToReportIsNeverPastItsDueDay() {
        #expect(TenDayPeriod.nextToReport(on: day("2026-10-09")) == TenDayPeriod(year: 2026, month: 9, part: .third))
        #expect(TenDayPeriod.nextToReport(on: day("2026-10-10")) == TenDayPeriod(year: 2026, month: 10, part: .first))
        #expect(TenDayPeriod.nextToReport(on: day("2026-10-10")).reportDueDate == day("2026-10-19"))
        #expect(TenDayPeriod.nextToReport(on: day("2026-12-29")) == TenDayPeriod(year: 2026, month: 12, part: .second))
        #expect(TenDayPeriod.nextToReport(on: day("2026-12-31")).reportDueDate == day("2027-01-09"))
        for offset in 0..<400 {
            let date = day("2026-01-01").adding(days: offset)
            #expect(TenDayPeriod.nextToReport(on: date).reportDueDate >= date, "\(date.iso)")
        }
    }

    @Test func thursdayOfTheReportingWeek() {
        #expect(ReportingWeek(containing: day("2024-09-04")).thursday == day("2024-09-05"))
        #expect(ReportingWeek(containing: day("2024-09-08")).thursday == day("2024-09-05"))  // Sunday
        #expect(ReportingWeek(containing: day("2024-09-09")).thursday == day("2024-09-12"))  // Monday
        #expect(ReportingWeek(containing: day("2024-12-31")).thursday == day("2025-01-02"))
    }
}
