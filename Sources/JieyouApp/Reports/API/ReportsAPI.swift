import Vapor

/// `/api/v1/reports`: a unit's 通报 for a period (`bulletin`, `bulletin.docx`) and a campaign's 总结报告
/// (`campaign`, `campaign.docx`), over `ReportDesk`.
struct ReportsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports")
        reports.get("bulletin", use: bulletin)
        reports.get("bulletin.docx", use: ReportDownloads.bulletin)
        reports.get("campaign", use: campaignSummary)
        reports.get("campaign.docx", use: ReportDownloads.campaignSummary)
    }

    @Sendable func bulletin(req: Request) async throws -> Bulletin {
        let desk = try await req.reportDesk()
        return try await desk.bulletin(
            try await desk.bulletinQuery(query: req.queryText, for: try req.requireSignedIn().actor))
    }

    @Sendable func campaignSummary(req: Request) async throws -> CampaignSummary {
        try await req.reportDesk().campaignSummary(query: req.queryText, for: try req.requireSignedIn().actor)
            .summary
    }
}
