import Foundation
import JieyouDomain
import SQLKit

/// The leaders' dashboard (领导看板, issue 5) for one unit's subtree: the §3 figures of the problems
/// that came in during the period, where each category's problems stand, new and closed problems per
/// 旬, the departments ranked, and how far a campaign's visits reached in each unit below. Every
/// number carries the query of the list behind it, so the page links each to its list.
struct Dashboard: Codable, Sendable {
    struct CategoryStages: Codable, Sendable {
        let code: String
        let name: String
        /// One count per `ProblemStage.allCases`, in that order.
        let counts: [Int]
    }

    struct TenDay: Codable, Sendable {
        let key: String
        let name: String
        let from: LocalDate
        let to: LocalDate
        let submitted: Int
        let closed: Int
    }

    struct UnitCoverage: Codable, Sendable {
        let id: UUID
        let name: String
        /// The unit's own enterprises only (本级), beside its children's subtrees.
        let ownOnly: Bool
        let enterprisesInScope: Int
        let visited: Int
        let visits: Int
        let rate: Double?
    }

    let unitId: UUID
    let unitName: String
    let from: LocalDate
    let to: LocalDate
    let asOf: LocalDate
    /// When the figures were read: a province's dashboard may be up to an hour old (`DashboardCache`).
    let composedAt: Date
    let stats: StatsReport
    /// Open, overdue and 督办 problems now, whenever they came in.
    let openNow: Int
    let overdueNow: Int
    let supervisedNow: Int
    let categories: [CategoryStages]
    let trend: [TenDay]
    let coverageCampaign: NamedRef?
    let coverageFrom: LocalDate
    let coverageTo: LocalDate
    let coverage: [UnitCoverage]

    static let trendLength = 12
}

