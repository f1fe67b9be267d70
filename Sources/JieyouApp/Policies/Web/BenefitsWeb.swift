import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 兑现台账: the ledger of benefits for a scope and period, with its totals by kind (the sentence a
/// quarterly report quotes) and by policy, and the form the 政策小组 records a benefit with.
struct BenefitsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.benefits, use: index)
        routes.post(SiteURL.benefits, use: create)
    }

    struct Form: Content {
        /// By full name or 统一社会信用代码.
        var enterprise: String?
        var policyId: String?
        var kind: String?
        var amount: String?
        var grantedOn: String?
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
        let (summary, filter) = try await desk.benefits(req.queryText)
        let policyOptions = try await desk.policyChoices().map { ($0.id.uuidString.lowercased(), $0.title) }
        let kinds = BenefitKind.allCases.map { ($0.rawValue, $0.chineseName) }
        let today = desk.today
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
        let f = FormFields(errors: errors)
        let content: HTML = """
            <h1>兑现台账</h1>
            <form method="get" action="\(WebPath.benefits)" class="filters">
            \(filterForm.text("from", "起始日期", value: filter.from?.iso, type: "date"))
            \(filterForm.text("to", "截止日期", value: filter.to?.iso, type: "date"))
            \(filterForm.select("kind", "兑现类型", options: kinds, selected: filter.kind?.rawValue, blank: "全部类型"))
            \(filterForm.select("policy", "政策", options: policyOptions, selected: filter.policy?.uuidString.lowercased(), blank: "全部政策"))
            <div class="actions"><button type="submit">查询</button>
            <a class="button secondary" href="\(WebPath.benefits)?\(WebPath.query([("from", quarterStart.iso), ("to", today.iso)]))">本季度</a></div></form>
            <p data-testid="benefit-sentence">\(summary.totals.count == 0 ? "所选范围内暂无兑现记录。" : "共\(summary.totals.count)笔，合计\(summary.totals.total.wan)万元：\(summary.totals.sentence)。")</p>
            \(summary.totals.count == 0 ? .empty : HTML("""
            <div class="cards"><div class="table-wrap"><table data-testid="benefit-kinds"><thead><tr><th>兑现类型</th><th>金额（万元）</th></tr></thead><tbody>\(kindRows)</tbody></table></div>
            <div class="table-wrap"><table><thead><tr><th>政策</th><th>笔数</th><th>金额（万元）</th></tr></thead><tbody>\(policyRows)</tbody></table></div></div>
            <h2>明细</h2>
            <div class="table-wrap"><table data-testid="benefits"><thead><tr><th>日期</th><th>企业</th><th class="hide-narrow">政策</th><th>类型</th><th>金额（万元）</th><th class="hide-narrow">备注</th></tr></thead><tbody>\(entryRows)</tbody></table></div>
            \(summary.entries.count == BenefitLedger.entryLimit ? HTML("<p class=\"muted\">仅列出最近\(BenefitLedger.entryLimit)笔，合计按全部记录计算。</p>") : .empty)
            """))
            \(AccessPolicy.has(signedIn.actor, .managePolicies) ? HTML("""
            <h2>登记兑现</h2>
            <form method="post" action="\(WebPath.benefits)" class="card">\(FormFields.csrf(signedIn))\(f.summary)
            \(f.text("enterprise", "企业", value: form.enterprise, required: true, placeholder: "企业全称或统一社会信用代码"))
            \(f.select("policyId", "政策", options: policyOptions, selected: form.policyId, blank: "不关联政策"))
            \(f.select("kind", "兑现类型", options: kinds, selected: form.kind, required: true))
            \(f.text("amount", "金额（万元）", value: form.amount, required: true, hint: "精确到分，如 733.14"))
            \(f.text("grantedOn", "兑现日期", value: form.grantedOn ?? today.iso, type: "date", required: true))
            \(f.text("note", "备注", value: form.note))
            <div class="actions"><button type="submit">登记</button></div></form>
            """) : .empty)
            """
        return try await req.page("兑现台账", content, flash: req.flash, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .managePolicies) else { throw AppError.forbidden() }
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.policyDesk()
            guard let enterprise = try await desk.enterprise(named: form.enterprise ?? "") else {
                throw AppError.invalid("enterprise", "请填写企业全称或统一社会信用代码")
            }
            _ = try await desk.addBenefit(
                BenefitDraft(kind: form.kind, amount: form.amount, grantedOn: form.grantedOn, note: form.note),
                enterprise: enterprise, policy: formUUID(form.policyId))
            return req.redirect(to: "\(WebPath.benefits)?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, form: form, errors: error.fieldErrors.map(Self.rename), status: error.status)
        }
    }

    /// The service names the enterprise by id; the form has a text box for it.
    private static func rename(_ e: FieldError) -> FieldError {
        e.field == "enterpriseId" ? FieldError(field: "enterprise", message: e.message) : e
    }
}
