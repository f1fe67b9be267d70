import Foundation
import JieyouDomain
import JieyouOffice

/// 统计分析: the filter, and the metrics of the closed loop for the scope and period it names, broken
/// down by department, category or unit, with a ranking that says its sample and leaves small ones out.
struct StatsPageView {
    enum Outcome {
        case report(StatsReport, unitName: String)
        /// The filter's errors, each with its field.
        case refused([FieldError])
    }

    /// The filter's values as the query gave them.
    let values: [String: String]
    let outcome: Outcome
    let choices: StatsChoices

    static let keys = ["orgUnit", "department", "category", "campaign", "from", "to", "groupBy", "rankBy", "minSample"]

    init(query: (String) -> String?, outcome: Outcome, choices: StatsChoices) {
        self.values = Dictionary(uniqueKeysWithValues: Self.keys.compactMap { key in query(key).map { (key, $0) } })
        self.outcome = outcome
        self.choices = choices
    }

    var html: HTML {
        let f: FormFields
        let body: HTML
        switch outcome {
        case .report(let report, let unitName):
            f = FormFields()
            body = render(report, unitName: unitName)
        case .refused(let errors):
            f = FormFields(errors: errors)
            body = f.summary
        }
        let q = { (key: String) in values[key] }
        let (units, departments, categories, campaigns) = (
            choices.units, choices.departments, choices.categories, choices.campaigns
        )
        let groupings: [(String, String)] = [("department", "牵头部门"), ("category", "问题类别"), ("orgUnit", "下级单位")]
        let rates = ProblemMetrics.RankedRate.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>统计分析</h1>
            <div class="actions"><a class="button secondary" href="\(WebPath.reports)" data-testid="reports-link">通报（周调度、旬通报、月通报、季讲评）</a></div>
            <form method="get" action="\(WebPath.stats)" class="filters" data-testid="stats-filters">
            \(f.select("orgUnit", "单位", options: units, selected: q("orgUnit")?.lowercased(), blank: "本单位及下级"))
            \(f.select("department", "牵头部门", options: departments, selected: q("department")?.lowercased(), blank: "全部"))
            \(f.select("category", "问题类别", options: categories, selected: q("category"), blank: "全部"))
            \(f.select("campaign", "专项行动", options: campaigns, selected: q("campaign")?.lowercased(), blank: "全部"))
            \(f.text("from", "收集起始日期", value: q("from"), type: "date"))
            \(f.text("to", "收集截止日期", value: q("to"), type: "date"))
            \(f.select("groupBy", "分组", options: groupings, selected: q("groupBy") ?? "department", blank: nil))
            \(f.select("rankBy", "排名指标", options: rates, selected: q("rankBy") ?? "onTimeRate", blank: nil))
            \(f.text("minSample", "最小样本", value: q("minSample") ?? "5", type: "number"))
            <button type="submit">统计</button></form>
            \(body)
            """
    }

    private func render(_ r: StatsReport, unitName: String) -> HTML {
        let m = r.metrics
        let t = r.tally
        let period =
            switch (r.from, r.to) {
            case (nil, nil): "全部时间"
            case (let from?, nil): "\(from.iso) 起"
            case (nil, let to?): "至 \(to.iso)"
            case (let from?, let to?): "\(from.iso) 至 \(to.iso)"
            }
        func card(_ label: String, _ value: String, _ note: String?, _ id: String) -> HTML {
            StatCard.render(label, value, note: note, testID: id)
        }
        func rate(_ label: String, _ rate: Rate, _ id: String) -> HTML {
            card(label, rate.percent, "\(rate.count) / \(rate.of)", id)
        }
        let days = m.averageResolveDays.map { String(format: "%.1f", $0) } ?? "—"
        return """
            <p class="lead" data-testid="stats-headline">\(unitName)，\(period)收集的问题，截至 \(r.asOf.iso)</p>
            <div class="cards">
            \(card("收集问题", String(t.problemsRegistered), "建议 \(t.suggestions) 项", "registered"))
            \(card("已解决问题", String(t.problemsResolved), "采纳建议 \(m.suggestionsAdopted) 项", "solved"))
            \(t.requests > 0 ? card("投诉诉求咨询", String(t.requests), "办结 \(t.requestsResolved) 件，正在处理 \(t.requestsOpen) 件", "requests") : .empty)
            \(rate("响应率", m.responseRate, "response-rate"))
            \(rate("办结率", m.resolutionRate, "resolution-rate"))
            \(rate("按期办结率", m.onTimeRate, "on-time-rate"))
            \(rate("满意率", m.satisfactionRate, "satisfaction-rate"))
            \(rate("销号率", m.closureRate, "closure-rate"))
            \(rate("重办率", m.reopenRate, "reopen-rate"))
            \(card("超期", String(m.overdue), "办理中已过时限", "overdue"))
            \(card("平均办结用时", days, "个工作日（\(t.resolveSamples) 件）", "average-days"))
            </div>
            \(ExportLinks.html(WebPath.statsExport, query: WebPath.query(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }), label: "导出统计表"))
            <p class="hint">按期办结率 = 按期办结数 ÷（已办结数 + 超期未办结数）；满意率按回访评价计，不满意重办的计入评价数；销号率不计不予受理和已合并的问题。</p>
            \(ranking(r.ranking))
            \(groups(r))
            """
    }

    private func ranking(_ ranking: StatsReport.Ranking?) -> HTML {
        guard let ranking else { return .empty }
        let rows = ranking.ranked.map {
            HTML(
                "<tr><td>\($0.place ?? 0)</td><td>\($0.name)</td><td>\($0.rate.percent)</td><td>\($0.rate.count) / \($0.rate.of)</td></tr>"
            )
        }
        let chart = RateChart(
            title: "\(ranking.rankByName)排名",
            rows: ranking.ranked.prefix(30).map {
                RateChart.Row(label: $0.name, value: $0.rate.value ?? 0, note: "\($0.rate.percent)（\($0.rate.of) 件）")
            })
        let leftOut = ranking.leftOut.map { HTML("<li>\($0.name)（\($0.rate.of) 件）</li>") }
        return """
            <h2>\(ranking.rankByName)排名</h2>
            \(ranking.ranked.isEmpty ? HTML("<p class=\"muted\">没有样本达到 \(ranking.minimumSample) 件的单位，暂不排名。</p>") : HTML(raw: chart.svg))
            \(ranking.ranked.isEmpty ? .empty : HTML("<div class=\"table-wrap\"><table data-testid=\"stats-ranking\"><thead><tr><th>名次</th><th>单位</th><th>\(ranking.rankByName)</th><th>样本</th></tr></thead><tbody>\(rows)</tbody></table></div>"))
            \(leftOut.isEmpty ? .empty : HTML("<p class=\"muted\" data-testid=\"stats-left-out\">样本不足 \(ranking.minimumSample) 件、不参与排名：</p><ul class=\"columns\">\(leftOut)</ul>"))
            """
    }

    private func groups(_ r: StatsReport) -> HTML {
        guard !r.groups.isEmpty else {
            return r.groupBy == nil ? .empty : "<p class=\"muted\">范围内没有问题。</p>"
        }
        let heading =
            switch StatsGrouping(rawValue: r.groupBy ?? "") {
            case .department: "牵头部门"
            case .category: "问题类别"
            case .orgUnit: "单位"
            case nil: ""
            }
        let rows = r.groups.map { g -> HTML in
            let m = g.metrics
            return """
                <tr><td>\(g.name)</td><td>\(g.tally.registered)</td><td>\(m.responseRate.percent)</td><td>\(m.resolutionRate.percent)</td>\
                <td>\(m.onTimeRate.percent)</td><td>\(m.satisfactionRate.percent)</td><td>\(m.closureRate.percent)</td>\
                <td>\(m.overdue)</td><td>\(m.averageResolveDays.map { String(format: "%.1f", $0) } ?? "—")</td></tr>
                """
        }
        return """
            <h2>按\(heading)</h2>
            <div class="table-wrap"><table data-testid="stats-groups"><thead><tr><th>\(heading)</th><th>收集</th><th>响应率</th><th>办结率</th>\
            <th>按期办结率</th><th>满意率</th><th>销号率</th><th>超期</th><th>平均办结（工作日）</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}
