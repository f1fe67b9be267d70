import Foundation
import JieyouDomain

/// 我的政策: an enterprise account's policies in force that fit it and why, each with 确认知晓 until it
/// knows it, what it has received (兑现), and its project applications.
struct MyPoliciesView {
    let fits: [PolicyMatching.Fit]
    /// The registry's tags, which a rule in words names.
    let tags: Set<String>
    let tree: OrgTree
    let benefits: BenefitSummary
    let projects: [ProjectRecord]
    let csrf: HTML

    var html: HTML {
        let benefitRows = benefits.entries.map { b -> HTML in
            "<tr><td>\(b.grantedOn)</td><td>\(b.policyTitle ?? "—")</td><td>\(b.kind.chineseName)</td><td class=\"num\">\(b.amount.wan)</td></tr>"
        }
        let projectRows = projects.map { p -> HTML in
            """
            <tr><td><a href="\(WebPath.project(p.id))">\(p.name)</a></td><td class="hide-narrow">\(p.fund.chineseName)</td>
            <td class="num">\(p.amountAsked.wan)</td><td>\(p.stage.chineseName)</td><td class="num">\(p.amountGranted?.wan ?? "—")</td></tr>
            """
        }
        return """
            <h1>我的政策</h1>
            <p class="muted">以下是当前有效、且贵企业符合申报条件的政策，共\(fits.count)项。</p>
            \(fits.isEmpty ? HTML("<p class=\"muted\">暂无符合条件的政策。</p>") : HTML.join(fits.map(card)))
            <h2>已兑现</h2>
            \(benefits.entries.isEmpty ? HTML("<p class=\"muted\">暂无兑现记录。</p>") : HTML("""
            <p data-testid="my-benefits-total">合计\(benefits.totals.total.wan)万元（\(benefits.totals.sentence)）</p>
            <div class="table-wrap"><table><thead><tr><th>日期</th><th>政策</th><th>类型</th><th>金额（万元）</th></tr></thead><tbody>\(benefitRows)</tbody></table></div>
            """))
            \(projects.isEmpty ? .empty : HTML("""
            <h2>项目申报</h2>
            <div class="table-wrap"><table data-testid="my-projects"><thead><tr><th>项目</th><th class="hide-narrow">资金渠道</th><th>申报资金（万元）</th><th>阶段</th><th>兑现资金（万元）</th></tr></thead><tbody>\(projectRows)</tbody></table></div>
            """))
            """
    }

    private func card(_ fit: PolicyMatching.Fit) -> HTML {
        let p = fit.policy
        let channels = fit.channels.sorted { $0.rawValue < $1.rawValue }.map(\.chineseName).joined(separator: "、")
        let state: HTML =
            fit.acknowledgedAt != nil || fit.channels.contains(where: \.isInPerson)
            ? "<p class=\"muted\" data-testid=\"acknowledged\">已知晓</p>"
            : """
            <form method="post" action="\(SiteURL.acknowledgePolicy(.value(p.id)).path)">\(csrf)
            <button type="submit" data-testid="acknowledge">确认知晓</button></form>
            """
        return """
            <article class="card" data-testid="my-policy"><h2>\(p.title)\(p.automatic ? HTML(" <span class=\"tag\">免申即享</span>") : .empty)</h2>
            <p class="muted">\(p.documentNumber ?? "") \(p.issuer) · \(p.validityText) · \(p.benefitKindName)</p>
            <p data-testid="reasons">\(fit.verdict.summary)</p>
            <p class="hint">申报条件：\(EligibilityDescription.rule(p.eligibility(tags: tags, tree: tree), unitName: { tree[$0]?.name }))</p>
            \(p.summary.map { HTML("<p>\($0)</p>") })
            \(p.automatic ? HTML("<p class=\"hint\">免申即享：无需申请，园区审核后直接兑现。</p>") : .empty)
            \(channels.isEmpty ? .empty : HTML("<p class=\"hint\">送达方式：\(channels)</p>"))
            \(state)</article>
            """
    }
}

/// 兑现台账: the ledger of benefits for a scope and period, its totals by kind (the sentence a quarterly
/// report quotes) and by policy, and the form the 政策小组 records a benefit with.
struct BenefitLedgerView {
    let summary: BenefitSummary
    let filter: BenefitFilter
    let today: LocalDate
    let policyOptions: [(value: String, label: String)]
    /// Nil when the reader may not record benefits.
    let entry: StepEntry<BenefitsWeb.Form>?
    /// The page's query string, which the export links carry.
    var query = ""

