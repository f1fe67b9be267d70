import Foundation
import JieyouDomain

/// 报告草稿与印发: the drafts and issued reports of the reader's scope, by state.
struct StoredReportListView {
    let entries: [ReportStore.Entry]
    /// The state tab chosen: "", "draft" or "issued".
    let state: String

    var html: HTML {
        let tabs: [(String, String)] = [("", "全部"), ("draft", "草稿"), ("issued", "已印发")]
        let rows = entries.map { e -> HTML in
            """
            <tr><td><a href="\(WebPath.storedReport(e.id))">\(e.title)</a></td><td>\(e.kindName)</td><td>\(e.unitName)</td>\
            <td>\(e.state == .draft ? HTML("<span class=\"tag overdue\">草稿</span>") : HTML("<span class=\"tag\">已印发</span>"))</td>\
            <td>\(e.dueOn ?? "—")</td><td>\(ChinaTime.dateTime(e.draftedAt))</td><td>\(e.issuedAt.map(ChinaTime.dateTime) ?? "—")</td></tr>
            """
        }
        return """
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
    }
}

/// One stored report: its facts, its .docx, the article, and — while it is a draft of the reader's own
/// unit — the editor and the 印发 form.
struct StoredReportPageView {
    let report: StoredReport
    let unitName: String
    /// The editor is shown when the reader may write this unit's reports and it is still a draft.
    let mayEdit: Bool
    let typed: StoredReportsWeb.EditBody?
    let errors: [FieldError]
    let csrf: HTML
    /// Where an issued report went (报送), and whether the reader is of that unit's task force.
    var receiverName: String? = nil
    var mayMarkRead = false

    /// 报送 of an issued report: where it went, and 已阅 or the form that marks it.
    private var delivery: HTML {
        guard report.state == .issued, let receiverName else { return .empty }
        let read: HTML =
            if let readAt = report.readAt {
                "<span class=\"tag\" data-testid=\"report-read\">已阅</span> \(report.readByName ?? "")，\(ChinaTime.dateTime(readAt))"
            } else if mayMarkRead {
                """
                <form method="post" action="\(SiteURL.storedReportRead(.value(report.id)).path)" class="inline">\(csrf)\
                <button type="submit" data-testid="mark-read">标记已阅</button></form>
                """
            } else { "<span class=\"tag overdue\" data-testid=\"report-read\">未阅</span>" }
        return "<p class=\"no-print\" data-testid=\"report-delivery\">已报送至\(receiverName) · \(read)</p>"
    }

    var html: HTML {
        let path = WebPath.storedReport(report.id)
        let f = FormFields(errors: errors)
        var editor: HTML = .empty
        if report.state == .draft && mayEdit {
            func area(_ field: String, _ label: String, _ value: String) -> HTML {
                """
                <div class="field"><label for="\(field)">\(label)</label>\
                <textarea id="\(field)" name="\(field)" rows="6">\(value)</textarea>\(f.error(for: field))</div>
                """
            }
            editor = """
                <section class="card no-print" data-testid="report-editor"><h2>修改草稿</h2>\(f.summary)
                <form method="post" action="\(path)">\(csrf)
                \(area("summary", "一、总体情况", typed?.summary ?? report.summary))
                \(area("nextSteps", "六、下步工作", typed?.nextSteps ?? report.nextSteps))
                <button type="submit">保存</button></form>
                <form method="post" action="\(SiteURL.storedReportIssue(.value(report.id)).path)">\(csrf)\
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
        return """
            <p class="no-print"><a href="\(WebPath.storedReports)">← 报告草稿与印发</a></p>
            \(facts)
            \(delivery)
            <div class="actions no-print"><a class="button" href="\(docx)" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docx)?masthead=true" download>下载带红头的 Word</a></div>
            \(editor)
            \(article)
            """
    }
}
