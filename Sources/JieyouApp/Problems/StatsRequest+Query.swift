import Foundation
import JieyouDomain
import SQLKit

extension StatsRequest {
    /// A statistics request from the query: `orgUnit`, `department` (lead), `category`, `campaign`,
    /// `from`, `to` (the days problems came in, both included), `groupBy` (department, category,
    /// orgUnit), `rankBy` (onTimeRate, resolutionRate, satisfactionRate, responseRate) and
    /// `minSample` (default 5). A bad parameter is a 400 naming it; a unit outside the reader's reach
    /// is not found.
    /// `text` gives a parameter as typed, trimmed, nil when absent or blank.
    init(query text: (String) -> String?, for actor: Actor, tree: OrgTree, on sql: any SQLDatabase) async throws {
        var v = Validator()
        var stats = StatsRequest()
        func id(_ key: String, _ label: String) -> UUID? { v.optionalID(text(key), field: key, label: label) }
        stats.scope.orgUnitID = id("orgUnit", "组织")
        stats.scope.departmentID = id("department", "部门")
        stats.scope.campaignID = id("campaign", "专项行动")
        stats.scope.from = v.optionalDay(text("from"), field: "from", label: "起始日期")
        stats.scope.to = v.optionalDay(text("to"), field: "to", label: "截止日期")
        if let from = stats.scope.from, let to = stats.scope.to, from > to {
            v.fail("to", "截止日期不能早于起始日期")
        }
        if let code = text("category") {
            if try await ProblemCategoryStore.exists(code, on: sql) {
                stats.scope.category = code
            } else {
                v.fail("category", "问题类别“\(code)”不存在")
            }
        }
        if let name = text("groupBy") {
            stats.grouping = StatsGrouping(rawValue: name)
            if stats.grouping == nil { v.fail("groupBy", "分组方式“\(name)”无效，应为 department、category 或 orgUnit") }
        }
        if let name = text("rankBy") {
            if let rate = ProblemMetrics.RankedRate(rawValue: name) {
                stats.rankBy = rate
            } else {
                v.fail("rankBy", "排名指标“\(name)”无效")
            }
        }
        if let value = text("minSample") {
            if let number = Int(value), (1...10_000).contains(number) {
                stats.minimumSample = number
            } else {
                v.fail("minSample", "最小样本数应为1到10000的整数")
            }
        }
        try v.throwIfFailed()
        if let unit = stats.scope.orgUnitID, !tree.isWithin(unit, subtreeOf: actor.orgUnitID) {
            throw AppError.notFound("组织")
        }
        self = stats
    }
}
