import Foundation
import JieyouDomain
import JieyouOffice

/// 走访覆盖: the filter (campaign or period, unit) and, when it reads, the report — the figures,
/// visits per day, per cadre, and the enterprises nobody has visited yet.
struct CoveragePageView {
    /// What the filter was given, shown back in it.
    struct Query {
        var campaign: String?
        var orgUnit: String?
        var from: String?
        var to: String?
    }

    let query: Query
    let campaigns: [CampaignRecord]
    let unitOptions: [(value: String, label: String)]
    /// The report, or the errors that kept it from being read.
    let report: Result<CoverageReport, FieldErrors>
    /// Readers of statistics get the link to the campaign's 总结报告.
    let summaryLink: Bool

    struct FieldErrors: Error {
        let errors: [FieldError]
    }

    var html: HTML {
        let f: FormFields
        let body: HTML
        switch report {
        case .success(let r):
            f = FormFields()
            body = Self.render(r, summaryLink: summaryLink, exportQuery: exportQuery)
        case .failure(let failure):
            f = FormFields(errors: failure.errors)
            body = f.summary
        }
        let campaignOptions = campaigns.map { ($0.id.uuidString.lowercased(), $0.name) }
        return """
            <h1>走访覆盖</h1>
            <form method="get" action="\(WebPath.coverage)" class="filters">
            \(f.select("campaign", "专项行动", options: campaignOptions, selected: query.campaign?.lowercased(), blank: "不限（按期间）"))
            \(f.select("orgUnit", "单位", options: unitOptions, selected: query.orgUnit, blank: "默认"))
            \(f.text("from", "起始日期", value: query.from, type: "date"))
            \(f.text("to", "截止日期", value: query.to, type: "date"))
            <button type="submit">统计</button></form>
            \(body)
            """
    }

    /// The query of the filters as typed, for the export links.
    private var exportQuery: String {
        WebPath.query(
            [("campaign", query.campaign), ("orgUnit", query.orgUnit), ("from", query.from), ("to", query.to)]
                .compactMap { key, value in value.flatMap { $0.isEmpty ? nil : (key, $0) } })
    }

    private static func render(_ r: CoverageReport, summaryLink: Bool, exportQuery: String) -> HTML {
        let figures = r.figures
        let stat = { (label: String, value: String, note: String?, id: String) -> HTML in
            StatCard.render(label, value, note: note, testID: id)
        }
        let cadreRows = r.perCadre.prefix(300).map {
            HTML("<tr><td>\($0.name)</td><td>\($0.visits)</td><td>\($0.enterprises)</td></tr>")
        }
        let never = r.neverVisited.map {
            HTML("<li><a href=\"\(WebPath.enterprise($0.id))\">\($0.name)</a></li>")
        }
        let chart = ColumnChart(
            title: "每日走访次数", bars: r.perDay.map { (String($0.day.dropFirst(5)), $0.visits) })
        return """
            <p class="lead" data-testid="coverage-headline">\(r.campaign.map { "\($0.name)：" } ?? "")\(r.orgUnit.name)，\(r.from) 至 \(r.to)</p>
            <p>\(figures.headline)</p>
            \((summaryLink ? r.campaign : nil).map { c in HTML("<p class=\"no-print\"><a class=\"button secondary\" href=\"\(WebPath.campaignSummary)?campaign=\(c.id.uuidString.lowercased())&amp;orgUnit=\(r.orgUnit.id.uuidString.lowercased())\" data-testid=\"campaign-summary-link\">总结报告</a></p>") })
            <div class="cards">
            \(stat("范围内企业", String(r.enterprisesInScope), nil, "in-scope"))
            \(stat("已走访企业", String(r.visitedAtLeastOnce), "覆盖率 \(figures.coverage.percentText)", "visited"))
            \(stat("走访达标（≥\(r.requiredVisits)次）", String(r.visitedAsRequired), "达标率 \(figures.completion.percentText)", "complete"))
            \(stat("未走访企业", String(r.neverVisitedCount), nil, "never"))
            \(stat("走访次数", String(r.visits), "平均每家 \(CoverageFigures.oneDecimal(figures.visitsPerEnterprise)) 次", "visits"))
            \(stat("参与干部", String(r.cadresActive), "人均 \(CoverageFigures.oneDecimal(figures.visitsPerCadre)) 次", "cadres"))
            </div>
            <h2>每日走访</h2>
            \(r.perDay.isEmpty ? HTML("<p class=\"muted\">期间内没有走访记录。</p>") : HTML(raw: chart.svg))
            <h2>干部走访情况</h2>
            <div class="table-wrap"><table data-testid="coverage-cadres"><thead><tr><th>干部</th><th>走访次数</th><th>走访企业</th></tr></thead><tbody>\(cadreRows)</tbody></table></div>
            <h2>未走访企业（\(r.neverVisitedCount) 家）</h2>
            \(ExportLinks.html(WebPath.coverageExport, query: exportQuery, label: "导出每家企业的走访情况"))
            \(never.isEmpty ? HTML("<p class=\"muted\">范围内企业均已走访。</p>") : HTML("<ul class=\"columns\" data-testid=\"never-visited\">\(never)</ul>"))
            \(r.neverVisitedCount > r.neverVisited.count ? HTML("<p class=\"muted\">仅列出按名称排序的前 \(r.neverVisited.count) 家。</p>") : .empty)
            """
    }
}
