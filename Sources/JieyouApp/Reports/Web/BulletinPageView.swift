import Foundation
import JieyouDomain

/// A 通报 as a print-friendly page: the kind and unit picker, the last twelve periods of the kind, the
/// .docx links, the 生成草稿 button for the unit's own dispatchers, and the article.
struct BulletinPageView {
    let wanted: ReportDesk.BulletinQuery
    let bulletin: Bulletin
    /// The 生成草稿 form, for the unit's own dispatchers and admins.
    let keep: KeepDraftForm?

    var html: HTML {
        let units = UnitChoices.options(under: wanted.actor.orgUnitID, tree: wanted.tree, lowercased: true)
        // The last twelve periods of the kind, the chosen one among them.
        var periods: [ReportPeriod] = [ReportPeriod.lastEnded(on: wanted.today, kind: wanted.period.kind)]
        while periods.count < 12 { periods.append(periods.last!.previous) }
        if !periods.contains(wanted.period) { periods.insert(wanted.period, at: 0) }
        let f = FormFields()
        let picker: HTML = """
            <form method="get" action="\(WebPath.reports)" class="filters card no-print" data-testid="report-picker">
            \(f.select("kind", "通报类型", options: ReportPeriod.Kind.allCases.map { ($0.rawValue, $0.reportName) }, selected: wanted.period.kind.rawValue, blank: nil))
            \(f.select("orgUnit", "单位", options: units, selected: wanted.unit.uuidString.lowercased(), blank: nil))
            <button type="submit">查看</button></form>
            <nav class="no-print" aria-label="期次"><ul class="tabs">\(periods.map { p -> HTML in
                let href = WebPath.reports + "?" + WebPath.query([("kind", p.kind.rawValue), ("period", p.key), ("orgUnit", wanted.unit.uuidString.lowercased())])
                return p == wanted.period ? "<li><a href=\"\(href)\" aria-current=\"page\"><b>\(p.chineseName)</b></a></li>" : "<li><a href=\"\(href)\">\(p.chineseName)</a></li>"
            })</ul></nav>
            """
        let docxLink = SiteURL.bulletinFile.path + "?" + WebPath.query(wanted.query)
        return """
            \(picker)
            <div class="actions no-print"><a class="button" href="\(docxLink)" data-testid="bulletin-docx" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docxLink)&amp;masthead=true" download>下载带红头的 Word</a>\
            <a class="button secondary" href="\(WebPath.storedReports)">草稿与已印发报告</a>\(keep?.html ?? .empty)</div>
            \(ReportArticles.bulletin(bulletin))
            """
    }
}

/// A campaign's 总结报告 as a page, with its .docx and the 生成草稿 button.
struct CampaignSummaryPageView {
    let wanted: ReportDesk.CampaignSummaryQuery
    let keep: KeepDraftForm?

    var html: HTML {
        let docxLink = SiteURL.campaignSummaryFile.path + "?" + WebPath.query(wanted.query)
        return """
            <div class="actions no-print"><a class="button" href="\(docxLink)" data-testid="summary-docx" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docxLink)&amp;masthead=true" download>下载带红头的 Word</a>\
            <a class="button secondary" href="\(WebPath.campaign(wanted.campaign.id))">返回专项行动</a>\(keep?.html ?? .empty)</div>
            \(ReportArticles.campaignSummary(wanted.summary))
            """
    }
}

/// The 生成草稿 button: it keeps the report its hidden `fields` name as a draft to edit and issue
/// (`StoredReportsWeb`).
struct KeepDraftForm {
    let fields: [(String, String)]
    let csrf: HTML

    var html: HTML {
        let hidden = fields.map { HTML("<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">") }
        return """
            <form method="post" action="\(WebPath.storedReports)" class="inline">\(csrf)\(hidden)\
            <button type="submit" class="secondary" data-testid="keep-draft">生成草稿（编辑后印发）</button></form>
            """
    }
}
