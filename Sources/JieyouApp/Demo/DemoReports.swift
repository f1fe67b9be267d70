import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The demo's 报送 history, so that 长沙市's 报送收件箱 reads as a city's does: 长沙高新区 issued its last
/// three 旬通报 and its last 周调度 on their due days; 望城经开区 issued the two 旬通报 before the last,
/// one of them two days late, and has not issued the last 旬通报 or 周调度 due. The city's 上级专班 has
/// read the oldest ones.
struct DemoReports {
    let app: Application
    let now: Date

    /// One park: who issues its reports, how many 旬 back, and how late.
    struct Park {
        let unit: UUID
        let dispatcher: Actor
        /// Days after the due day each of the last three 旬通报 was issued, newest first; nil: not issued.
        let tenDayDelays: [Int?]
        let weekDelay: Int?
    }

    func load(_ parks: [Park], reader: Actor) async throws {
        let db = app.db
        let today = LocalDate(now, in: .chinaStandard)
        let tree = try await OrgDirectory.tree(on: db)
        let calendar = try await CalendarStore.calendar(on: db)
        var issued: [(id: UUID, on: LocalDate)] = []
        for park in parks {
            var periods: [(ReportPeriod, Int?)] = []
            var period = ReportDelivery.lastDue(.tenDay, before: today)
            for delay in park.tenDayDelays {
                periods.append((period, delay))
                period = period.previous
            }
            periods.append((ReportDelivery.lastDue(.week, before: today), park.weekDelay))
            for (period, delay) in periods {
                guard let delay else { continue }
                let bulletin = try await BulletinComposer(
                    actor: park.dispatcher, tree: tree, sql: db.sql, calendar: calendar, today: today
                ).compose(unit: park.unit, period: period)
                let day = period.dueDate.adding(days: delay)
                let at = Self.afternoon(of: day)
                let draft = try await ReportStore.draft(
                    .bulletin(bulletin), unit: park.unit, actorID: park.dispatcher.userID,
                    now: at.addingTimeInterval(-7_200),
                    on: db)
                try await ReportStore.issue(draft.id, actor: park.dispatcher, tree: tree, now: at, on: db)
                issued.append((draft.id, day))
            }
        }
        // The city has read what came in more than a week ago.
        for report in issued where report.on.days(until: today) > 7 {
            try await ReportStore.markRead(
                report.id, actor: reader, tree: tree, now: Self.afternoon(of: report.on.adding(days: 1)), on: db)
        }
    }

    /// 16:00 China time (08:00 UTC) on `day`.
    static func afternoon(of day: LocalDate) -> Date {
        Date(timeIntervalSince1970: Double(LocalDate(iso: "1970-01-01")!.days(until: day)) * 86_400 + 8 * 3_600)
    }
}
