import Foundation
import JieyouDomain

/// 项目申报: the applications of a scope with their totals by stage (the figures a bulletin quotes),
/// the filter, and the form the 政策小组 records one with.
struct ProjectListView {
    let totals: ProjectTotals
    let projects: [ProjectRecord]
    let filter: ProjectFilter
    let today: LocalDate
    /// The policies an application may cite, as (id, title).
    let policyOptions: [(value: String, label: String)]
    /// Nil when the reader may not record applications.
    let entry: StepEntry<ProjectsWeb.Form>?
    /// The page's query string, which the export links carry.
    var query = ""

    private static let funds = ProjectFund.allCases.map { ($0.rawValue, $0.chineseName) }

    var html: HTML {
        let stages = ProjectStage.allCases.map { ($0.rawValue, $0.chineseName) }
        let filterForm = FormFields(idPrefix: "filter-")
        let stageCells = ProjectStage.allCases.map { stage -> HTML in
            let figures = totals.byStage[stage] ?? ProjectTotals.StageFigures()
            let link = "\(WebPath.projects)?\(WebPath.query([("stage", stage.rawValue)]))"
            return """
                <tr><td><a href="\(link)">\(stage.chineseName)</a></td><td class="num">\(figures.count)</td><td class="num">\(figures.asked.wan)</td></tr>
                """
        }
        let rows = projects.map { p -> HTML in
            """
            <tr><td><a href="\(WebPath.project(p.id))">\(p.name)</a></td><td>\(p.enterpriseName)</td><td class="hide-narrow">\(p.fund.chineseName)</td>
            <td class="num">\(p.amountAsked.wan)</td><td>\(p.stage.chineseName)</td>
            <td class="num hide-narrow">\(p.amountGranted?.wan ?? "—")</td><td class="hide-narrow">\(p.appliedOn)</td></tr>
            """
        }
        return """
            <h1>项目申报</h1>
            <form method="get" action="\(WebPath.projects)" class="filters">
            \(filterForm.select("stage", "阶段", options: stages, selected: filter.stage?.rawValue, blank: "全部阶段"))
            \(filterForm.select("fund", "资金渠道", options: Self.funds, selected: filter.fund?.rawValue, blank: "全部渠道"))
            \(filterForm.text("from", "申报起始", value: filter.from?.iso, type: "date"))
            \(filterForm.text("to", "申报截止", value: filter.to?.iso, type: "date"))
            <div class="actions"><button type="submit">查询</button></div></form>
            <p data-testid="project-sentence">\(totals.count == 0 ? "所选范围内暂无项目申报。" : "\(totals.sentence)。")</p>
            \(totals.count == 0 ? .empty : ExportLinks.html(SiteURL.projectExport.path, query: query, label: "导出全部申报"))
            \(totals.count == 0 ? .empty : HTML("""
            <div class="table-wrap"><table data-testid="project-stages"><thead><tr><th>阶段</th><th>项目数</th><th>申报资金（万元）</th></tr></thead><tbody>\(stageCells)
            <tr class="total"><td>合计</td><td class="num">\(totals.count)</td><td class="num">\(totals.asked.wan)</td></tr></tbody></table></div>
            <div class="table-wrap"><table data-testid="projects"><thead><tr><th>项目</th><th>企业</th><th class="hide-narrow">资金渠道</th><th>申报资金（万元）</th><th>阶段</th><th class="hide-narrow">兑现资金（万元）</th><th class="hide-narrow">申报日期</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(projects.count == ProjectApplications.listLimit ? HTML("<p class=\"muted\">仅列出最近\(ProjectApplications.listLimit)个项目，合计按全部项目计算。</p>") : .empty)
            """))
            \(entry.map(entryForm))
            """
    }

