import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// 旬调度 reminders: on the day before a 旬's 旬调度 is due and on the day itself, each lead unit that
/// still owes reports on the 旬 for a plan issued this year or last is told how many, on its handlers' bells (and
/// their e-mail) and in its work group, in one transaction. Claimed per day in `job_runs` like the
/// 催办 sweep, so a cluster reminds once.
enum PlanReminders {
    static func runIfDue(on database: any Database, now: Date) async throws -> Int? {
        let today = LocalDate(now, in: .chinaStandard)
        let period = TenDayPeriod(containing: today).previous
        guard today == period.reportDueDate || today.adding(days: 1) == period.reportDueDate else { return nil }
        let sql = database.sql
        let daily = DailyRun(sql: sql, name: "planReminders", day: today)
        guard try await daily.claim(now: now) else { return nil }
        let sent = try await run(period: period, now: now, on: database)
        try await daily.finish(at: Date(), summary: "旬调度提醒\(sent)条")
        return sent
    }

    /// Reminds the lead units that owe reports on `period`; returns how many units were told.
    static func run(period: TenDayPeriod, now: Date, on database: any Database) async throws -> Int {
        try await database.writing(actorID: nil, now: now) { tx, _ in
            let sql = tx.sql
            let recipients = RecipientStore(sql: sql)
            let channels = ChannelStore(sql: sql)
            let outbox = OutboxStore(sql: sql)
            var told = 0
            for plan in try await PlanStore.plans(since: period.start.year - 1, on: sql) {
                let summary = try await PlanProgress.summary(
                    try await PlanStore.detail(plan, on: sql), period: period, on: sql)
                for (unit, missing) in summary.unitsNotReported {
                    let message =
                        "攻坚任务旬调度：《\(plan.title)》中\(unit.name)牵头的\(missing)项任务尚未报送\(period.chineseName)进展，请于\(period.reportDueDate.iso)前报送"
                    let link = WebPath.planUnit(unit.id)
                    let handlers = try await recipients.users(
                        [.handlers(of: unit.id)], unit: plan.orgUnitId, enterprise: nil)
                    try await NotificationStore.send(
                        to: handlers, kind: "planProgress", message: message, link: link, now: now, on: sql)
                    let robot = RobotMessage(title: "【旬调度】\(plan.title)", text: message, link: link)
                    for channel in try await channels.channels(for: [.handlers(of: unit.id)], unit: plan.orgUnitId) {
                        try await outbox.enqueue(robot, kind: "planProgress", to: channel, now: now)
                    }
                    told += 1
                }
            }
            return told
        }
    }
}

extension HourlyJob {
    /// Tries the 旬调度 reminders every hour; the day's first instance sends them (`PlanReminders`).
    static var planReminders: HourlyJob {
        HourlyJob("Plan reminders") { app in
            if let told = try await PlanReminders.runIfDue(on: app.db, now: app.clock.now()), told > 0 {
                app.logger.info("Plan reminders: \(told) units reminded")
            }
        }
    }
}
