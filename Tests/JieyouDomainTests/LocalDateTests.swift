import Foundation
import JieyouDomain
import Testing

@Suite struct LocalDateTests {
    @Test func roundTripsDayNumbersAcrossCenturies() {
        for n in stride(from: -719_000, through: 2_900_000, by: 997) {  // years 1…9999
            let date = LocalDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
        #expect(LocalDate(dayNumber: 0).iso == "1970-01-01")
    }

    @Test func rejectsImpossibleDates() {
        #expect(LocalDate(iso: "2025-02-29") == nil)
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2024-9-4") == nil)
        #expect(LocalDate(iso: "2024-13-01") == nil)
        #expect(LocalDate(iso: "abc") == nil)
    }

    @Test func weekdays() {
        #expect(LocalDate(iso: "2024-09-04")!.isoWeekday == 3)  // Wednesday
        #expect(LocalDate(iso: "1970-01-01")!.isoWeekday == 4)
        #expect(LocalDate(iso: "1969-12-28")!.isoWeekday == 7)
    }

    @Test func dayOfAnInstantInChinaStandardTime() {
        // 2024-09-30T16:30:00Z is already 2024-10-01 00:30 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_727_713_800)
        #expect(LocalDate(instant, in: .chinaStandard).iso == "2024-10-01")
        #expect(LocalDate(instant, in: TimeZone(secondsFromGMT: 0)!).iso == "2024-09-30")
    }
}
