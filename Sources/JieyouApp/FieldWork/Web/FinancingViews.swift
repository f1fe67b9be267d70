import Foundation
import JieyouDomain

/// 融资诉求: the demands of a scope by progress, with their totals, and the form a cadre records one with.
struct FinancingListView {
    /// The progress tab chosen (nil: 全部).
    let status: FinancingStatus?
    let totals: FinancingTotals
    let demands: [FinancingRecord]
    let today: LocalDate
    /// Nil when the reader may not record demands.
    let entry: StepEntry<FinancingWeb.Form>?

    var html: HTML {
        let tabs = ([(nil, "全部")] + FinancingStatus.allCases.map { ($0, $0.chineseName) }).map {
            tab, label -> HTML in
            let href =
                tab.map { "\(WebPath.financing)?\(WebPath.query([("status", $0.rawValue)]))" } ?? WebPath.financing
            return "<li><a href=\"\(href)\"\(tab == status ? HTML(" aria-current=\"page\"") : .empty)>\(label)</a></li>"
        }
        let rows = demands.map { d -> HTML in
            """
            <tr><td><a href="\(WebPath.financingDemand(d.id))">\(d.enterpriseName)</a></td><td class="num">\(d.amount.wan)</td>
            <td class="hide-narrow">\(d.purpose)</td><td>\(d.status.chineseName)</td><td class="hide-narrow">\(d.bank ?? "—")</td>
            <td class="num">\(d.lent?.wan ?? "—")</td><td class="hide-narrow">\(d.raisedOn)</td></tr>
            """
        }
        return """
            <h1>融资诉求</h1>
            <nav aria-label="进展"><ul class="tabs">\(tabs)</ul></nav>
            <p data-testid="financing-sentence">\(totals.count == 0 ? "暂无融资诉求。" : "\(totals.sentence)。")</p>
            \(demands.isEmpty ? .empty : ExportLinks.html(WebPath.financingExport, query: status.map { WebPath.query([("status", $0.rawValue)]) } ?? "", label: "导出融资诉求"))
            \(demands.isEmpty ? .empty : HTML("""
            <div class="table-wrap"><table data-testid="financing-demands"><thead><tr><th>企业</th><th>需求（万元）</th><th class="hide-narrow">用途</th><th>进展</th><th class="hide-narrow">对接银行</th><th>放款（万元）</th><th class="hide-narrow">提出日期</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """))
            \(entry.map(entryForm))
            """
    }

    private func entryForm(_ entry: StepEntry<FinancingWeb.Form>) -> HTML {
        let f = FormFields(errors: entry.errors)
        let form = entry.form
        return """
            <h2>登记融资诉求</h2>
            <form method="post" action="\(WebPath.financing)" class="card">\(entry.csrf)\(f.summary)
            \(f.text("enterprise", "企业", value: form.enterprise, required: true, placeholder: "企业全称或统一社会信用代码"))
            \(f.text("amount", "融资需求（万元）", value: form.amount, required: true, hint: "如 500 或 85.5"))
            \(f.text("purpose", "资金用途", value: form.purpose, required: true, placeholder: "如：设备更新、流动资金"))
            \(f.text("raisedOn", "提出日期", value: form.raisedOn ?? today.iso, type: "date", required: true))
            \(f.text("note", "备注", value: form.note))
            <div class="actions"><button type="submit">登记</button></div>
            <p class="hint">政银企对接会记录融资意向时，会自动更新该企业最早一项未办结的融资诉求。</p></form>
            """
    }
}

/// One 融资诉求: its facts, its steps, and (for who may move it) the form that records the next one.
struct FinancingPageView {
    let demand: FinancingRecord
    let today: LocalDate
    /// Nil when the reader may not move the demand on, or it is final.
    let step: StepEntry<FinancingWeb.StepForm>?

    var html: HTML {
        let d = demand
        let steps: [(String, String?)] = [
            ("提出", d.raisedOn), ("对接中", d.matchedOn), ("已放款", d.lentOn), ("未达成", d.failedOn),
        ]
        let timeline = steps.compactMap { name, day in day.map { HTML("<li><time>\($0)</time> \(name)</li>") } }
        return """
            <h1>\(d.enterpriseName)的融资诉求</h1>
            <dl class="facts" data-testid="financing-facts">
            <dt>融资需求</dt><dd>\(d.amount.wan)万元</dd>
            <dt>资金用途</dt><dd>\(d.purpose)</dd>
            <dt>进展</dt><dd data-testid="financing-status">\(d.status.chineseName)</dd>
            \(d.bank.map { HTML("<dt>对接银行</dt><dd>\($0)</dd>") })
            \(d.lent.map { HTML("<dt>放款金额</dt><dd>\($0.wan)万元</dd>") })
            \(d.meetingId.map { id in HTML("<dt>对接活动</dt><dd><a href=\"\(WebPath.meeting(id))\">\(d.meetingTitle ?? "政银企对接会")</a></dd>") })
            \(d.reason.map { HTML("<dt>\(d.status == .failed ? "未达成原因" : "说明")</dt><dd>\($0)</dd>") })
            \(d.note.map { HTML("<dt>备注</dt><dd>\($0)</dd>") })
            </dl>
            <h2>办理过程</h2><ol class="timeline">\(HTML.join(timeline))</ol>
            \(step.map(stepForm))
            """
    }

    private func stepForm(_ step: StepEntry<FinancingWeb.StepForm>) -> HTML {
        let f = FormFields(errors: step.errors)
        let form = step.form
        return """
            <h2>更新进展</h2>
            <form method="post" action="\(SiteURL.financingSteps(.value(demand.id)).path)" class="card">\(step.csrf)\(f.summary)
            \(f.select("status", "进展", options: demand.status.nextStatuses.map { ($0.rawValue, $0.chineseName) }, selected: form.status, required: true, blank: nil))
            \(f.text("on", "办理日期", value: form.on ?? today.iso, type: "date", required: true))
            \(f.text("bank", "对接银行", value: form.bank ?? demand.bank, hint: "对接中、已放款时必填"))
            \(f.text("amountLent", "放款金额（万元）", value: form.amountLent, hint: "已放款时必填"))
            \(f.text("reason", "原因或说明", value: form.reason, hint: "未达成时必填"))
            <div class="actions"><button type="submit">确定</button></div></form>
            """
    }
}
