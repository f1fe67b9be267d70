import Foundation
import JieyouDomain
import Vapor

/// 通报 (PRODUCT.md §4) on the web: 周调度, 旬通报, 月通报 and 季讲评 for any unit of the reader's
/// subtree and any period (`/reports`), and a campaign's 总结报告 (`/reports/campaign?campaign=`), as
/// print-friendly pages over `ReportDesk`, with their .docx (`ReportDownloads`). The unit's own
/// dispatchers may keep either as a draft to edit and issue (`StoredReportsWeb`).
struct ReportsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.reports, use: bulletinPage)
        routes.get(.bulletinFile, use: ReportDownloads.bulletin)
        routes.get(.campaignSummary, use: campaignSummaryPage)
        routes.get(.campaignSummaryFile, use: ReportDownloads.campaignSummary)
    }

    @Sendable func bulletinPage(req: Request) async throws -> Response {
        let desk = try await req.reportDesk()
        let wanted = try await desk.bulletinQuery(query: req.queryText, for: try req.requireSignedIn().actor)
        let bulletin = try await desk.bulletin(wanted)
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
        let signedIn = try req.requireSignedIn()
        // The unit's own dispatchers keep the report: a draft to edit and issue (`StoredReportsWeb`).
        let keep = keepDraft(
            signedIn, unit: wanted.unit,
            fields: [("kind", wanted.period.kind.rawValue), ("period", wanted.period.key)])
        let content: HTML = """
            \(picker)
            <div class="actions no-print"><a class="button" href="\(docxLink)" data-testid="bulletin-docx" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docxLink)&amp;masthead=true" download>下载带红头的 Word</a>\
            <a class="button secondary" href="\(WebPath.storedReports)">草稿与已印发报告</a>\(keep)</div>
            \(ReportArticles.bulletin(bulletin))
            """
        return try await req.page("\(bulletin.kind.reportName)：\(bulletin.periodName)", content)
    }

    @Sendable func campaignSummaryPage(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let wanted = try await req.reportDesk().campaignSummary(query: req.queryText, for: signedIn.actor)
        let docxLink = SiteURL.campaignSummaryFile.path + "?" + WebPath.query(wanted.query)
        let keep = keepDraft(
            signedIn, unit: wanted.unit,
            fields: [("kind", StoredReport.campaignKind), ("campaign", wanted.campaign.id.uuidString.lowercased())])
        let content: HTML = """
            <div class="actions no-print"><a class="button" href="\(docxLink)" data-testid="summary-docx" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docxLink)&amp;masthead=true" download>下载带红头的 Word</a>\
            <a class="button secondary" href="\(WebPath.campaign(wanted.campaign.id))">返回专项行动</a>\(keep)</div>
            \(ReportArticles.campaignSummary(wanted.summary))
            """
        return try await req.page(wanted.summary.title, content)
    }

    /// The 生成草稿 button, for the unit's own dispatchers and admins (`ReportStore.mayWrite`): it keeps
    /// the report its hidden `fields` name as a draft to edit and issue (`StoredReportsWeb`).
    private func keepDraft(_ signedIn: SignedIn, unit: UUID, fields: [(String, String)]) -> HTML {
        guard ReportStore.mayWrite(signedIn.actor, unit: unit) else { return .empty }
        let hidden = fields.map { HTML("<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">") }
        return """
            <form method="post" action="\(WebPath.storedReports)" class="inline">\(FormFields.csrf(signedIn))\(hidden)\
            <button type="submit" class="secondary" data-testid="keep-draft">生成草稿（编辑后印发）</button></form>
            """
    }
}
