import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// Stored reports (报告草稿与印发): the drafts the drafting job or a dispatcher keeps, edited and then
/// issued. Readers of statistics read their subtree's; a unit's own dispatchers and admins keep,
/// edit and issue its reports. Pages under `/reports/records`, the same in the API.
struct StoredReportsController: RouteCollection {
    let api: Bool

    func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped("reports", "records")
        records.post(use: keep)
        records.get(":id", "docx", use: docx)
        if api {
            records.get(use: listJSON)
            records.get(":id", use: showJSON)
            records.patch(":id", use: editJSON)
            records.post(":id", "issue", use: issueJSON)
        } else {
            records.get(use: listPage)
            records.get(":id", use: showPage)
            records.post(":id", use: editPage)
            records.post(":id", "issue", use: issuePage)
        }
    }

    struct Context {
        let actor: Actor
        let tree: OrgTree
        let sql: any SQLDatabase
        let today: LocalDate

        static func load(_ req: Request) async throws -> Context {
            let actor = try req.requireSignedIn().actor
            guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看通报") }
            return Context(
                actor: actor, tree: try await OrgDirectory.tree(on: req.db), sql: req.db.sql,
                today: LocalDate(req.now, in: .chinaStandard))
        }

        func report(_ req: Request) async throws -> StoredReport {
            try await ReportStore.readable(try req.idParameter("报告"), by: actor, tree: tree, on: sql)
        }
    }

    // MARK: Keeping a draft

    struct KeepBody: Content {
        var kind: String?
        var period: String?
        var campaign: String?
    }

    /// Keeps the report a body names as a draft of the actor's own unit: a period's bulletin (the last
    /// ended by default) or a campaign's summary. An existing one is returned as it is.
    private func keepDraft(_ req: Request) async throws -> (id: UUID, created: Bool) {
        let ctx = try await Context.load(req)
        let unit = ctx.actor.orgUnitID
        guard ReportStore.mayWrite(ctx.actor, unit: unit) else {
            throw AppError.forbidden("只有本单位的调度员或管理员可以生成报告草稿")
        }
        let body = try req.content.decode(KeepBody.self)
        let calendar = try await CalendarStore.calendar(on: req.db)
        let draft: ReportDraft
        if body.kind == StoredReport.campaignKind {
            guard let text = body.campaign, !text.isEmpty else { throw AppError.invalid("campaign", "请选择专项行动") }
            guard let id = UUID(uuidString: text), let campaign = try await CampaignQueries.load(id, on: ctx.sql),
                ctx.tree.isWithin(unit, subtreeOf: campaign.orgUnitId)
            else { throw AppError.notFound("专项行动") }
            draft = .campaignSummary(
                try await CampaignSummaryComposer(
                    actor: ctx.actor, tree: ctx.tree, sql: ctx.sql, calendar: calendar, today: ctx.today
                ).compose(campaign, unit: unit))
        } else {
            guard let kind = ReportPeriod.Kind(rawValue: body.kind ?? "") else {
                throw AppError.invalid(
                    "kind", "报告类型应为 week（周调度）、tenDay（旬通报）、month（月通报）、quarter（季讲评）或 campaign（总结报告）")
            }
            var period = ReportPeriod.lastEnded(on: ctx.today, kind: kind)
            if let key = body.period, !key.isEmpty {
                guard let parsed = ReportPeriod(key: key), parsed.kind == kind else {
                    throw AppError.invalid("period", "通报期次“\(key)”无效")
                }
                period = parsed
            }
            draft = .bulletin(
                try await BulletinComposer(
                    actor: ctx.actor, tree: ctx.tree, sql: ctx.sql, calendar: calendar, today: ctx.today
                ).compose(unit: unit, period: period))
        }
        let stored = try await ReportStore.draft(draft, unit: unit, actorID: ctx.actor.userID, now: req.now, on: req.db)
        return (stored.id, stored.created)
    }

    @Sendable func keep(req: Request) async throws -> Response {
        let (id, created) = try await keepDraft(req)
        if api {
            let ctx = try await Context.load(req)
            let report = try await ReportStore.readable(id, by: ctx.actor, tree: ctx.tree, on: ctx.sql)
            return try await report.encodeResponse(status: created ? .created : .ok, for: req)
        }
        return req.redirect(to: WebPath.storedReport(id) + (created ? "?done=created" : ""))
    }

    // MARK: Reading

    @Sendable func listJSON(req: Request) async throws -> [ReportStore.Entry] {
        let ctx = try await Context.load(req)
        return try await entries(req, ctx)
    }

    private func entries(_ req: Request, _ ctx: Context) async throws -> [ReportStore.Entry] {
        var v = Validator()
        var state: StoredReport.State?
        if let text = req.queryText("state") {
            state = StoredReport.State(rawValue: text)
            if state == nil { v.fail("state", "状态应为 draft（草稿）或 issued（已印发）") }
        }
        let unit = req.queryID("orgUnit", "组织", &v) ?? ctx.actor.orgUnitID
        try v.throwIfFailed()
        guard ctx.tree.isWithin(unit, subtreeOf: ctx.actor.orgUnitID) else { throw AppError.notFound("组织") }
        return try await ReportStore.list(under: unit, state: state, tree: ctx.tree, on: ctx.sql)
    }

    @Sendable func showJSON(req: Request) async throws -> StoredReport {
        try await Context.load(req).report(req)
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let ctx = try await Context.load(req)
        let report = try await ctx.report(req)
        let masthead = ["true", "1", "on"].contains(req.queryText("masthead") ?? "")
        let day = report.issuedAt.map { LocalDate($0, in: .chinaStandard) } ?? ctx.today
        let name = report.state == .draft ? "\(report.title)（草稿）" : report.title
        if let bulletin = report.bulletin {
            return try await OfficeDownload.docx(
                BulletinDocument.make(bulletin, masthead: masthead, issuedOn: day), filename: name, req)
        }
        guard let summary = report.campaignSummary else { throw AppError.notFound("报告") }
        return try await OfficeDownload.docx(
            CampaignSummaryDocument.make(summary, masthead: masthead, issuedOn: day), filename: name, req)
    }

    // MARK: Editing and issuing

    struct EditBody: Content {
        var summary: String?
        var nextSteps: String?
    }

    @Sendable func editJSON(req: Request) async throws -> StoredReport {
        let ctx = try await Context.load(req)
        let id = try req.idParameter("报告")
        let body = try req.content.decode(EditBody.self)
        try await ReportStore.edit(
            id, summary: body.summary, nextSteps: body.nextSteps, actor: ctx.actor, tree: ctx.tree, now: req.now,
            on: req.db)
        return try await ctx.report(req)
    }

    @Sendable func issueJSON(req: Request) async throws -> StoredReport {
        let ctx = try await Context.load(req)
        try await ReportStore.issue(
            try req.idParameter("报告"), actor: ctx.actor, tree: ctx.tree, now: req.now, on: req.db)
        return try await ctx.report(req)
    }

    @Sendable func editPage(req: Request) async throws -> Response {
        let ctx = try await Context.load(req)
        let id = try req.idParameter("报告")
        let body = try req.content.decode(EditBody.self)
        do {
            try await ReportStore.edit(
                id, summary: body.summary ?? "", nextSteps: body.nextSteps ?? "", actor: ctx.actor, tree: ctx.tree,
                now: req.now, on: req.db)
            return req.redirect(to: WebPath.storedReport(id) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(
                req, ctx, try await ctx.report(req), typed: body, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func issuePage(req: Request) async throws -> Response {
        let ctx = try await Context.load(req)
        let id = try req.idParameter("报告")
        struct Confirm: Content { var confirm: String? }
        do {
            guard try req.content.decode(Confirm.self).confirm == "on" else {
                throw AppError.invalid("confirm", "请勾选“已核对”后再印发")
            }
            try await ReportStore.issue(id, actor: ctx.actor, tree: ctx.tree, now: req.now, on: req.db)
            return req.redirect(to: WebPath.storedReport(id) + "?done=issued")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(
                req, ctx, try await ctx.report(req), typed: nil, errors: error.fieldErrors, status: error.status)
        }
    }

    // MARK: Pages

    @Sendable func listPage(req: Request) async throws -> Response {
        let ctx = try await Context.load(req)
        let entries = try await entries(req, ctx)
        let state = req.queryText("state") ?? ""
        let tabs: [(String, String)] = [("", "全部"), ("draft", "草稿"), ("issued", "已印发")]
        let rows = entries.map { e -> HTML in
            """
            <tr><td><a href="\(WebPath.storedReport(e.id))">\(e.title)</a></td><td>\(e.kindName)</td><td>\(e.unitName)</td>\
            <td>\(e.state == .draft ? HTML("<span class=\"tag overdue\">草稿</span>") : HTML("<span class=\"tag\">已印发</span>"))</td>\
            <td>\(e.dueOn ?? "—")</td><td>\(ChinaTime.dateTime(e.draftedAt))</td><td>\(e.issuedAt.map(ChinaTime.dateTime) ?? "—")</td></tr>
            """
        }
        let content: HTML = """
            <h1>报告草稿与印发</h1>
            <p class="muted">每期通报在期末自动起草，专项行动结束时起草总结报告；本单位调度员修改后印发，印发后不再改动。</p>
            <nav aria-label="状态"><ul class="tabs">\(tabs.map { value, label -> HTML in
                let href = WebPath.storedReports + (value.isEmpty ? "" : "?state=\(value)")
                return value == state ? "<li><a href=\"\(href)\" aria-current=\"page\"><b>\(label)</b></a></li>" : "<li><a href=\"\(href)\">\(label)</a></li>"
            })</ul></nav>
            <p><a href="\(WebPath.reports)">按期查看通报</a></p>
            \(entries.isEmpty ? HTML("<p class=\"muted\">暂无报告</p>") : HTML("""
            <div class="table-wrap"><table data-testid="stored-reports"><thead><tr><th>报告</th><th>类型</th><th>单位</th><th>状态</th>\
            <th>应报送</th><th>起草时间</th><th>印发时间</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """))
            """
        return try await req.page("报告草稿与印发", content, flash: req.flash)
    }

    @Sendable func showPage(req: Request) async throws -> Response {
        let ctx = try await Context.load(req)
        return try await render(req, ctx, try await ctx.report(req), typed: nil, errors: [], status: .ok)
    }

    private func render(
        _ req: Request, _ ctx: Context, _ report: StoredReport, typed: EditBody?, errors: [FieldError],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let path = WebPath.storedReport(report.id)
        let f = FormFields(errors: errors)
        var editor: HTML = .empty
        if report.state == .draft && ReportStore.mayWrite(ctx.actor, unit: report.orgUnitId) {
            func area(_ field: String, _ label: String, _ value: String) -> HTML {
                """
                <div class="field"><label for="\(field)">\(label)</label>\
                <textarea id="\(field)" name="\(field)" rows="6">\(value)</textarea>\(f.error(for: field))</div>
                """
            }
            editor = """
                <section class="card no-print" data-testid="report-editor"><h2>修改草稿</h2>\(f.summary)
                <form method="post" action="\(path)">\(FormFields.csrf(signedIn))
                \(area("summary", "一、总体情况", typed?.summary ?? report.summary))
                \(area("nextSteps", "六、下步工作", typed?.nextSteps ?? report.nextSteps))
                <button type="submit">保存</button></form>
                <form method="post" action="\(path)/issue">\(FormFields.csrf(signedIn))\
                <label class="check"><input type="checkbox" name="confirm" value="on" required> 已核对，印发后报告不能再修改</label>\(f.error(for: "confirm"))
                <button type="submit" data-testid="issue-report">印发</button></form></section>
                """
        } else if !errors.isEmpty {
            editor = f.summary
        }
        let state: HTML =
            report.state == .draft
            ? "<span class=\"tag overdue\" data-testid=\"report-state\">草稿</span>"
            : "<span class=\"tag\" data-testid=\"report-state\">已印发</span>"
        let facts: HTML = """
            <p class="muted no-print">\(state) \(report.kindName) · \(ctx.tree[report.orgUnitId]?.name ?? "—") · 起草于\(ChinaTime.dateTime(report.draftedAt))\
            \(report.dueOn.map { " · 应于\($0)前报送" } ?? "")\(report.issuedAt.map { " · 印发于\(ChinaTime.dateTime($0))" } ?? "")</p>
            """
        let docx = path + "/docx"
        let article =
            report.bulletin.map(ReportArticles.bulletin) ?? report.campaignSummary.map(ReportArticles.campaignSummary)
            ?? .empty
        let content: HTML = """
            <p class="no-print"><a href="\(WebPath.storedReports)">← 报告草稿与印发</a></p>
            \(facts)
            <div class="actions no-print"><a class="button" href="\(docx)" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docx)?masthead=true" download>下载带红头的 Word</a></div>
            \(editor)
            \(article)
            """
        return try await req.page(report.title, content, flash: req.flash, status: status)
    }
}
