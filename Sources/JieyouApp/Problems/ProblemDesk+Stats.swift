import Foundation
import JieyouDomain
import JieyouOffice
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

extension ProblemDesk {
    /// 统计分析 as a file: one row per group of the report (department, category or unit) with the
    /// page's figures, and a 合计 row for the whole scope. Rates are written as the page shows them;
    /// a rate with nothing to divide is blank.
    func exportStats(_ request: StatsRequest, for actor: Actor, tree: OrgTree, format: ExportFormat) async throws
        -> OfficeFile
    {
        let report = try await stats(request, for: actor, tree: tree)
        let heading =
            switch request.grouping {
            case .department: "牵头部门"
            case .category: "问题类别"
            case .orgUnit: "单位"
            case nil: "范围"
            }
        let period = [report.from?.iso, report.to?.iso].compactMap { $0 }.joined(separator: "至")
        let unitName = tree[request.scope.orgUnitID ?? actor.orgUnitID]?.name ?? ""
        let export = LedgerExport(
            title: "统计分析",
            subtitle: [unitName, period.isEmpty ? nil : period, "截至\(report.asOf.iso)"].compactMap { $0 }.joined(
                separator: " "),
            columns: [.init(header: heading, width: 24)]
                + [
                    "收集问题（件）", "意见建议（项）", "已解决问题（件）", "采纳建议（项）", "投诉诉求咨询（件）", "其中办结（件）",
                    "正在处理（件）", "响应率", "办结率", "按期办结率", "满意率", "销号率", "重办率", "超期（件）", "平均办结（工作日）",
                ].map { LedgerExport.Column(header: $0, width: 11) })
        func cells(_ name: String, _ tally: ProblemTally, _ m: ProblemMetrics) -> [XlsxValue] {
            let rates = [
                m.responseRate, m.resolutionRate, m.onTimeRate, m.satisfactionRate, m.closureRate, m.reopenRate,
            ]
            return [
                .text(name), .number(Double(tally.problemsRegistered)), .number(Double(tally.suggestions)),
                .number(Double(tally.problemsResolved)), .number(Double(m.suggestionsAdopted)),
                .number(Double(tally.requests)), .number(Double(tally.requestsResolved)),
                .number(Double(tally.requestsOpen)),
            ] + rates.map { $0.value == nil ? .empty : .text($0.percent) } + [
                .number(Double(m.overdue)), m.averageResolveDays.map { .text(String(format: "%.1f", $0)) } ?? .empty,
            ]
        }
        return try await export.write(format) { page in
            try await page(report.groups.map { cells($0.name, $0.tally, $0.metrics) })
            try await page([cells("合计", report.tally, report.metrics)])
        }
    }
}
