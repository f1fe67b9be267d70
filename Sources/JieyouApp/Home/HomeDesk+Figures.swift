import Foundation
import JieyouDomain
import SQLKit

/// A leader's 旬 at a glance: the unit's figures of the last ended 旬 beside the one before.
struct TenDayFigures: Sendable {
    let period: ReportPeriod
    let current: StatsReport
    let previous: StatsReport
}

/// One unit below an upper task force, as its 工作台 ranks them: open and overdue problems in the
/// unit's whole subtree, and the reports due from it not issued.
struct UnitBelow: Sendable, Equatable {
    let id: UUID
    let name: String
    let open: Int
    let overdue: Int
    let unreported: Int
}

extension HomeDesk {
    /// A cadre's share of the running campaign (the latest begun at or above its unit): its stationed
    /// enterprises in the campaign's scope with their visits so far (the campaign's own tallies), set
    /// against the visits each must have by the end of 集中行动.
    func visitQuota(of actor: Actor, tree: OrgTree) async throws -> (campaign: String, quota: VisitQuota)? {
        let today = LocalDate(now, in: .chinaStandard)
        let sql = database.sql
        let running = try await CampaignQueries.list(units: tree.lineage(of: actor.orgUnitID).map(\.id), on: sql)
            .filter { $0.schedule.startsOn <= today && today <= $0.schedule.endsOn }
        guard let campaign = running.max(by: { $0.schedule.startsOn < $1.schedule.startsOn }) else { return nil }
        let visits = try await sql.raw(
            """
            SELECT COALESCE(t.visits, 0) AS visits
            FROM enterprise_liaisons l JOIN enterprises e ON e.id = l.enterprise_id
            LEFT JOIN coverage_enterprise_tallies t ON t.campaign_id = \(bind: campaign.id) AND t.enterprise_id = e.id
            WHERE l.user_id = \(bind: actor.userID) AND l.kind = 'cadre'
              AND e.org_unit_id IN (\(binds: Array(tree.subtree(of: campaign.orgUnitId)))) AND \(campaign.enterpriseCondition)
            """
        ).all().map { try $0.decode(column: "visits", as: Int.self) }
        guard !visits.isEmpty else { return nil }
        return (
            campaign.name,
            VisitQuota(
                required: campaign.requiredVisits, visitsSoFar: visits, today: today,
                actionEndsOn: campaign.schedule.actionEndsOn)
        )
    }

    /// The unit's figures of the last ended 旬 and of the one before (four aggregate queries over the
    /// period's index, as the 旬通报 reads them).
    func tenDay(of actor: Actor, tree: OrgTree, calendar: WorkCalendar) async throws -> TenDayFigures {
        let today = LocalDate(now, in: .chinaStandard)
        let period = ReportPeriod.lastEnded(on: today, kind: .tenDay)
        func stats(_ period: ReportPeriod) async throws -> StatsReport {
            try await StatsRequest(scope: StatsScope(orgUnitID: actor.orgUnitID, from: period.start, to: period.end))
                .report(actor: actor, tree: tree, today: today, calendar: calendar, on: database.sql)
        }
        return TenDayFigures(
            period: period, current: try await stats(period), previous: try await stats(period.previous))
    }

    /// The units directly below the actor's, most overdue first: the subtree's open and overdue
    /// problems counted per unit, rolled up to each unit below.
    func unitsBelow(of actor: Actor, tree: OrgTree, inbox: ReportInbox?) async throws -> [UnitBelow] {
        let children = tree.children(of: actor.orgUnitID)
        guard !children.isEmpty else { return [] }
        let today = LocalDate(now, in: .chinaStandard)
        let open = ProblemState.allCases.filter(\.isOpen).map(\.rawValue)
        let units = Array(tree.subtree(of: actor.orgUnitID))
        // Two counts, each from an index alone: open problems by the ledger's state index, overdue ones
        // by the partial index of problems not paused (`problems_overdue_idx`).
        func counts(_ condition: SQLQueryString) async throws -> [UUID: Int] {
            try await database.sql.raw(
                """
                SELECT p.org_unit_id, COUNT(*) AS n FROM problems p
                WHERE p.org_unit_id IN (\(binds: units)) AND \(condition) GROUP BY p.org_unit_id
                """
            ).all().reduce(into: [UUID: Int]()) {
                $0[try $1.decode(column: "org_unit_id", as: UUID.self)] = try $1.decode(column: "n", as: Int.self)
            }
        }
        let openBy = try await counts("p.state IN (\(binds: open))")
        let overdueBy = try await counts(ProblemLedger.overdue(on: today))
        let missing = (inbox?.deliveries ?? []).filter { $0.status == .missing }.map(\.unitId)
        return children.map { child in
            let below = tree.subtree(of: child.id)
            return UnitBelow(
                id: child.id, name: child.name, open: below.reduce(0) { $0 + (openBy[$1] ?? 0) },
                overdue: below.reduce(0) { $0 + (overdueBy[$1] ?? 0) },
                unreported: missing.filter { below.contains($0) }.count)
        }.sorted { ($1.overdue, $1.unreported, $1.open, $0.name) < ($0.overdue, $0.unreported, $0.open, $1.name) }
    }
}
