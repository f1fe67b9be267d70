import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// Drafts each report when it falls due (issue 5) and tells the unit's dispatchers. A campaign names
/// the reports it keeps (`cadences`: 周调度, 旬通报 …); when a period of such a kind ends while the
/// campaign runs, its unit's report on that period is drafted — a 周调度 on the Thursday it is sent,
/// the others the day after the period ends, days before they are due. When a campaign ends, its
/// summary (总结报告) is drafted. A draft waits for a dispatcher to edit and issue it. The run is
/// claimed per day in `job_runs` like the 催办 sweep, and a report is stored once per unit, kind and
/// period, so a cluster drafts each once.
enum ReportDrafting {
    struct Outcome: Sendable, Equatable {
        var drafted = 0
        var notices = 0
    }

    /// A campaign summary is still drafted this many days after the campaign ended (a server that was
    /// down on the day catches up), never for campaigns that ended long before.
    static let summaryWindow = 30

    static func runIfDue(on database: any Database, now: Date) async throws -> Outcome? {
        let sql = database.sql
        let today = LocalDate(now, in: .chinaStandard)
        let daily = DailyRun(sql: sql, name: "reports", day: today)
        guard try await daily.claim(now: now) else { return nil }
        let outcome = try await run(today: today, now: now, on: database)
        try await daily.finish(at: Date(), summary: "起草报告\(outcome.drafted)份")
        return outcome
    }

    /// The reports due as of `today`: (unit, period) for each campaign's cadences, and the summaries
    /// of the campaigns that have ended.
    static func due(_ campaigns: [CampaignRecord], today: LocalDate) -> (
        periods: [(unit: UUID, period: ReportPeriod)], summaries: [CampaignRecord]
    ) {
        var seen = Set<String>()
        var periods: [(unit: UUID, period: ReportPeriod)] = []
        var summaries: [CampaignRecord] = []
        for campaign in campaigns {
            let schedule = campaign.schedule
            for cadence in campaign.cadenceList {
                let period = ReportPeriod.lastEnded(on: today, kind: cadence.periodKind)
                guard period.start <= schedule.endsOn, period.end >= schedule.startsOn else { continue }
                if seen.insert("\(campaign.orgUnitId)/\(period.key)").inserted {
                    periods.append((campaign.orgUnitId, period))
                }
            }
            if schedule.endsOn < today, schedule.endsOn.days(until: today) <= summaryWindow {
                summaries.append(campaign)
            }
        }
        return (periods, summaries)
    }

    static func run(today: LocalDate, now: Date, on database: any Database) async throws -> Outcome {
        let sql = database.sql
        let since = today.adding(days: -(summaryWindow + 100))
        let (periods, summaries) = due(try await CampaignQueries.endingOnOrAfter(since, on: sql), today: today)
        guard !periods.isEmpty || !summaries.isEmpty else { return Outcome() }
        let tree = try await OrgDirectory.tree(on: database)
        let calendar = try await CalendarStore.calendar(on: database)
        var outcome = Outcome()
        // The figures are read as the unit's dispatcher reads them: the unit's whole subtree.
        func composer(_ unit: UUID) -> (actor: Actor, bulletin: BulletinComposer) {
            let actor = Actor(userID: UUID(), roles: [.dispatcher], orgUnitID: unit)
            return (actor, BulletinComposer(actor: actor, tree: tree, sql: sql, calendar: calendar, today: today))
        }
        // Each caller first looks whether the report is there, so as not to compose it for nothing;
        // `draft` looks again inside its transaction.
        func store(_ draft: ReportDraft, unit: UUID, message: String) async throws {
            let stored = try await ReportStore.draft(
                draft, unit: unit, actorID: nil, now: now, notice: message, on: database)
            if stored.created { outcome.drafted += 1 }
            outcome.notices += stored.notified
        }
        for (unit, period) in periods where tree[unit] != nil {
            let kind = period.kind.rawValue
            guard try await ReportStore.find(unit: unit, kind: kind, periodKey: period.key, on: sql) == nil else {
                continue
            }
            let bulletin = try await composer(unit).bulletin.compose(unit: unit, period: period)
            let due = period.dueDate
            try await store(
                .bulletin(bulletin), unit: unit,
                message: "\(period.kind.reportName)（\(period.chineseName)）草稿已生成，请审核后于\(due.month)月\(due.day)日前印发")
        }
        for campaign in summaries where tree[campaign.orgUnitId] != nil {
            let unit = campaign.orgUnitId
            let key = campaign.id.uuidString.lowercased()
            guard
                try await ReportStore.find(unit: unit, kind: StoredReport.campaignKind, periodKey: key, on: sql) == nil
            else { continue }
            let actor = composer(unit).actor
            let summary = try await CampaignSummaryComposer(
                actor: actor, tree: tree, sql: sql, calendar: calendar, today: today
            ).compose(campaign, unit: unit)
            try await store(
                .campaignSummary(summary), unit: unit, message: "\(campaign.name)已结束，总结报告草稿已生成，请审核后印发")
        }
        return outcome
    }
}

extension ReportingCadence {
    /// The period a report of this cadence is made on.
    var periodKind: ReportPeriod.Kind {
        switch self {
        case .weekly: .week
        case .tenDay: .tenDay
        case .monthly: .month
        case .quarterly: .quarter
        }
    }
}

extension HourlyJob {
    /// Tries the day's report drafting every hour; the day's first instance runs it (`ReportDrafting`).
    static var reportDrafting: HourlyJob {
        HourlyJob("Report drafting") { app in
            if let outcome = try await ReportDrafting.runIfDue(on: app.db, now: app.clock.now()), outcome.drafted > 0 {
                app.logger.info("Report drafting: \(outcome.drafted) drafts, \(outcome.notices) notices")
            }
        }
    }
}
