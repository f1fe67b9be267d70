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
        let sql = database.sql
        let today = LocalDate(now, in: .chinaStandard)
        let claimed = try await sql.raw(
            """
            INSERT INTO job_runs (name, day, started_at) VALUES ('overdue', \(bind: today.iso), \(bind: now))
            ON CONFLICT (name, day) DO UPDATE SET started_at = excluded.started_at
            WHERE job_runs.finished_at IS NULL AND job_runs.started_at < \(bind: now - staleClaim)
            RETURNING name
            """
        ).all()
        guard !claimed.isEmpty else { return nil }
        let calendar = try await CalendarStore.calendar(on: database)
        let report = try await run(today: today, calendar: calendar, now: now, on: database)
        try await sql.raw(
            """
            UPDATE job_runs SET finished_at = \(bind: Date()),
              summary = \(bind: "超期\(report.overdue)件，新增\(report.newlyOverdue)件，提醒\(report.notices)条，建议督办\(report.proposedForSupervision)件")
            WHERE name = 'overdue' AND day = \(bind: today.iso)
            """
        ).run()
        return report
    }

    /// The sweep itself, in one transaction with its events.
    static func run(today: LocalDate, calendar: WorkCalendar, now: Date, on database: any Database) async throws
        -> Report
    {
        struct Row: Decodable, Sendable {
            let id: UUID
            let orgUnitId: UUID
            let number: String
            let leadDepartmentId: UUID?
            let deadline: String
            let overdueCount: Int
            let overdueSince: String?
            let flags: String
        }
        return try await database.writing(actorID: nil, now: now) { tx, log in
            let sql = tx.sql
            var report = Report()
            // The rule is the ledger's (`ProblemLedger.overdue`), so the 超期 view and the run agree.
            let overdue = ProblemLedger.overdue(on: today, in: "problems")
            let cleared = try await sql.raw(
                """
                UPDATE problems SET overdue_since = NULL WHERE overdue_since IS NOT NULL AND NOT \(overdue)
                RETURNING id
                """
            ).all()
            report.cleared = cleared.count
            let rows = try await sql.raw(
                """
                SELECT id, org_unit_id, number, lead_department_id, deadline, overdue_count, overdue_since, flags
                FROM problems WHERE \(overdue)
                ORDER BY deadline, number
                """
            ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
            report.overdue = rows.count
            // Who to tell is looked up once per department and once per org, not once per problem.
            var handlersOf: [UUID: [UUID]] = [:]
            var dispatchersOf: [UUID: [UUID]] = [:]
            for row in rows {
                guard let deadline = LocalDate(iso: row.deadline) else { continue }
                let late = max(calendar.workingDays(after: deadline, through: today), 1)
                var count = row.overdueCount
                if row.overdueSince == nil {
                    count += 1
                    report.newlyOverdue += 1
                    try await sql.raw(
                        """
                        UPDATE problems SET overdue_count = \(bind: count), overdue_since = \(bind: today.iso)
                        WHERE id = \(bind: row.id)
                        """
                    ).run()
                    try await log.record(
                        "problem", id: row.id.uuidString, "overdue",
                        ChangeSet.diff(["overdueCount": String(row.overdueCount)], ["overdueCount": String(count)]),
                        orgUnit: row.orgUnitId)
                }
                var handlers: [UUID] = []
                if let lead = row.leadDepartmentId {
                    if handlersOf[lead] == nil {
                        handlersOf[lead] = try await recipients(
                            "roles LIKE '%,handler,%' AND department_id = \(bind: lead)", on: sql)
                    }
                    handlers = handlersOf[lead]!
                }
                if dispatchersOf[row.orgUnitId] == nil {
                    dispatchersOf[row.orgUnitId] = try await recipients(
                        "roles LIKE '%,dispatcher,%' AND org_unit_id = \(bind: row.orgUnitId)", on: sql)
                }
                let dispatchers = dispatchersOf[row.orgUnitId]!
                let urge = "催办：问题\(row.number)已超过办理时限（\(row.deadline)）\(late)个工作日，请抓紧办理"
                report.notices += try await notify(
                    handlers + dispatchers, problem: row.id, kind: "urge", message: urge, now: now, on: sql)
                let propose = count >= 2 && row.overdueSince == nil && !row.flags.contains(",supervised,")
                report.byOrg[row.orgUnitId, default: []].append(
                    Overdue(
                        id: row.id, number: row.number, deadline: row.deadline, workingDaysLate: late,
                        overdueCount: count, proposedForSupervision: propose))
                if propose {
                    report.proposedForSupervision += 1
                    report.notices += try await notify(
                        dispatchers, problem: row.id, kind: "proposeSupervision",
                        message: "建议督办：问题\(row.number)已第\(count)次超期", now: now, on: sql)
                }
            }
            return report
        }
    }

    private static func recipients(_ condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [UUID] {
        try await sql.raw("SELECT id FROM users WHERE active = \(bind: true) AND \(condition)").all().map {
            try $0.decode(column: "id", as: UUID.self)
        }
    }

    private static func notify(
        _ users: [UUID], problem: UUID, kind: String, message: String, now: Date, on sql: any SQLDatabase
    ) async throws -> Int {
        try await NotificationStore.send(to: users, kind: kind, message: message, problem: problem, now: now, on: sql)
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
