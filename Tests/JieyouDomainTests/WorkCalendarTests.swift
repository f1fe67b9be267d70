import JieyouDomain
import Testing

@Suite struct WorkCalendarTests {
    let calendar = WorkCalendar.shipped

    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func adjustedWeekendDaysAreWorkingDays() {
        #expect(day("2024-09-29").isoWeekday == 7)
        #expect(calendar.isWorkingDay(day("2024-09-29")))
        #expect(day("2024-10-12").isoWeekday == 6)
        #expect(calendar.isWorkingDay(day("2024-10-12")))
        #expect(calendar.isWorkingDay(day("2025-01-26")))
        #expect(calendar.isWorkingDay(day("2025-02-08")))
    }

    @Test func nationalDayWeekIsOff() {
        for d in 1...7 {
            #expect(!calendar.isWorkingDay(LocalDate(year: 2024, month: 10, day: d)!), "2024-10-0\(d)")
        }
        #expect(calendar.isWorkingDay(day("2024-10-08")))
    }

    @Test func springFestival2025IsOff() {
        var date = day("2025-01-28")
        while date <= day("2025-02-04") {
            #expect(!calendar.isWorkingDay(date), "\(date)")
            date = date.adding(days: 1)
        }
        #expect(calendar.isWorkingDay(day("2025-01-27")))
        #expect(calendar.isWorkingDay(day("2025-02-05")))
    }

    @Test func ordinaryWeekendsAreOff() {
        #expect(!calendar.isWorkingDay(day("2024-09-07")))  // Saturday
        #expect(!calendar.isWorkingDay(day("2024-09-08")))  // Sunday
        #expect(calendar.isWorkingDay(day("2024-09-09")))
    }

    @Test func fiveWorkingDaysAfterFridayBeforeNationalDay() {
        #expect(calendar.addingWorkingDays(5, to: day("2024-09-27")) == day("2024-10-10"))
    }

    @Test func addingWorkingDaysSkipsWeekendsAndCountsZero() {
        #expect(calendar.addingWorkingDays(1, to: day("2024-09-06")) == day("2024-09-09"))
        #expect(calendar.addingWorkingDays(0, to: day("2024-09-07")) == day("2024-09-07"))
        #expect(calendar.addingWorkingDays(1, to: day("2025-01-27")) == day("2025-02-05"))
    }

    @Test func countingWorkingDaysIsTheInverseOfAdding() {
        let start = day("2024-09-20")
        for n in 0...40 {
            let end = calendar.addingWorkingDays(n, to: start)
            #expect(calendar.workingDays(after: start, through: end) == n)
        }
        #expect(calendar.workingDays(after: day("2024-09-27"), through: day("2024-10-10")) == 5)
        #expect(calendar.workingDays(after: day("2024-10-10"), through: day("2024-09-27")) == 0)
    }

    @Test func adminEntriesOverrideTheShippedSchedule() {
        let extended = calendar.merging([
            CalendarEntry(date: day("2027-01-01"), kind: .holiday, name: "元旦"),
            CalendarEntry(date: day("2024-10-12"), kind: .holiday, name: "更正"),
        ])
        #expect(!extended.isWorkingDay(day("2027-01-01")))
        #expect(!extended.isWorkingDay(day("2024-10-12")))
        #expect(extended.knownYears.contains(2027))
        #expect(!calendar.knownYears.contains(2027))
    }

    @Test func shippedScheduleCoversTheSeedYears() {
        #expect(calendar.knownYears.isSuperset(of: [2023, 2024, 2025, 2026]))
        #expect(calendar.holidayName(on: day("2024-10-03")) == "国庆节")
    }

    @Test func malformedScheduleLinesNameTheLine() {
        #expect(
            throws: HolidaySchedule.ParseError(
                line: 2, reason: "日期“2024-13-01”格式应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD")
        ) {
            try HolidaySchedule.parse("2024 | 元旦 | 2024-01-01 |\n2024 | 坏 | 2024-13-01 |")
        }
        #expect(throws: HolidaySchedule.ParseError.self) { try HolidaySchedule.parse("2024 元旦 2024-01-01") }
    }
}
