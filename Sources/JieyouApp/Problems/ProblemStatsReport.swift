import Foundation
import JieyouDomain
import SQLKit

/// What `GET /api/v1/stats` answers and the statistics page shows: the scope's tally and metrics, the
/// same per group, and for departments and units a ranking that leaves out small samples.
struct StatsReport: Codable, Sendable {
    struct Group: Codable, Sendable {
        let key: String?
        let name: String
        let tally: ProblemTally
        let metrics: ProblemMetrics
    }

    struct Placed: Codable, Sendable {
        let key: String
        let name: String
        let place: Int?
        let rate: Rate
    }

    struct Ranking: Codable, Sendable {
        let rankBy: ProblemMetrics.RankedRate
        let rankByName: String
        let minimumSample: Int
        let ranked: [Placed]
        /// Below the minimum sample: shown with their sample, not placed.
        let leftOut: [Placed]
    }

    /// The day the states are read on: every figure is "as of" today.
    let asOf: LocalDate
    let from: LocalDate?
    let to: LocalDate?
    let tally: ProblemTally
    let metrics: ProblemMetrics
    let groupBy: String?
    let groups: [Group]
    let ranking: Ranking?
}

/// What a statistics request asks for, read and checked from query parameters by the API and the page.
struct StatsRequest: Sendable {
    var scope = StatsScope()
    var grouping: StatsGrouping?
    var rankBy: ProblemMetrics.RankedRate = .onTimeRate
    var minimumSample = 5

    func report(actor: Actor, tree: OrgTree, today: LocalDate, calendar: WorkCalendar, on sql: any SQLDatabase)
        async throws -> StatsReport
    {
        let tallies = try await ProblemStats.tallies(
            scope, groupBy: grouping, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        let total = tallies.values.reduce(ProblemTally(), +)
        var groups: [StatsReport.Group] = []
        switch grouping {
        case nil: break
        case .department:
            let names = try await ProblemStats.departmentNames(
                tallies.keys.compactMap { $0.flatMap(UUID.init(uuidString:)) }, tree: tree, on: sql)
            groups = tallies.map { key, tally in
                let name = key.flatMap(UUID.init(uuidString:)).flatMap { names[$0] } ?? "未交办"
                return StatsReport.Group(key: key, name: name, tally: tally, metrics: ProblemMetrics(tally))
            }
        case .category:
            let names = try await ProblemCategoryStore.names(on: sql)
            groups = tallies.map { key, tally in
                StatsReport.Group(
                    key: key, name: key.flatMap { names[$0] } ?? "未分类", tally: tally, metrics: ProblemMetrics(tally))
            }
        case .orgUnit:
            let top = scope.orgUnitID ?? actor.orgUnitID
            groups = ProblemStats.rolledUp(tallies, under: top, tree: tree).map { unit, tally in
                let name = tree[unit]?.name ?? "—"
                return StatsReport.Group(
                    key: unit.uuidString, name: unit == top ? "\(name)（本级）" : name, tally: tally,
                    metrics: ProblemMetrics(tally))
            }
        }
        groups.sort { ($0.tally.registered, $1.name) > ($1.tally.registered, $0.name) }
        var ranking: StatsReport.Ranking?
        if grouping == .department || grouping == .orgUnit {
            let rows = groups.compactMap { g in g.key.map { (key: $0, rate: rankBy.of(g.metrics)) } }
            let ranked = MetricRanking(rows, minimumSample: minimumSample)
            let nameOf = Dictionary(uniqueKeysWithValues: groups.compactMap { g in g.key.map { ($0, g.name) } })
            ranking = StatsReport.Ranking(
                rankBy: rankBy, rankByName: rankBy.chineseName, minimumSample: minimumSample,
                ranked: ranked.ranked.map {
                    StatsReport.Placed(key: $0.key, name: nameOf[$0.key] ?? "—", place: $0.place, rate: $0.rate)
                },
                leftOut: ranked.leftOut.map {
                    StatsReport.Placed(key: $0.key, name: nameOf[$0.key] ?? "—", place: nil, rate: $0.rate)
                })
        }
        return StatsReport(
            asOf: today, from: scope.from, to: scope.to, tally: total, metrics: ProblemMetrics(total),
            groupBy: grouping?.rawValue, groups: groups, ranking: ranking)
    }
}
