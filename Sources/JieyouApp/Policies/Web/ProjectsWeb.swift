import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 项目申报: the applications of a scope with their totals by stage (the figures a bulletin quotes:
/// 26 projects, about 4.4亿元 asked), the form the 政策小组 records one with, and one application's
/// steps with the form that moves it on (申报 → 审核 → 入库 → 兑现, or 未通过).
struct ProjectsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.projects, use: index)
        routes.post(SiteURL.projects, use: create)
        routes.get(SiteURL.project(.key), use: show)
        routes.post(SiteURL.projectSteps(.key), use: advance)
    }

    struct Form: Content {
        /// By full name or 统一社会信用代码.
        var enterprise: String?
        var policyId: String?
        var name: String?
        var fund: String?
        var amountAsked: String?
        var appliedOn: String?
        var note: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await page(req, form: Form(), errors: [], status: .ok)
    }

    private func page(_ req: Request, form: Form, errors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let desk = try await req.policyDesk()
        let signedIn = try req.requireSignedIn()
        if signedIn.actor.has(.enterprise) { return req.redirect(to: WebPath.myPolicies) }
        let (totals, items, filter) = try await desk.projects(req.queryText)
        let policyOptions = try await desk.policyChoices().map { ($0.id.uuidString.lowercased(), $0.title) }
        let funds = ProjectFund.allCases.map { ($0.rawValue, $0.chineseName) }
        let stages = ProjectStage.allCases.map { ($0.rawValue, $0.chineseName) }
        let today = LocalDate(req.now, in: .chinaStandard)
        let filterForm = FormFields(idPrefix: "filter-")
        let stageCells = ProjectStage.allCases.map { stage -> HTML in
            let figures = totals.byStage[stage] ?? ProjectTotals.StageFigures()
            let link = "\(WebPath.projects)?\(WebPath.query([("stage", stage.rawValue)]))"
            return """
                <tr><td><a href="\(link)">\(stage.chineseName)</a></td><td class="num">\(figures.count)</td><td class="num">\(figures.asked.wan)</td></tr>
                """
        }
        let rows = items.map { p -> HTML in
            """
            <tr><td><a href="\(WebPath.project(p.id))">\(p.name)</a></td><td>\(p.enterpriseName)</td><td class="hide-narrow">\(p.fund.chineseName)</td>
            <td class="num">\(p.amountAsked.wan)</td><td>\(p.stage.chineseName)</td>
            <td class="num hide-narrow">\(p.amountGranted?.wan ?? "—")</td><td class="hide-narrow">\(p.appliedOn)</td></tr>
            """
        }
        let f = FormFields(errors: errors)
        let content: HTML = """
            <h1>项目申报</h1>
            <form method="get" action="\(WebPath.projects)" class="filters">
            \(filterForm.select("stage", "阶段", options: stages, selected: filter.stage?.rawValue, blank: "全部阶段"))
            \(filterForm.select("fund", "资金渠道", options: funds, selected: filter.fund?.rawValue, blank: "全部渠道"))
            \(filterForm.text("from", "申报起始", value: filter.from?.iso, type: "date"))
            \(filterForm.text("to", "申报截止", value: filter.to?.iso, type: "date"))
            <div class="actions"><button type="submit">查询</button></div></form>
            <p data-testid="project-sentence">\(totals.count == 0 ? "所选范围内暂无项目申报。" : "\(totals.sentence)。")</p>
            \(totals.count == 0 ? .empty : HTML("""
            <div class="table-wrap"><table data-testid="project-stages"><thead><tr><th>阶段</th><th>项目数</th><th>申报资金（万元）</th></tr></thead><tbody>\(stageCells)
            <tr class="total"><td>合计</td><td class="num">\(totals.count)</td><td class="num">\(totals.asked.wan)</td></tr></tbody></table></div>
            <div class="table-wrap"><table data-testid="projects"><thead><tr><th>项目</th><th>企业</th><th class="hide-narrow">资金渠道</th><th>申报资金（万元）</th><th>阶段</th><th class="hide-narrow">兑现资金（万元）</th><th class="hide-narrow">申报日期</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(items.count == ProjectApplications.listLimit ? HTML("<p class=\"muted\">仅列出最近\(ProjectApplications.listLimit)个项目，合计按全部项目计算。</p>") : .empty)
            """))
            \(AccessPolicy.has(signedIn.actor, .managePolicies) ? HTML("""
            <h2>登记项目申报</h2>
            <form method="post" action="\(WebPath.projects)" class="card">\(FormFields.csrf(signedIn))\(f.summary)
            \(f.text("enterprise", "申报企业", value: form.enterprise, required: true, placeholder: "企业全称或统一社会信用代码"))
            \(f.text("name", "项目名称", value: form.name, required: true))
            \(f.select("fund", "资金渠道", options: funds, selected: form.fund, required: true))
            \(f.text("amountAsked", "申报资金（万元）", value: form.amountAsked, required: true, hint: "精确到分，如 2036.5"))
            \(f.select("policyId", "依据政策", options: policyOptions, selected: form.policyId, blank: "不关联政策"))
            \(f.text("appliedOn", "申报日期", value: form.appliedOn ?? today.iso, type: "date", required: true))
            \(f.text("note", "备注", value: form.note))
            <div class="actions"><button type="submit">登记</button></div></form>
            """) : .empty)
            """
        return try await req.page("项目申报", content, flash: req.flash, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .managePolicies) else { throw AppError.forbidden() }
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.policyDesk()
            let id = try await desk.apply(
                ProjectApplicationDraft(
                    name: form.name, fund: form.fund, amountAsked: form.amountAsked, appliedOn: form.appliedOn,
                    note: form.note),
                enterprise: try await desk.enterprise(named: form.enterprise ?? ""), policy: formUUID(form.policyId))
            return req.redirect(to: "\(WebPath.project(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, form: form, errors: error.fieldErrors.map(Self.rename), status: error.status)
        }
    }

    /// The service names the enterprise by id; the form has a text box for it.
    private static func rename(_ e: FieldError) -> FieldError {
        e.field == "enterpriseId" ? FieldError(field: "enterprise", message: e.message) : e
    }

    struct StepForm: Content {
        var stage: String?
        var on: String?
        var amountGranted: String?
        var reason: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await detail(req, form: StepForm(), errors: [], status: .ok)
    }

    private func detail(_ req: Request, form: StepForm, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let desk = try await req.policyDesk()
        let signedIn = try req.requireSignedIn()
        let id = try req.parameters.require("id", as: UUID.self)
        let p = try await desk.project(id)
        let today = desk.today
        let steps = p.steps.map { step -> HTML in "<li><time>\(step.on)</time> \(step.stage.chineseName)</li>" }
        let mayMove = desk.mayAdvance(p)
        let f = FormFields(errors: errors)
        let enterpriseCell: HTML =
            signedIn.actor.has(.enterprise)
            ? "\(p.enterpriseName)" : "<a href=\"\(WebPath.enterprise(p.enterpriseId))\">\(p.enterpriseName)</a>"
        let policyCell: HTML =
            switch (p.policyId, p.policyTitle) {
            case (let id?, let title?) where !signedIn.actor.has(.enterprise):
                "<a href=\"\(WebPath.policy(id))\">\(title)</a>"
            case (_, let title?): "\(title)"
            default: "—"
            }
        let content: HTML = """
            <p class="crumbs"><a href="\(signedIn.actor.has(.enterprise) ? WebPath.myPolicies : WebPath.projects)">\(signedIn.actor.has(.enterprise) ? "我的政策" : "项目申报")</a></p>
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
            \(mayMove ? HTML("""
            <h2>办理下一步</h2>
            <form method="post" action="\(SiteURL.projectSteps(.value(p.id)).path)" class="card">\(FormFields.csrf(signedIn))\(f.summary)
            \(f.select("stage", "下一步", options: p.stage.nextStages.map { ($0.rawValue, $0.actionName) }, selected: form.stage ?? p.stage.nextStages.first?.rawValue, required: true, blank: nil))
            \(f.text("on", "办理日期", value: form.on ?? today.iso, type: "date", required: true))
            \(p.stage == .listed ? f.text("amountGranted", "兑现资金（万元）", value: form.amountGranted, hint: "兑现时必填，记入兑现台账（资金兑现）") : .empty)
            \(f.text("reason", "原因或说明", value: form.reason, hint: "未通过时必填"))
            <div class="actions"><button type="submit">确定</button></div></form>
            """) : .empty)
            """
        return try await req.page(p.name, content, flash: req.flash, status: status)
    }

    @Sendable func advance(req: Request) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        let form = try req.content.decode(StepForm.self)
        do {
            _ = try await req.policyDesk().advance(
                id,
                ProjectStepDraft(
                    stage: form.stage, on: form.on, amountGranted: form.amountGranted, reason: form.reason))
            return req.redirect(to: "\(WebPath.project(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await detail(req, form: form, errors: error.fieldErrors, status: error.status)
        }
    }
}