struct DashboardComposer {
    let actor: Actor
    let tree: OrgTree
    let sql: any SQLDatabase
    let calendar: WorkCalendar
    let now: Date
    var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    func compose(unit: UUID, from: LocalDate, to: LocalDate, campaign: CampaignRecord?) async throws -> Dashboard {
        let stats = try await StatsRequest(
            scope: StatsScope(orgUnitID: unit, from: from, to: to), grouping: .department
        ).report(actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        var ledger = LedgerRequest()
        ledger.filter.orgUnitID = unit
        let reach = ProblemLedger.condition(ledger, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        let open: [String] = ProblemState.allCases.filter(\.isOpen).map(\.rawValue)
        func count(_ condition: SQLQueryString) async throws -> Int {
            try await sql.raw("SELECT COUNT(*) AS n FROM problems p WHERE \(condition)").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
        let openNow = try await count("\(reach) AND p.state IN (\(binds: open))")
        let overdueNow = try await count("\(reach) AND \(ProblemLedger.overdue(on: today))")
        let supervisedNow = try await count(
            "\(reach) AND p.flags <> '' AND p.flags LIKE '%,supervised,%' AND p.state IN (\(binds: open))")
        let (coverageFrom, coverageTo, coverage) = try await coverage(unit: unit, campaign: campaign)
        return Dashboard(
            unitId: unit, unitName: tree[unit]?.name ?? "", from: from, to: to, asOf: today, composedAt: now,
            stats: stats,
            openNow: openNow, overdueNow: overdueNow, supervisedNow: supervisedNow,
            categories: try await categories(reach: reach, from: from, to: to),
            trend: try await trend(reach: reach), coverageCampaign: campaign.map { NamedRef(id: $0.id, name: $0.name) },
            coverageFrom: coverageFrom, coverageTo: coverageTo, coverage: coverage)
    }

    /// The period's problems by category (sub-categories under their parent) and stage.
    private func categories(reach: SQLQueryString, from: LocalDate, to: LocalDate) async throws
        -> [Dashboard.CategoryStages]
    {
        var counts: [String: [Int]] = [:]
        for row in try await sql.raw(
            """
            SELECT p.category_code, p.state, COUNT(*) AS n FROM problems p
            WHERE \(reach) AND p.kind = 'problem' AND p.category_code IS NOT NULL
              AND p.submitted_on >= \(bind: from.iso) AND p.submitted_on <= \(bind: to.iso)
            GROUP BY p.category_code, p.state
            """
        ).all() {
            guard let state = ProblemState(rawValue: try row.decode(column: "state", as: String.self)),
                let stage = ProblemStage(state), let index = ProblemStage.allCases.firstIndex(of: stage)
            else { continue }
            let code = ProblemCategory.topCode(of: try row.decode(column: "category_code", as: String.self))
            counts[code, default: Array(repeating: 0, count: ProblemStage.allCases.count)][index] +=
                try row.decode(column: "n", as: Int.self)
        }
        // The ten categories in the order of seed 000, those with problems only.
        return ProblemCategory.shipped.filter { $0.parentCode == nil }.compactMap { category in
            counts[category.code].map { Dashboard.CategoryStages(code: category.code, name: category.name, counts: $0) }
        }
    }

    /// New and closed problems (not suggestions) in each of the last `trendLength` 旬, the current one included.
    private func trend(reach: SQLQueryString) async throws -> [Dashboard.TenDay] {
        var periods = [TenDayPeriod(containing: today)]
        while periods.count < Dashboard.trendLength { periods.insert(periods[0].previous, at: 0) }
        let start = periods[0].start.iso
        let end = today.iso
        func perDay(_ column: SQLQueryString, _ extra: SQLQueryString) async throws -> [String: Int] {
            var days: [String: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT \(column) AS day, COUNT(*) AS n FROM problems p
                WHERE \(reach) \(extra) AND \(column) >= \(bind: start) AND \(column) <= \(bind: end)
                GROUP BY \(column)
                """
            ).all() {
                days[try row.decode(column: "day", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return days
        }
        let submitted = try await perDay("p.submitted_on", "AND p.kind = 'problem'")
        let closed = try await perDay("p.closed_on", "AND p.kind = 'problem' AND p.state = 'closed'")
        return periods.map { period in
            let days = Set(
                stride(from: 0, through: period.start.days(until: period.end), by: 1).map {
                    period.start.adding(days: $0).iso
                })
            return Dashboard.TenDay(
                key: ReportPeriod.tenDay(period).key, name: "\(period.month)月\(period.part.chineseName)",
                from: period.start, to: period.end,
                submitted: days.reduce(0) { $0 + (submitted[$1] ?? 0) },
                closed: days.reduce(0) { $0 + (closed[$1] ?? 0) })
        }
    }

    /// The campaign's coverage (or this week's, without one) in each unit directly below, and in the
    /// unit's own enterprises when it holds some; a unit with nothing below shows itself.
    private func coverage(unit: UUID, campaign: CampaignRecord?) async throws -> (
        LocalDate, LocalDate, [Dashboard.UnitCoverage]
    ) {
        let from: LocalDate
        let to: LocalDate
        if let schedule = campaign?.schedule {
            from = schedule.startsOn
            to = min(schedule.endsOn, max(today, schedule.startsOn))
        } else {
            from = ReportingWeek(containing: today).monday
            to = today
        }
        func figures(_ units: [UUID]) async throws -> CoverageFigures {
            try await CoverageQuery.figures(
                CoverageScope(
                    units: units, enterpriseCondition: campaign?.enterpriseCondition ?? "1 = 1", from: from, to: to,
                    requiredVisits: campaign?.requiredVisits ?? 1, talliedCampaign: campaign?.id),
                on: sql)
        }
        func row(_ node: OrgTree.Node, units: [UUID], ownOnly: Bool) async throws -> Dashboard.UnitCoverage {
            let f = try await figures(units)
            return Dashboard.UnitCoverage(
                id: node.id, name: ownOnly ? "\(node.name)（本级）" : node.name, ownOnly: ownOnly,
                enterprisesInScope: f.enterprisesInScope, visited: f.visitedAtLeastOnce, visits: f.visits,
                rate: f.coverage.ratio)
        }
        guard let node = tree[unit] else { return (from, to, []) }
        let children = tree.children(of: unit)
        if children.isEmpty { return (from, to, [try await row(node, units: [unit], ownOnly: false)]) }
        var rows: [Dashboard.UnitCoverage] = []
        for child in children {
            rows.append(try await row(child, units: Array(tree.subtree(of: child.id)), ownOnly: false))
        }
        let own = try await row(node, units: [unit], ownOnly: true)
        if own.enterprisesInScope > 0 { rows.insert(own, at: 0) }
        return (from, to, rows)
    }

    /// The days a dashboard covers by default: this year to today.
    static func defaultDays(today: LocalDate) -> (from: LocalDate, to: LocalDate) {
        (LocalDate(year: today.year, month: 1, day: 1)!, today)
    }

    /// The campaign a dashboard shows by default: the latest begun of those the unit keeps or the
    /// units above it run.
    static func defaultCampaign(for unit: UUID, tree: OrgTree, today: LocalDate, on sql: any SQLDatabase)
        async throws -> CampaignRecord?
    {
        try await CampaignQueries.list(units: tree.lineage(of: unit).map(\.id), on: sql)
            .first { $0.schedule.startsOn <= today }
    }
}
