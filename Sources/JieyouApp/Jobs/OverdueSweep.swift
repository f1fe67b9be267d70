import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The daily 催办 run (PRODUCT.md §3): flags the problems a department holds past their deadline,
/// reminds the lead department's handlers and the owning org's dispatchers every day until the problem
/// is in time again, and proposes 督办 to the dispatchers when a problem goes overdue a second time.
/// Each instance tries it hourly; the first to claim the day in `job_runs` runs it, so a cluster
/// sends each day's notices once. A claim left unfinished for an hour is taken over by the next try.
enum OverdueSweep {
    struct Report: Sendable, Equatable {
        /// Problems past their deadline today.
        var overdue = 0
        /// Of those, the ones that went overdue since the last run.
        var newlyOverdue = 0
        var notices = 0
        var proposedForSupervision = 0
        /// Problems in time again (extended, resumed or settled) whose overdue mark was cleared.
        var cleared = 0
        /// Today's overdue problems by owning org, for the orgs' webhooks (`OverdueWebhooks`).
        var byOrg: [UUID: [Overdue]] = [:]
    }

    /// One overdue problem as the webhook reports it.
    struct Overdue: Sendable, Equatable, Codable {
        let id: UUID
        let number: String
        let deadline: String
        let workingDaysLate: Int
        let overdueCount: Int
        let proposedForSupervision: Bool
    }

    /// A claim this old that never finished (the instance died, or the run failed) may be taken over.
    static let staleClaim: TimeInterval = 3600

    /// Runs today's sweep unless an instance already claimed it; nil when it was claimed.
    static func runIfDue(on database: any Database, now: Date) async throws -> Report? {
        let store = OverdueStore(sql: database.sql)
        let today = LocalDate(now, in: .chinaStandard)
        guard try await store.claim(today, now: now, stale: staleClaim) else { return nil }
        let calendar = try await CalendarStore.calendar(on: database)
        let report = try await run(today: today, calendar: calendar, now: now, on: database)
        try await store.finish(
            today, at: Date(),
            summary:
                "超期\(report.overdue)件，新增\(report.newlyOverdue)件，提醒\(report.notices)条，建议督办\(report.proposedForSupervision)件"
        )
        return report
    }

    /// The sweep itself, in one transaction with its events.
    static func run(today: LocalDate, calendar: WorkCalendar, now: Date, on database: any Database) async throws
        -> Report
    {
        try await database.writing(actorID: nil, now: now) { tx, log in
            var sweep = Sweep(store: OverdueStore(sql: tx.sql), log: log, today: today, calendar: calendar, now: now)
            sweep.report.cleared = try await sweep.store.clearInTime(on: today)
            let rows = try await sweep.store.overdue(on: today)
            sweep.report.overdue = rows.count
            for row in rows { try await sweep.remind(row) }
            return sweep.report
        }
    }

    /// One run's work on the overdue problems, with who to tell looked up once per department and
    /// once per org, not once per problem.
    private struct Sweep {
        let store: OverdueStore
        let log: AuditLog
        let today: LocalDate
        let calendar: WorkCalendar
        let now: Date
        var report = Report()
        var handlersOf: [UUID: [UUID]] = [:]
        var dispatchersOf: [UUID: [UUID]] = [:]

        /// Marks a problem newly overdue, reminds its lead department's handlers and its org's
        /// dispatchers, and proposes 督办 when it went overdue a second time.
        mutating func remind(_ row: OverdueStore.Row) async throws {
            guard let deadline = LocalDate(iso: row.deadline) else { return }
            let late = max(calendar.workingDays(after: deadline, through: today), 1)
            var count = row.overdueCount
            if row.overdueSince == nil {
                count += 1
                report.newlyOverdue += 1
                try await store.markOverdue(row.id, count: count, since: today)
                try await log.record(
                    "problem", id: row.id.uuidString, "overdue",
                    ChangeSet.diff(["overdueCount": String(row.overdueCount)], ["overdueCount": String(count)]),
                    orgUnit: row.orgUnitId)
            }
            var handlers: [UUID] = []
            if let lead = row.leadDepartmentId { handlers = try await self.handlers(of: lead) }
            let dispatchers = try await dispatchers(of: row.orgUnitId)
            let urge = "催办：问题\(row.number)已超过办理时限（\(row.deadline)）\(late)个工作日，请抓紧办理"
            report.notices += try await notify(handlers + dispatchers, problem: row.id, kind: "urge", message: urge)
            let propose = count >= 2 && row.overdueSince == nil && !row.flags.contains(",supervised,")
            report.byOrg[row.orgUnitId, default: []].append(
                Overdue(
                    id: row.id, number: row.number, deadline: row.deadline, workingDaysLate: late,
                    overdueCount: count, proposedForSupervision: propose))
            if propose {
                report.proposedForSupervision += 1
                report.notices += try await notify(
                    dispatchers, problem: row.id, kind: "proposeSupervision",
                    message: "建议督办：问题\(row.number)已第\(count)次超期")
            }
        }

        private mutating func handlers(of department: UUID) async throws -> [UUID] {
            if let known = handlersOf[department] { return known }
            let found = try await store.handlers(of: department)
            handlersOf[department] = found
            return found
        }

        private mutating func dispatchers(of unit: UUID) async throws -> [UUID] {
            if let known = dispatchersOf[unit] { return known }
            let found = try await store.dispatchers(of: unit)
            dispatchersOf[unit] = found
            return found
        }

        private func notify(_ users: [UUID], problem: UUID, kind: String, message: String) async throws -> Int {
            try await NotificationStore.send(
                to: users, kind: kind, message: message, problem: problem, now: now, on: store.sql)
        }
    }
}

extension HourlyJob {
    /// Tries the daily 催办 sweep every hour; the day's first instance runs it (`OverdueSweep`).
    static var overdueSweep: HourlyJob {
        HourlyJob("Overdue sweep") { app in
            if let report = try await OverdueSweep.runIfDue(on: app.db, now: app.clock.now()) {
                app.logger.info(
                    "Overdue sweep: \(report.overdue) overdue, \(report.newlyOverdue) new, \(report.notices) notices")
                let today = LocalDate(app.clock.now(), in: .chinaStandard)
                await OverdueWebhooks.deliver(report, today: today, on: app.db, client: app.client, logger: app.logger)
            }
        }
    }
}
