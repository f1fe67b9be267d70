import Foundation
import JieyouDomain
import JieyouOffice

/// 数据看板: a unit's subtree at a glance — the figures as cards, each category's problems by stage, new
/// and closed problems per 旬, the departments ranked and a campaign's coverage in the units below,
/// charts drawn on the server (see `DashboardLinks`) whose every number opens its list.
struct DashboardPageView {
    let dashboard: Dashboard
    /// The units the picker offers.
    let unitOptions: [(value: String, label: String)]

    var html: HTML {
        let d = dashboard
        let f = FormFields()
        let picker: HTML = """
            <form method="get" action="\(WebPath.dashboard)" class="filters no-print" data-testid="dashboard-filters">
            \(f.select("orgUnit", "单位", options: unitOptions, selected: d.unitId.uuidString.lowercased(), blank: nil))
            \(f.text("from", "收集起始日期", value: d.from.iso, type: "date"))
            \(f.text("to", "收集截止日期", value: d.to.iso, type: "date"))
            <button type="submit">查看</button></form>
            """
        let links = DashboardLinks(d)
        let m = d.stats.metrics
        let t = d.stats.tally
        let cards: HTML = """
            <div class="cards" data-testid="dashboard-cards">
            \(StatCard.render("收集问题", "\(t.problemsRegistered)", note: "意见建议 \(t.suggestions) 条", testID: "card-registered", link: links.ledger([("kind", "problem")])))
            \(StatCard.render("已解决问题", "\(t.problemsResolved)", note: "办结率 \(m.resolutionRate.percent)，采纳建议 \(t.suggestionsAdopted) 条", testID: "card-resolved", link: links.ledger([("kind", "problem"), ("state", "resolved,closed")])))
            \(StatCard.render("已销号", "\(t.closed)", note: "满意率 \(m.satisfactionRate.percent)", testID: "card-closed", link: links.ledger([("state", "closed")])))
            \(StatCard.render("按期办结率", m.onTimeRate.percent, note: "\(m.onTimeRate.count)/\(m.onTimeRate.of)", testID: "card-on-time", link: links.stats))
            \(StatCard.render("在办问题", "\(d.openNow)", note: "截至今日", testID: "card-open", link: links.ledger([("state", ProblemState.allCases.filter(\.isOpen).map(\.rawValue).joined(separator: ","))], period: false)))
            \(StatCard.render("超期未办结", "\(d.overdueNow)", note: "截至今日", testID: "card-overdue", link: links.ledger([("overdue", "true")], period: false)))
            \(StatCard.render("挂牌督办", "\(d.supervisedNow)", note: "在办", testID: "card-supervised", link: links.ledger([("flag", "supervised"), ("state", ProblemState.allCases.filter(\.isOpen).map(\.rawValue).joined(separator: ","))], period: false)))
            </div>
            """
        return """
            <h1>数据看板：\(d.unitName)</h1>
            <p class="muted" data-testid="dashboard-as-of">问题收集于 \(d.from.iso) 至 \(d.to.iso)，数据生成于 \(ChinaTime.dateTime(d.composedAt))。点击图中的数字或柱条可打开对应的问题清单。</p>
            \(picker)
            <div class="actions no-print"><a class="button secondary" href="\(WebPath.reports)?orgUnit=\(d.unitId.uuidString.lowercased())">通报</a>\
            <a class="button secondary" href="\(links.stats)">统计分析</a></div>
            \(cards)
            <section data-testid="chart-categories"><h2>各类别问题办理状态</h2>
            \(d.categories.isEmpty ? HTML("<p class=\"muted\">期间内没有分类的问题。</p>") : HTML(raw: links.categoryChart.svg))</section>
            <section data-testid="chart-trend"><h2>问题新增与销号（按旬）</h2>\(HTML(raw: links.trendChart.svg))</section>
            <section data-testid="chart-ranking"><h2>责任单位\(d.stats.ranking?.rankByName ?? "按期办结率")排名</h2>
            \(links.rankingChart.rows.isEmpty ? HTML("<p class=\"muted\">没有样本达到 \(d.stats.ranking?.minimumSample ?? 5) 件的责任单位，暂不排名。</p>") : HTML(raw: links.rankingChart.svg))</section>
            <section data-testid="chart-coverage"><h2>走访覆盖\(d.coverageCampaign.map { "（\($0.name)）" } ?? "（本周）")</h2>
            <p class="muted">\(d.coverageFrom.iso) 至 \(d.coverageTo.iso)</p>
            \(d.coverage.isEmpty ? HTML("<p class=\"muted\">暂无走访数据。</p>") : HTML(raw: links.coverageChart.svg))</section>
            """
    }
}
