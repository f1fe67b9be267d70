import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 融资诉求 pages: the demands of a scope with their totals, the form a cadre records one with, and one
/// demand with the form that follows it (对接中 with a bank, 已放款 with the amount, 未达成 with why).
/// A 政银企对接会 recorded under 活动 moves them on by itself.
struct FinancingWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.financing, use: index)
        routes.post(SiteURL.financing, use: create)
        routes.get(SiteURL.financingDemand(.key), use: show)
        routes.post(SiteURL.financingSteps(.key), use: advance)
    }

    struct Form: Content {
        /// By full name or 统一社会信用代码.
        var enterprise: String?
        var amount: String?
        var purpose: String?
        var raisedOn: String?
        var note: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await page(req, form: Form(), errors: [], status: .ok)
    }

    private func page(_ req: Request, form: Form, errors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let desk = try await req.fieldWorkDesk()
        let signedIn = desk.signedIn
        let (wanted, totals, items) = try await desk.financingDemands(status: req.queryText("status"))
        let today = desk.today
        let tabs = ([(nil, "全部")] + FinancingStatus.allCases.map { ($0, $0.chineseName) }).map {
            status, label -> HTML in
            let href =
                status.map { "\(WebPath.financing)?\(WebPath.query([("status", $0.rawValue)]))" } ?? WebPath.financing
            return
                "<li><a href=\"\(href)\"\(status == wanted ? HTML(" aria-current=\"page\"") : .empty)>\(label)</a></li>"
        }
        let rows = items.map { d -> HTML in
            """
            <tr><td><a href="\(WebPath.financingDemand(d.id))">\(d.enterpriseName)</a></td><td class="num">\(d.amount.wan)</td>
            <td class="hide-narrow">\(d.purpose)</td><td>\(d.status.chineseName)</td><td class="hide-narrow">\(d.bank ?? "—")</td>
            <td class="num">\(d.lent?.wan ?? "—")</td><td class="hide-narrow">\(d.raisedOn)</td></tr>
            """
        }
        let f = FormFields(errors: errors)
        let mayRecord = AccessPolicy.has(signedIn.actor, .recordFieldWork)
        let content: HTML = """
            <h1>融资诉求</h1>
            <nav aria-label="进展"><ul class="tabs">\(tabs)</ul></nav>
            <p data-testid="financing-sentence">\(totals.count == 0 ? "暂无融资诉求。" : "\(totals.sentence)。")</p>
            \(items.isEmpty ? .empty : HTML("""
            <div class="table-wrap"><table data-testid="financing-demands"><thead><tr><th>企业</th><th>需求（万元）</th><th class="hide-narrow">用途</th><th>进展</th><th class="hide-narrow">对接银行</th><th>放款（万元）</th><th class="hide-narrow">提出日期</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """))
            \(mayRecord ? HTML("""
            <h2>登记融资诉求</h2>
            <form method="post" action="\(WebPath.financing)" class="card">\(FormFields.csrf(signedIn))\(f.summary)
            \(f.text("enterprise", "企业", value: form.enterprise, required: true, placeholder: "企业全称或统一社会信用代码"))
            \(f.text("amount", "融资需求（万元）", value: form.amount, required: true, hint: "如 500 或 85.5"))
            \(f.text("purpose", "资金用途", value: form.purpose, required: true, placeholder: "如：设备更新、流动资金"))
            \(f.text("raisedOn", "提出日期", value: form.raisedOn ?? today.iso, type: "date", required: true))
            \(f.text("note", "备注", value: form.note))
            <div class="actions"><button type="submit">登记</button></div>
            <p class="hint">政银企对接会记录融资意向时，会自动更新该企业最早一项未办结的融资诉求。</p></form>
            """) : .empty)
            """
        return try await req.page("融资诉求", content, flash: req.flash, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.fieldWorkDesk()
            let id = try await desk.raiseFinancingDemand(
                FinancingDemandDraft(
                    amount: form.amount, purpose: form.purpose, raisedOn: form.raisedOn, note: form.note),
                enterprise: try await desk.enterprise(named: form.enterprise ?? ""))
            return req.redirect(to: "\(WebPath.financingDemand(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            let errors = error.fieldErrors.map {
                $0.field == "enterpriseId" ? FieldError(field: "enterprise", message: $0.message) : $0
            }
            return try await page(req, form: form, errors: errors, status: error.status)
        }
    }

    struct StepForm: Content {
        var status: String?
        var on: String?
        var bank: String?
        var amountLent: String?
        var reason: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await detail(req, form: StepForm(), errors: [], status: .ok)
    }

    private func detail(_ req: Request, form: StepForm, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let desk = try await req.fieldWorkDesk()
        let signedIn = desk.signedIn
        let d = try await desk.financingDemand(try req.idParameter("融资诉求"))
        let today = desk.today
        let mayMove = desk.mayAdvance(d)
        let steps: [(String, String?)] = [
            ("提出", d.raisedOn), ("对接中", d.matchedOn), ("已放款", d.lentOn), ("未达成", d.failedOn),
        ]
        let timeline = steps.compactMap { name, day in day.map { HTML("<li><time>\($0)</time> \(name)</li>") } }
        let f = FormFields(errors: errors)
        let content: HTML = """
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
            \(mayMove ? HTML("""
            <h2>更新进展</h2>
            <form method="post" action="\(SiteURL.financingSteps(.value(d.id)).path)" class="card">\(FormFields.csrf(signedIn))\(f.summary)
            \(f.select("status", "进展", options: d.status.nextStatuses.map { ($0.rawValue, $0.chineseName) }, selected: form.status, required: true, blank: nil))
            \(f.text("on", "办理日期", value: form.on ?? today.iso, type: "date", required: true))
            \(f.text("bank", "对接银行", value: form.bank ?? d.bank, hint: "对接中、已放款时必填"))
            \(f.text("amountLent", "放款金额（万元）", value: form.amountLent, hint: "已放款时必填"))
            \(f.text("reason", "原因或说明", value: form.reason, hint: "未达成时必填"))
            <div class="actions"><button type="submit">确定</button></div></form>
            """) : .empty)
            """
        return try await req.page("融资诉求", content, flash: req.flash, status: status)
    }

    @Sendable func advance(req: Request) async throws -> Response {
        let id = try req.idParameter("融资诉求")
        let form = try req.content.decode(StepForm.self)
        do {
            try await req.fieldWorkDesk().advanceFinancingDemand(
                id,
                FinancingStepDraft(
                    status: form.status, on: form.on, bank: form.bank, amountLent: form.amountLent, reason: form.reason)
            )
            return req.redirect(to: "\(WebPath.financingDemand(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await detail(req, form: form, errors: error.fieldErrors, status: error.status)
        }
    }
}
