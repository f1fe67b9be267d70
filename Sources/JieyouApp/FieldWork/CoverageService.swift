import Foundation
import JieyouDomain
import SQLKit

/// The coverage of a campaign, or of a period without one, over an org subtree: the figures, the days,
/// the cadres and the enterprises not yet visited.
struct CoverageReport: Codable, Sendable {
    struct Unit: Codable, Sendable {
        let id: UUID
        let name: String
    }

    let orgUnit: Unit
    let campaign: NamedRef?
    let from: String
    let to: String
    let requiredVisits: Int
    let enterprisesInScope: Int
    let visitedAtLeastOnce: Int
    let visitedAsRequired: Int
    let neverVisitedCount: Int
    let visits: Int
    let cadresActive: Int
    let days: Int
    let coverageRate: Double?
    let completionRate: Double?
    let headline: String
    let perDay: [CoverageDay]
    let perCadre: [CoverageCadre]
    /// The first `CoverageService.neverVisitedLimit` by name; `neverVisitedCount` is the full number.
    let neverVisited: [NamedRef]

    var figures: CoverageFigures {
        CoverageFigures(
            enterprisesInScope: enterprisesInScope, visitedAtLeastOnce: visitedAtLeastOnce,
            visitedAsRequired: visitedAsRequired, requiredVisits: requiredVisits, visits: visits,
            cadresActive: cadresActive, days: days)
    }
}

enum CoverageService {
    static let neverVisitedLimit = 500
    static let maxDays = 731

    /// Resolves the parameters as the API and the page take them (`orgUnit`, `campaign`, `from`, `to`,
    /// all optional) and counts. Without a campaign the period defaults to this week up to today; with
    /// one, to the campaign's days up to today.
    static func report(
        orgUnit: String?, campaign: String?, from: String?, to: String?, access: EnterpriseAccess,
        today: LocalDate, on sql: any SQLDatabase
    ) async throws -> CoverageReport {
        let (record, unit, scope) = try await resolve(
            orgUnit: orgUnit, campaign: campaign, from: from, to: to, access: access, today: today, on: sql)
        let figures = try await CoverageQuery.figures(scope, on: sql)
        return CoverageReport(
            orgUnit: .init(id: unit, name: access.tree.pathName(of: unit)),
            campaign: record.map { NamedRef(id: $0.id, name: $0.name) }, from: scope.from.iso, to: scope.to.iso,
            requiredVisits: scope.requiredVisits, enterprisesInScope: figures.enterprisesInScope,
            visitedAtLeastOnce: figures.visitedAtLeastOnce, visitedAsRequired: figures.visitedAsRequired,
            neverVisitedCount: figures.neverVisited, visits: figures.visits, cadresActive: figures.cadresActive,
            days: figures.days, coverageRate: figures.coverage.ratio, completionRate: figures.completion.ratio,
            headline: figures.headline, perDay: try await CoverageQuery.perDay(scope, on: sql),
            perCadre: try await CoverageQuery.perCadre(scope, on: sql),
            neverVisited: figures.neverVisited == 0
                ? [] : try await CoverageQuery.neverVisited(scope, limit: neverVisitedLimit, on: sql))
    }

    /// The campaign, the unit and the scope the parameters name, each checked with its field named.
    static func resolve(
        orgUnit: String?, campaign: String?, from: String?, to: String?, access: EnterpriseAccess,
        today: LocalDate, on sql: any SQLDatabase
    ) async throws -> (campaign: CampaignRecord?, unit: UUID, scope: CoverageScope) {
        guard case .units = access.reach else { throw AppError.forbidden() }
        let actor = access.actor
        var record: CampaignRecord?
        if let text = campaign, !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw AppError.notFound("专项行动") }
            record = try await CampaignService.readable(id, by: actor, in: access.tree, on: sql)
        }
        // The unit counted: the one asked for, else the reader's own, or the campaign's when the
        // campaign sits below the reader. It must be inside both the reader's and the campaign's subtree.
        var unit = try access.narrowing(orgUnit) ?? actor.orgUnitID
        if let record, orgUnit == nil || orgUnit == "", access.tree.isWithin(record.orgUnitId, subtreeOf: unit) {
            unit = record.orgUnitId
        }
        if let record, !access.tree.isWithin(unit, subtreeOf: record.orgUnitId) {
            throw AppError.invalid("orgUnit", "所选单位不在该专项行动的范围内")
        }
        var v = Validator()
        let askedFrom = v.optionalDay(from, field: "from", label: "起始日期")
        let askedTo = v.optionalDay(to, field: "to", label: "截止日期")
        var start: LocalDate
        var end: LocalDate
        if let schedule = record?.schedule {
            start = askedFrom ?? schedule.startsOn
            end = askedTo ?? min(schedule.endsOn, max(today, schedule.startsOn))
            if start < schedule.startsOn || start > schedule.endsOn {
                v.fail("from", "起始日期应在专项行动期间（\(schedule.startsOn.iso) 至 \(schedule.endsOn.iso)）")
            }
            if end < schedule.startsOn || end > schedule.endsOn {
                v.fail("to", "截止日期应在专项行动期间（\(schedule.startsOn.iso) 至 \(schedule.endsOn.iso)）")
            }
        } else {
            start = askedFrom ?? ReportingWeek(containing: today).monday
            end = askedTo ?? today
        }
        if v.errors.isEmpty && end < start { v.fail("to", "截止日期不能早于起始日期") }
        if v.errors.isEmpty && start.days(until: end) + 1 > maxDays { v.fail("to", "统计期间不能超过两年") }
        try v.throwIfFailed()

        // A campaign's tallies count its whole period; no visit is dated after today, so a period from
        // the campaign's first day to today (or its last day) is exactly what they hold.
        var tallied: UUID?
        if let record, start == record.schedule.startsOn, end >= min(today, record.schedule.endsOn) {
            tallied = record.id
        }
        let scope = CoverageScope(
            units: Array(access.tree.subtree(of: unit)), enterpriseCondition: record?.enterpriseCondition ?? "1 = 1",
            from: start, to: end, requiredVisits: record?.requiredVisits ?? 1, talliedCampaign: tallied)
        return (record, unit, scope)
    }
}
