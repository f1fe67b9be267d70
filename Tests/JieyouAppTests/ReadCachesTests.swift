import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// What the request path keeps in memory or derives once: the calendar, reloaded when an admin
/// changes it, and the column names rows are decoded by.
@Suite struct ReadCachesTests {
    @Test func aChangedCalendarIsReloadedAtOnce() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let sql = app.db.sql
            // 2031-05-06 is a Tuesday the shipped calendar does not know of.
            let day = LocalDate(iso: "2031-05-06")!
            #expect(try await CalendarStore.calendar(on: sql).isWorkingDay(day))
            let admin = try #require(try await UserModel.find(world.users["root"], on: app.db)).actor
            try await CalendarService(database: app.db, now: Date()).add(
                scheduleText: "2031 | 劳动节 | 2031-05-06 |", by: admin)
            #expect(!(try await CalendarStore.calendar(on: sql).isWorkingDay(day)))
            // A request's deadline counts it too.
            #expect(try await CalendarStore.calendar(on: app.db).holidayName(on: day) == "劳动节")
        }
    }

    /// The same names SQLKit's `.convertFromSnakeCase` looks for, which the decoded structs were
    /// written against, down to its odd result for a run of capitals.
    @Test func columnNamesFollowSQLKitsSnakeCase() {
        let names = [
            "id": "id", "orgUnitId": "org_unit_id", "lastHash": "last_hash", "overdueWebhookUrl": "overdue_webhook_url",
            "URLString": "u_rL_string", "resolvedOnTime": "resolved_on_time", "a": "a",
        ]
        for (key, column) in names {
            #expect(ColumnNames.column(for: key) == column, "\(key)")
            #expect(ColumnNames.column(for: key) == column, "\(key), remembered")
        }
    }
}
