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
        /// Today's overdue problems by owning org, for the work groups' summaries (`groupSummaries`).
        var byOrg: [UUID: [Overdue]] = [:]
    }

    /// One overdue problem as a work group's summary lists it.
    struct Overdue: Sendable, Equatable, Codable {
        let id: UUID
        let number: String
        let deadline: String
        let workingDaysLate: Int
        let overdueCount: Int
        let proposedForSupervision: Bool
        let leadDepartmentId: UUID?
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
            try await groupSummaries(sweep.report, today: today, now: now, on: tx.sql)
            return sweep.report
        }
    }

    /// The day's overdue list, one message to each unit's work groups (all its overdue problems) and
    /// each lead department's (the ones it holds), through the outbox in the sweep's transaction: the
    /// robots and webhooks the admins connected in 本单位设置 → 消息推送.
    static func groupSummaries(_ report: Report, today: LocalDate, now: Date, on sql: any SQLDatabase) async throws {
        guard !report.byOrg.isEmpty else { return }
        let channels = ChannelStore(sql: sql)
        let outbox = OutboxStore(sql: sql)
        let names = try await sql.raw(
            "SELECT id, name FROM org_units WHERE id IN (\(binds: Array(report.byOrg.keys)))"
        ).all().reduce(into: [UUID: String]()) {
            $0[try $1.decode(column: "id", as: UUID.self)] = try $1.decode(column: "name", as: String.self)
        }
        func message(_ who: String, _ problems: [Overdue]) -> RobotMessage {
            let lines = problems.prefix(20).map { "\($0.number)（期限\($0.deadline)，超期\($0.workingDaysLate)个工作日）" }
            let more = problems.count > 20 ? "\n等\(problems.count)件" : ""
            return RobotMessage(
                title: "【超期催办】\(who)今日超期问题\(problems.count)件",
                text: lines.joined(separator: "\n") + more, link: "\(WebPath.problems)?view=overdue")
        }
        for (unit, problems) in report.byOrg.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let name = names[unit] ?? ""
            for channel in try await channels.channels(for: [.dispatchers], unit: unit) {
                try await outbox.enqueue(message(name, problems), kind: "urge", to: channel, now: now)
            }
            for (department, held) in Dictionary(grouping: problems, by: \.leadDepartmentId) {
                guard let department else { continue }
                for channel in try await channels.channels(for: [.handlers(of: department)], unit: unit) {
                    try await outbox.enqueue(message("本部门", held), kind: "urge", to: channel, now: now)
                }
            }
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
                    overdueCount: count, proposedForSupervision: propose, leadDepartmentId: row.leadDepartmentId))
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
            }
        }
    }
}
