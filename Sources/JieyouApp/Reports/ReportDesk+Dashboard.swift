import Foundation
import JieyouDomain

/// 数据看板 (issue 5): the figures of a unit's subtree for the leaders.
extension ReportDesk {
    /// What a dashboard request names: the unit (default the reader's), the days problems came in
    /// (default this year to today) and the campaign whose coverage is shown (default the latest
    /// begun above or at the unit).
    struct DashboardQuery: Sendable {
        let actor: Actor
        let tree: OrgTree
        let unit: UUID
        let from: LocalDate
        let to: LocalDate
        let campaign: CampaignRecord?
        let today: LocalDate
    }

    /// The request `text` (`orgUnit`, `from`, `to`, `campaign`, as typed) makes for `actor`.
    func dashboardQuery(query text: (String) -> String?, for actor: Actor) async throws -> DashboardQuery {
        guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看数据看板") }
        let tree = try await OrgDirectory.tree(on: database)
        let sql = database.sql
        let today = LocalDate(now, in: .chinaStandard)
        var v = Validator()
        let unit = v.optionalID(text("orgUnit"), field: "orgUnit", label: "组织") ?? actor.orgUnitID
        let days = DashboardComposer.defaultDays(today: today)
        let from = v.optionalDay(text("from"), field: "from", label: "起始日期") ?? days.from
        let to = v.optionalDay(text("to"), field: "to", label: "截止日期") ?? days.to
        if v.errors.isEmpty && to < from { v.fail("to", "截止日期不能早于起始日期") }
        if v.errors.isEmpty && from.days(until: to) > CoverageService.maxDays { v.fail("to", "统计期间不能超过两年") }
        let campaignID = v.optionalID(text("campaign"), field: "campaign", label: "专项行动")
        try v.throwIfFailed()
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
        var campaign: CampaignRecord?
        if let campaignID {
            // A campaign that reaches the unit: run by it, or by a unit above it.
            guard let found = try await CampaignQueries.load(campaignID, on: sql),
                tree.isWithin(unit, subtreeOf: found.orgUnitId)
            else { throw AppError.notFound("专项行动") }
            campaign = found
        } else {
            campaign = try await DashboardComposer.defaultCampaign(for: unit, tree: tree, today: today, on: sql)
        }
        return DashboardQuery(
            actor: actor, tree: tree, unit: unit, from: from, to: to, campaign: campaign, today: today)
    }

    /// The dashboard, kept in `cache` or composed now. A reader whose reach is the whole subtree
    /// (`ProblemAccess.ledgerReaders`) shares the kept ones; a handler's, which counts only its
    /// department's problems, is always its own.
    func dashboard(_ q: DashboardQuery, cache: DashboardCache) async throws -> Dashboard {
        let shared = !q.actor.roles.isDisjoint(with: ProblemAccess.ledgerReaders)
        let key = DashboardCache.Key(unit: q.unit, from: q.from, to: q.to, campaign: q.campaign?.id)
        if shared, let kept = await cache.fresh(key, now: now) { return kept.dashboard }
        let started = Date()
        let dashboard = try await DashboardComposer(
            actor: q.actor, tree: q.tree, sql: database.sql, calendar: calendar, now: now
        ).compose(unit: q.unit, from: q.from, to: q.to, campaign: q.campaign)
        if shared {
            await cache.keep(
                dashboard, for: key, composedAt: dashboard.composedAt, seconds: Date().timeIntervalSince(started))
        }
        return dashboard
    }
}
