import Vapor

/// A plan's 三张清单 (.xlsx) and 通报 (.docx), for the pages (`/plans/{id}/…`) and the API
/// (`/api/v1/plans/{id}/…`): one adapter that streams what `PlanDesk` wrote.
enum PlanDownloads {
    static func lists(_ req: Request) async throws -> Response {
        let file = try await req.planDesk().listsFile(try req.idParameter("方案"), for: try req.requireSignedIn().actor)
        return try await OfficeDownload.stream(file, req)
    }

    static func bulletin(_ req: Request) async throws -> Response {
        let file = try await req.planDesk().bulletinFile(
            try req.idParameter("方案"), kind: req.queryText("kind"), date: req.queryText("date"),
            masthead: try req.wantsMasthead(), for: try req.requireSignedIn().actor)
        return try await OfficeDownload.stream(file, req)
    }

    /// A pasted or uploaded plan's text can be long; the body of its routes may be this large.
    static let textBodyLimit: ByteCount = "4mb"
}
