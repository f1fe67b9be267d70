import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 工作日历 page rendered from the shipped 2026 schedule, compared with the HTML kept in `Golden/`
/// (see `Golden.check`).
@Suite struct CalendarPageGoldenTests {
    @Test func theYearsScheduleOpenAndARefusedNewYear() throws {
        let calendar = WorkCalendar(entries: HolidaySchedule.shipped.filter { $0.date.year == 2026 })
        let view = CalendarView(
            calendar: calendar, year: 2026, schedule: "2027 | 元旦 | 2027-13-01 |",
            errors: [FieldError(field: "schedule", message: "第1行：放假日期“2027-13-01”不是有效日期")],
            csrf: HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">"))
        try Golden.check(view.html.description, "calendar.html")
    }
}