    private static let kinds = BenefitKind.allCases.map { ($0.rawValue, $0.chineseName) }

    /// Every entry of the page's filters as a file, not only the latest shown.
    private var exportLinks: HTML { ExportLinks.html(SiteURL.benefitExport.path, query: query, label: "导出全部记录") }

    var html: HTML {
        let quarterStart = LocalDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!
        let filterForm = FormFields(idPrefix: "filter-")
        let kindRows = summary.totals.lines.map { line -> HTML in
            "<tr><td>\(line.kind.chineseName)</td><td class=\"num\">\(line.amount.wan)</td></tr>"
        }
        let policyRows = summary.byPolicy.map { group -> HTML in
            "<tr><td>\(group.title)</td><td class=\"num\">\(group.totals.count)</td><td class=\"num\">\(group.totals.total.wan)</td></tr>"
        }
        let entryRows = summary.entries.map { b -> HTML in
            """
            <tr><td>\(b.grantedOn)</td><td>\(b.enterpriseName)</td><td class="hide-narrow">\(b.policyTitle ?? "—")</td>
            <td>\(b.kind.chineseName)</td><td class="num">\(b.amount.wan)</td><td class="hide-narrow">\(b.note ?? "")</td></tr>
            """
        }
        return """
            <h1>兑现台账</h1>
            <form method="get" action="\(WebPath.benefits)" class="filters">
            \(filterForm.text("from", "起始日期", value: filter.from?.iso, type: "date"))
            \(filterForm.text("to", "截止日期", value: filter.to?.iso, type: "date"))
            \(filterForm.select("kind", "兑现类型", options: Self.kinds, selected: filter.kind?.rawValue, blank: "全部类型"))
            \(filterForm.select("policy", "政策", options: policyOptions, selected: filter.policy?.uuidString.lowercased(), blank: "全部政策"))
            <div class="actions"><button type="submit">查询</button>
            <a class="button secondary" href="\(WebPath.benefits)?\(WebPath.query([("from", quarterStart.iso), ("to", today.iso)]))">本季度</a></div></form>
            <p data-testid="benefit-sentence">\(summary.totals.count == 0 ? "所选范围内暂无兑现记录。" : "共\(summary.totals.count)笔，合计\(summary.totals.total.wan)万元：\(summary.totals.sentence)。")</p>
            \(summary.totals.count == 0 ? .empty : exportLinks)
            \(summary.totals.count == 0 ? .empty : HTML("""
            <div class="cards"><div class="table-wrap"><table data-testid="benefit-kinds"><thead><tr><th>兑现类型</th><th>金额（万元）</th></tr></thead><tbody>\(kindRows)</tbody></table></div>
            <div class="table-wrap"><table><thead><tr><th>政策</th><th>笔数</th><th>金额（万元）</th></tr></thead><tbody>\(policyRows)</tbody></table></div></div>
            <h2>明细</h2>
            <div class="table-wrap"><table data-testid="benefits"><thead><tr><th>日期</th><th>企业</th><th class="hide-narrow">政策</th><th>类型</th><th>金额（万元）</th><th class="hide-narrow">备注</th></tr></thead><tbody>\(entryRows)</tbody></table></div>
            \(summary.entries.count == BenefitLedger.entryLimit ? HTML("<p class=\"muted\">仅列出最近\(BenefitLedger.entryLimit)笔，合计按全部记录计算。</p>") : .empty)
            """))
            \(entry.map(entryForm))
            """
    }

    private func entryForm(_ entry: StepEntry<BenefitsWeb.Form>) -> HTML {
        let f = FormFields(errors: entry.errors)
        let form = entry.form
        return """
            <h2>登记兑现</h2>
            <form method="post" action="\(WebPath.benefits)" class="card">\(entry.csrf)\(f.summary)
            \(f.text("enterprise", "企业", value: form.enterprise, required: true, placeholder: "企业全称或统一社会信用代码"))
            \(f.select("policyId", "政策", options: policyOptions, selected: form.policyId, blank: "不关联政策"))
            \(f.select("kind", "兑现类型", options: Self.kinds, selected: form.kind, required: true))
            \(f.text("amount", "金额（万元）", value: form.amount, required: true, hint: "精确到分，如 733.14"))
            \(f.text("grantedOn", "兑现日期", value: form.grantedOn ?? today.iso, type: "date", required: true))
            \(f.text("note", "备注", value: form.note))
            <div class="actions"><button type="submit">登记</button></div></form>
            """
    }
}
