import Testing

@testable import JieyouDomain

@Suite struct ReportPeriodTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func aWeekRunsFromFridayToTheThursdayItIsSentOn() {
        // 2024-09-19 is a Thursday.
        let week = ReportPeriod.containing(day("2024-09-16"), kind: .week)
        #expect(week == .week(endingThursday: day("2024-09-19")))
        #expect(week.start == day("2024-09-13") && week.end == day("2024-09-19") && week.dueDate == day("2024-09-19"))
        #expect(ReportPeriod.containing(day("2024-09-20"), kind: .week).end == day("2024-09-26"))
        #expect(week.previous.end == day("2024-09-12"))
        #expect(week.chineseName == "2024年9月13日—9月19日")
        // Across a year end: Friday 2024-12-27 to Thursday 2025-01-02.
        let newYear = ReportPeriod.containing(day("2024-12-30"), kind: .week)
        #expect(newYear.start == day("2024-12-27") && newYear.end == day("2025-01-02"))
        #expect(newYear.chineseName == "2024年12月27日—2025年1月2日")
        // Written on a Thursday, the report is on the week ending that day; on a Friday, on the one before.
        #expect(ReportPeriod.lastEnded(on: day("2024-09-19"), kind: .week).end == day("2024-09-19"))
        #expect(ReportPeriod.lastEnded(on: day("2024-09-20"), kind: .week).end == day("2024-09-19"))
    }

    @Test func tenDayPeriodsEndWithTheirMonthsAndAreDueOnTheNinth() {
        let february = ReportPeriod.containing(day("2024-02-29"), kind: .tenDay)
        #expect(february.start == day("2024-02-21") && february.end == day("2024-02-29"))
        #expect(february.dueDate == day("2024-03-09"))
        let leapless = ReportPeriod.containing(day("2025-02-15"), kind: .tenDay)
        // 中旬 of a 28-day February is due on the 28th: its 29th does not exist.
        #expect(leapless.dueDate == day("2025-02-28"))
        let december = ReportPeriod.containing(day("2024-12-31"), kind: .tenDay)
        #expect(december.start == day("2024-12-21") && december.end == day("2024-12-31"))
        #expect(december.dueDate == day("2025-01-09") && december.next.start == day("2025-01-01"))
        #expect(ReportPeriod.containing(day("2025-01-05"), kind: .tenDay).previous == december)
        #expect(ReportPeriod.lastEnded(on: day("2025-01-09"), kind: .tenDay) == december)
        #expect(december.chineseName == "2024年12月下旬")
    }

    /// The issue line of the report: its place among the year's reports of its kind.
    @Test func eachPeriodNumbersItsReportWithinTheYear() throws {
        let day = try #require(LocalDate(iso: "2026-11-30"))
        #expect(ReportPeriod.containing(day, kind: .tenDay).issueLine == "2026年第33期")
        #expect(ReportPeriod.containing(day, kind: .month).issueLine == "2026年第11期")
        #expect(ReportPeriod.containing(day, kind: .quarter).issueLine == "2026年第4期")
        // The first Thursday of 2026 is 1 January: its week is the first; 3 December is the 49th.
        #expect(
            ReportPeriod.containing(try #require(LocalDate(iso: "2026-01-01")), kind: .week).issueLine == "2026年第1期")
        #expect(
            ReportPeriod.containing(try #require(LocalDate(iso: "2026-12-03")), kind: .week).issueLine == "2026年第49期")
    }

    @Test func monthsAndQuarters() {
        let month = ReportPeriod.containing(day("2024-02-10"), kind: .month)
        #expect(
            month.start == day("2024-02-01") && month.end == day("2024-02-29") && month.dueDate == day("2024-03-05"))
        #expect(ReportPeriod.containing(day("2025-01-31"), kind: .month).previous == .month(year: 2024, month: 12))
        let quarter = ReportPeriod.containing(day("2024-11-30"), kind: .quarter)
        #expect(quarter == .quarter(year: 2024, quarter: 4))
        #expect(quarter.start == day("2024-10-01") && quarter.end == day("2024-12-31"))
        #expect(quarter.dueDate == day("2025-01-10") && quarter.next == .quarter(year: 2025, quarter: 1))
        #expect(quarter.previous.chineseName == "2024年第3季度")
    }

    @Test func keysReadBack() {
        let periods: [ReportPeriod] = [
            .week(endingThursday: day("2024-09-19")), .tenDay(TenDayPeriod(year: 2024, month: 9, part: .third)),
            .month(year: 2024, month: 2), .quarter(year: 2025, quarter: 1),
        ]
        for period in periods { #expect(ReportPeriod(key: period.key) == period, "\(period.key)") }
        for bad in [
            "week-2024-09-18", "tenDay-2024-13-1", "tenDay-2024-9-1", "month-2024-00", "quarter-2024-5", "x", "",
        ] {
            #expect(ReportPeriod(key: bad) == nil, "\(bad)")
        }
    }
}
