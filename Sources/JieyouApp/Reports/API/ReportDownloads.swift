import Vapor

/// The reports as .docx, for the pages (`/reports/bulletin.docx`, `/reports/campaign.docx`) and the
/// API (`/api/v1/reports/…`): one adapter that streams what `ReportDesk` wrote. `masthead=true` adds
/// the 红头.
enum ReportDownloads {
    static func bulletin(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let desk = try await req.reportDesk()
        let query = try await desk.bulletinQuery(query: req.queryText, for: actor)
        return try await OfficeDownload.stream(
            try await desk.bulletinFile(query, masthead: try req.wantsMasthead()), req)
    }

    static func campaignSummary(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let desk = try await req.reportDesk()
        let query = try await desk.campaignSummary(query: req.queryText, for: actor)
        return try await OfficeDownload.stream(
            try await desk.campaignSummaryFile(query, masthead: try req.wantsMasthead()), req)
    }

    static func storedReport(_ req: Request) async throws -> Response {
        let file = try await req.reportDesk().storedReportFile(
            try req.idParameter("报告"), masthead: try req.wantsMasthead(), for: try req.requireSignedIn().actor)
        return try await OfficeDownload.stream(file, req)
    }
}

extension Request {
    func reportDesk() async throws -> ReportDesk {
        ReportDesk(database: db, now: now, calendar: try await CalendarStore.calendar(on: db))
    }
}
