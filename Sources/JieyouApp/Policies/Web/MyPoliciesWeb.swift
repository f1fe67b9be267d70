import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 我的政策: an enterprise account's policies, the ones in force that fit it and why, with a button to
/// confirm it knows each (确认知晓), what it has received (兑现), and its project applications.
struct MyPoliciesWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.myPolicies, use: index)
        routes.post(SiteURL.acknowledgePolicy(.key), use: acknowledge)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard signedIn.actor.has(.enterprise), signedIn.actor.enterpriseID != nil else {
            throw AppError.forbidden()
        }
        let desk = try await req.policyDesk()
        let tree = desk.tree
        let fits = try await desk.fits()
        let tags = try await desk.tags()
        let cards = fits.map { fit -> HTML in
            let p = fit.policy
            let channels = fit.channels.sorted { $0.rawValue < $1.rawValue }.map(\.chineseName).joined(separator: "、")
            let state: HTML =
                fit.acknowledgedAt != nil || fit.channels.contains(where: \.isInPerson)
                ? "<p class=\"muted\" data-testid=\"acknowledged\">已知晓</p>"
                : """
                <form method="post" action="\(SiteURL.acknowledgePolicy(.value(p.id)).path)">\(FormFields.csrf(signedIn))
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
        let ledger = try await desk.ownBenefits()
        let benefitRows = ledger.entries.map { b -> HTML in
            "<tr><td>\(b.grantedOn)</td><td>\(b.policyTitle ?? "—")</td><td>\(b.kind.chineseName)</td><td class=\"num\">\(b.amount.wan)</td></tr>"
        }
        let projects = try await desk.ownProjects()
        let projectRows = projects.items.map { p -> HTML in
            """
            <tr><td><a href="\(WebPath.project(p.id))">\(p.name)</a></td><td class="hide-narrow">\(p.fund.chineseName)</td>
            <td class="num">\(p.amountAsked.wan)</td><td>\(p.stage.chineseName)</td><td class="num">\(p.amountGranted?.wan ?? "—")</td></tr>
            """
        }
        let content: HTML = """
            <h1>我的政策</h1>
            <p class="muted">以下是当前有效、且贵企业符合申报条件的政策，共\(fits.count)项。</p>
            \(fits.isEmpty ? HTML("<p class=\"muted\">暂无符合条件的政策。</p>") : HTML.join(cards))
            <h2>已兑现</h2>
            \(ledger.entries.isEmpty ? HTML("<p class=\"muted\">暂无兑现记录。</p>") : HTML("""
            <p data-testid="my-benefits-total">合计\(ledger.totals.total.wan)万元（\(ledger.totals.sentence)）</p>
            <div class="table-wrap"><table><thead><tr><th>日期</th><th>政策</th><th>类型</th><th>金额（万元）</th></tr></thead><tbody>\(benefitRows)</tbody></table></div>
            """))
            \(projects.items.isEmpty ? .empty : HTML("""
            <h2>项目申报</h2>
            <div class="table-wrap"><table data-testid="my-projects"><thead><tr><th>项目</th><th class="hide-narrow">资金渠道</th><th>申报资金（万元）</th><th>阶段</th><th>兑现资金（万元）</th></tr></thead><tbody>\(projectRows)</tbody></table></div>
            """))
            """
        return try await req.page("我的政策", content, flash: req.flash)
    }

    @Sendable func acknowledge(req: Request) async throws -> Response {
        try await req.policyDesk().acknowledge(try req.idParameter("政策"))
        return req.redirect(to: "\(WebPath.myPolicies)?done=acknowledged")
    }
}
