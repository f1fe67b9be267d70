import Foundation
import JieyouDomain
import Vapor

/// 报告草稿与印发 on the web (`/reports/records`) over `ReportDesk`: the list, a report with its
/// editor while it is a draft of the reader's own unit, keeping a draft from a report page, and
/// issuing it.
struct StoredReportsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.storedReports, use: keep)
        routes.get(.storedReports, use: listPage)
        routes.get(.storedReport(.key), use: showPage)
        routes.get(.storedReportFile(.key), use: ReportDownloads.storedReport)
        routes.post(.storedReport(.key), use: editPage)
        routes.post(.storedReportIssue(.key), use: issuePage)
    }

    struct EditBody: Content {
        var summary: String?
        var nextSteps: String?
    }

    /// The hidden fields of a report page's 生成草稿 button.
    struct KeepForm: Content {
        var kind: String?
        var period: String?
        var campaign: String?
    }

    @Sendable func keep(req: Request) async throws -> Response {
        let body = try req.content.decode(KeepForm.self)
        let (id, created) = try await req.reportDesk().keepDraft(
            kind: body.kind, period: body.period, campaign: body.campaign, for: try req.requireSignedIn().actor)
        return req.redirect(to: WebPath.storedReport(id) + (created ? "?done=created" : ""))
    }

    @Sendable func editPage(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        let body = try req.content.decode(EditBody.self)
        let desk = try await req.reportDesk()
        do {
            try await desk.editStoredReport(
                id, summary: body.summary ?? "", nextSteps: body.nextSteps ?? "", for: actor)
            return req.redirect(to: WebPath.storedReport(id) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, id, typed: body, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func issuePage(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        struct Confirm: Content { var confirm: String? }
        do {
            guard try req.content.decode(Confirm.self).confirm == "on" else {
                throw AppError.invalid("confirm", "请勾选“已核对”后再印发")
            }
            try await req.reportDesk().issueStoredReport(id, for: actor)
            return req.redirect(to: WebPath.storedReport(id) + "?done=issued")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, id, typed: nil, errors: error.fieldErrors, status: error.status)
        }
    }

    // MARK: Pages

    @Sendable func listPage(req: Request) async throws -> Response {
        let entries = try await req.reportDesk().storedReports(
            state: req.queryText("state"), orgUnit: req.queryText("orgUnit"), for: try req.requireSignedIn().actor)
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
        try await render(req, try req.idParameter("报告"), typed: nil, errors: [], status: .ok)
    }

    private func render(
        _ req: Request, _ id: UUID, typed: EditBody?, errors: [FieldError], status: HTTPResponseStatus
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let (report, unitName) = try await req.reportDesk().storedReport(id, for: signedIn.actor)
        let path = WebPath.storedReport(report.id)
        let f = FormFields(errors: errors)
        var editor: HTML = .empty
        if report.state == .draft && ReportStore.mayWrite(signedIn.actor, unit: report.orgUnitId) {
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
                <form method="post" action="\(SiteURL.storedReportIssue(.value(report.id)).path)">\(FormFields.csrf(signedIn))\
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
            <p class="muted no-print">\(state) \(report.kindName) · \(unitName) · 起草于\(ChinaTime.dateTime(report.draftedAt))\
            \(report.dueOn.map { " · 应于\($0)前报送" } ?? "")\(report.issuedAt.map { " · 印发于\(ChinaTime.dateTime($0))" } ?? "")</p>
            """
        let docx = SiteURL.storedReportFile(.value(report.id)).path
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
