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
        let signedIn = try req.requireSignedIn()
        let desk = try await req.reportDesk()
        let wanted = try await desk.bulletinQuery(query: req.queryText, for: signedIn.actor)
        let bulletin = try await desk.bulletin(wanted)
        let view = BulletinPageView(
            wanted: wanted, bulletin: bulletin,
            keep: keepDraft(
                signedIn, unit: wanted.unit,
                fields: [("kind", wanted.period.kind.rawValue), ("period", wanted.period.key)]))
        return try await req.page("\(bulletin.kind.reportName)：\(bulletin.periodName)", view.html)
    }

    @Sendable func campaignSummaryPage(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let wanted = try await req.reportDesk().campaignSummary(query: req.queryText, for: signedIn.actor)
        let view = CampaignSummaryPageView(
            wanted: wanted,
            keep: keepDraft(
                signedIn, unit: wanted.unit,
                fields: [("kind", StoredReport.campaignKind), ("campaign", wanted.campaign.id.uuidString.lowercased())])
        )
        return try await req.page(wanted.summary.title, view.html)
    }

    /// The 生成草稿 button, for the unit's own dispatchers and admins (`ReportStore.mayWrite`).
    private func keepDraft(_ signedIn: SignedIn, unit: UUID, fields: [(String, String)]) -> KeepDraftForm? {
        ReportStore.mayWrite(signedIn.actor, unit: unit)
            ? KeepDraftForm(fields: fields, csrf: FormFields.csrf(signedIn)) : nil
    }
}
