import Foundation
import JieyouDomain
import SQLKit

/// What the statistics page's filters offer.
struct StatsChoices: Sendable {
    let units: [(String, String)]
    let departments: [(String, String)]
    let categories: [(String, String)]
    let campaigns: [(String, String)]
}

extension ProblemDesk {
    /// The metrics of PRODUCT.md §3 for `request`'s scope and period, for the staff who read statistics.
    func stats(_ request: StatsRequest, for actor: Actor, tree: OrgTree) async throws -> StatsReport {
        guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看统计") }
        return try await request.report(
            actor: actor, tree: tree, today: LocalDate(now, in: .chinaStandard), calendar: calendar,
            on: database.sql)
    }

    /// The statistics request of the query as typed (`StatsRequest.init(query:for:tree:on:)`).
    func statsRequest(query text: (String) -> String?, for actor: Actor, tree: OrgTree) async throws -> StatsRequest {
        guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看统计") }
        return try await StatsRequest(query: text, for: actor, tree: tree, on: database.sql)
    }

    /// The units, departments (of `scopeUnit`'s subtree), categories and campaigns the page filters by.
    func statsChoices(for actor: Actor, scopeUnit: UUID, tree: OrgTree) async throws -> StatsChoices {
        let sql = database.sql
        return StatsChoices(
            units: UnitChoices.options(under: actor.orgUnitID, tree: tree, lowercased: true),
            departments: try await DepartmentChoices.options(under: scopeUnit, tree: tree, on: sql),
            categories: ProblemCategoryStore.options(
                try await ProblemCategoryStore.available(in: actor.orgUnitID, tree: tree, on: sql)),
            campaigns: try await CampaignQueries.list(
                units: CampaignService.visibleUnits(of: actor, in: tree), on: sql
            ).map { ($0.id.uuidString.lowercased(), $0.name) })
    }
}
