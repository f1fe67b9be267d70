import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Vapor

/// A campaign's 总结报告 (seed 000 五(三)) as the figures stand today: a print-friendly page
/// (`/reports/campaign?campaign=`), JSON (`/api/v1/reports/campaign`) and a .docx (`…/campaign.docx`,
/// `masthead=true` for the 红头). The drafting job keeps one when the campaign ends; the unit's
/// dispatchers may keep one earlier from the page. For the staff who read statistics.
struct CampaignSummaryController: RouteCollection {
    let api: Bool

    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports")
        if api {
            reports.get("campaign", use: json)
        } else {
            reports.get("campaign", use: page)
        }
        reports.get("campaign.docx", use: docx)
    }

    struct Wanted {
        let actor: Actor
        let campaign: CampaignRecord
        let unit: UUID
        let summary: CampaignSummary
        let today: LocalDate

        /// The campaign asked for and the unit: by default the campaign's own when it is within the
        /// reader's subtree, else the reader's; either way inside both subtrees.
        static func read(_ req: Request) async throws -> Wanted {
            let actor = try req.requireSignedIn().actor
            guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看总结报告") }
            let sql = req.db.sql
            let tree = try await OrgDirectory.tree(on: req.db)
            var v = Validator()
            let campaignID = req.queryID("campaign", "专项行动", &v)
            let asked = req.queryID("orgUnit", "组织", &v)
            if campaignID == nil && v.errors.isEmpty { v.fail("campaign", "请选择专项行动") }
            try v.throwIfFailed()
            guard let campaignID, let campaign = try await CampaignQueries.load(campaignID, on: sql) else {
                throw AppError.notFound("专项行动")
            }
            let unit =
                asked
                ?? (tree.isWithin(campaign.orgUnitId, subtreeOf: actor.orgUnitID)
                    ? campaign.orgUnitId : actor.orgUnitID)
            guard tree.isWithin(unit, subtreeOf: actor.orgUnitID), tree.isWithin(unit, subtreeOf: campaign.orgUnitId)
            else { throw AppError.notFound("专项行动") }
            let today = LocalDate(req.now, in: .chinaStandard)
            let summary = try await CampaignSummaryComposer(
                actor: actor, tree: tree, sql: sql, calendar: try await CalendarStore.calendar(on: req.db), today: today
            ).compose(campaign, unit: unit)
            return Wanted(actor: actor, campaign: campaign, unit: unit, summary: summary, today: today)
        }

        var query: [(key: String, value: String)] {
            [("campaign", campaign.id.uuidString.lowercased()), ("orgUnit", unit.uuidString.lowercased())]
        }
    }

    @Sendable func json(req: Request) async throws -> CampaignSummary {
        try await Wanted.read(req).summary
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let wanted = try await Wanted.read(req)
        let masthead = ["true", "1", "on"].contains(req.queryText("masthead") ?? "")
        return try await OfficeDownload.docx(
            CampaignSummaryDocument.make(wanted.summary, masthead: masthead, issuedOn: wanted.today),
            filename: wanted.summary.title, req)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let wanted = try await Wanted.read(req)
        let signedIn = try req.requireSignedIn()
        let docxLink = WebPath.reports + "/campaign.docx?" + WebPath.query(wanted.query)
        let keep: HTML =
            ReportStore.mayWrite(wanted.actor, unit: wanted.unit)
            ? """
            <form method="post" action="\(WebPath.storedReports)" class="inline">\(FormFields.csrf(signedIn))\
            <input type="hidden" name="kind" value="\(StoredReport.campaignKind)">\
            <input type="hidden" name="campaign" value="\(wanted.campaign.id.uuidString.lowercased())">\
            <button type="submit" class="secondary" data-testid="keep-draft">生成草稿（编辑后印发）</button></form>
            """ : .empty
        let content: HTML = """
            <div class="actions no-print"><a class="button" href="\(docxLink)" data-testid="summary-docx" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docxLink)&amp;masthead=true" download>下载带红头的 Word</a>\
            <a class="button secondary" href="\(WebPath.campaign(wanted.campaign.id))">返回专项行动</a>\(keep)</div>
            \(ReportArticles.campaignSummary(wanted.summary))
            """
        return try await req.page(wanted.summary.title, content)
    }
}
