import Vapor

/// `/api/v1/reports/records`: stored reports over `ReportDesk` — keep a draft (`POST`), list, read,
/// edit (`PATCH`), issue (`POST /{id}/issue`) and download (`GET /{id}/docx`).
struct StoredReportsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped("reports", "records")
        records.post(use: keep)
        records.get(use: list)
        records.get(":id", use: show)
        records.get(":id", "docx", use: ReportDownloads.storedReport)
        records.patch(":id", use: edit)
        records.post(":id", "issue", use: issue)
        records.post(":id", "read", use: read)
        routes.get("reports", "inbox", use: inbox)
    }

    /// 报送收件箱 of the caller's unit: received (latest first, readAt null while unread) and deliveries
    /// (each reporting unit's last report due of each kind: onTime, late or missing).
    @Sendable func inbox(req: Request) async throws -> ReportInbox {
        try await req.reportDesk().inbox(for: try req.requireSignedIn().actor)
    }

    /// Marks a report submitted to the caller's unit 已阅; the report as it now stands.
    @Sendable func read(req: Request) async throws -> StoredReport {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        let desk = try await req.reportDesk()
        try await desk.markRead(id, for: actor)
        return try await desk.storedReport(id, for: actor).report
    }

    struct KeepBody: Content {
        var kind: String?
        var period: String?
        var campaign: String?
    }

    struct EditBody: Content {
        var summary: String?
        var nextSteps: String?
    }

    @Sendable func keep(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(KeepBody.self)
        let desk = try await req.reportDesk()
        let (id, created) = try await desk.keepDraft(
            kind: body.kind, period: body.period, campaign: body.campaign, for: actor)
        return try await desk.storedReport(id, for: actor).report.encodeResponse(
            status: created ? .created : .ok, for: req)
    }

    @Sendable func list(req: Request) async throws -> [ReportStore.Entry] {
        try await req.reportDesk().storedReports(
            state: req.queryText("state"), orgUnit: req.queryText("orgUnit"), for: try req.requireSignedIn().actor)
    }

    @Sendable func show(req: Request) async throws -> StoredReport {
        try await req.reportDesk().storedReport(try req.idParameter("报告"), for: try req.requireSignedIn().actor)
            .report
    }

    @Sendable func edit(req: Request) async throws -> StoredReport {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        let body = try req.content.decode(EditBody.self)
        let desk = try await req.reportDesk()
        try await desk.editStoredReport(id, summary: body.summary, nextSteps: body.nextSteps, for: actor)
        return try await desk.storedReport(id, for: actor).report
    }

    @Sendable func issue(req: Request) async throws -> StoredReport {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        let desk = try await req.reportDesk()
        try await desk.issueStoredReport(id, for: actor)
        return try await desk.storedReport(id, for: actor).report
    }
}