    private func entryForm(_ entry: StepEntry<ProjectsWeb.Form>) -> HTML {
        let f = FormFields(errors: entry.errors)
        let form = entry.form
        return """
            <h2>登记项目申报</h2>
            <form method="post" action="\(WebPath.projects)" class="card">\(entry.csrf)\(f.summary)
            \(f.text("enterprise", "申报企业", value: form.enterprise, required: true, placeholder: "企业全称或统一社会信用代码"))
            \(f.text("name", "项目名称", value: form.name, required: true))
            \(f.select("fund", "资金渠道", options: Self.funds, selected: form.fund, required: true))
            \(f.text("amountAsked", "申报资金（万元）", value: form.amountAsked, required: true, hint: "精确到分，如 2036.5"))
            \(f.select("policyId", "依据政策", options: policyOptions, selected: form.policyId, blank: "不关联政策"))
            \(f.text("appliedOn", "申报日期", value: form.appliedOn ?? today.iso, type: "date", required: true))
            \(f.text("note", "备注", value: form.note))
            <div class="actions"><button type="submit">登记</button></div></form>
            """
    }
}

/// One 项目申报: its facts, its steps, and the form that moves it on (申报 → 审核 → 入库 → 兑现, or 未通过).
/// An enterprise reads its own without links into the registry.
struct ProjectPageView {
    let project: ProjectRecord
    let readerIsEnterprise: Bool
    let today: LocalDate
    let step: StepEntry<ProjectsWeb.StepForm>?

    var html: HTML {
        let p = project
        let steps = p.steps.map { step -> HTML in "<li><time>\(step.on)</time> \(step.stage.chineseName)</li>" }
        let enterpriseCell: HTML =
            readerIsEnterprise
            ? "\(p.enterpriseName)" : "<a href=\"\(WebPath.enterprise(p.enterpriseId))\">\(p.enterpriseName)</a>"
        let policyCell: HTML =
            switch (p.policyId, p.policyTitle) {
            case (let id?, let title?) where !readerIsEnterprise: "<a href=\"\(WebPath.policy(id))\">\(title)</a>"
            case (_, let title?): "\(title)"
            default: "—"
            }
        return """
            <p class="crumbs"><a href="\(readerIsEnterprise ? WebPath.myPolicies : WebPath.projects)">\(readerIsEnterprise ? "我的政策" : "项目申报")</a></p>
            <h1>\(p.name)</h1>
            <dl class="facts" data-testid="project-facts">
            <dt>申报企业</dt><dd>\(enterpriseCell)</dd>
            <dt>资金渠道</dt><dd>\(p.fund.chineseName)</dd>
            <dt>申报资金</dt><dd>\(p.amountAsked.wan)万元</dd>
            <dt>依据政策</dt><dd>\(policyCell)</dd>
            <dt>当前阶段</dt><dd data-testid="project-stage">\(p.stage.chineseName)</dd>
            \(p.amountGranted.map { HTML("<dt>兑现资金</dt><dd>\($0.wan)万元（已记入兑现台账）</dd>") })
            \(p.reason.map { HTML("<dt>\(p.stage == .rejected ? "未通过原因" : "说明")</dt><dd>\($0)</dd>") })
            \(p.note.map { HTML("<dt>备注</dt><dd>\($0)</dd>") })
            </dl>
            <h2>办理过程</h2><ol class="timeline" data-testid="project-steps">\(steps)</ol>
            \(step.map(stepForm))
            """
    }

    private func stepForm(_ step: StepEntry<ProjectsWeb.StepForm>) -> HTML {
        let f = FormFields(errors: step.errors)
        let (p, form) = (project, step.form)
        return """
            <h2>办理下一步</h2>
            <form method="post" action="\(SiteURL.projectSteps(.value(p.id)).path)" class="card">\(step.csrf)\(f.summary)
            \(f.select("stage", "下一步", options: p.stage.nextStages.map { ($0.rawValue, $0.actionName) }, selected: form.stage ?? p.stage.nextStages.first?.rawValue, required: true, blank: nil))
            \(f.text("on", "办理日期", value: form.on ?? today.iso, type: "date", required: true))
            \(p.stage == .listed ? f.text("amountGranted", "兑现资金（万元）", value: form.amountGranted, hint: "兑现时必填，记入兑现台账（资金兑现）") : .empty)
            \(f.text("reason", "原因或说明", value: form.reason, hint: "未通过时必填"))
            <div class="actions"><button type="submit">确定</button></div></form>
            """
    }
}
