import Foundation
import JieyouDomain
import Vapor

/// The ledger's sheets as downloads, for the pages (`/problems/list.xlsx`, `responsibility.xlsx`,
/// `closed.xlsx`) and the API (`/api/v1/problems/…`): one adapter that reads the ledger's query and
/// streams what `ProblemSheets` wrote.
enum ProblemDownloads {
    static func problemList(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let tree = try await req.orgTree()
        let request = try req.ledgerRequest(for: actor, tree: tree)
        let withTitle = try req.queryFlag("title") ?? true
        let file = try await req.problemSheets().problemList(request, for: actor, tree: tree, withTitle: withTitle)
        return try await OfficeDownload.stream(file, req)
    }

    static func responsibility(_ req: Request) async throws -> Response {
        let sheets = try await req.problemSheets()
        return try await OfficeDownload.stream(try await sheets.responsibilityFile(try await req.dutyListScope()), req)
    }

    static func closed(_ req: Request) async throws -> Response {
        let sheets = try await req.problemSheets()
        return try await OfficeDownload.stream(try await sheets.closedFile(try await req.dutyListScope()), req)
    }
}

extension Request {
    func problemSheets() async throws -> ProblemSheets {
        ProblemSheets(database: db, now: now, calendar: try await CalendarStore.calendar(on: db))
    }

    /// The 责任清单 and 销号清单's scope: the ledger's query parameters, `closedFrom` and `closedTo`.
    func dutyListScope() async throws -> ProblemSheets.Scope {
        let actor = try requireSignedIn().actor
        let tree = try await OrgDirectory.tree(on: db)
        return try await problemSheets().scope(query: queryText, for: actor, tree: tree)
    }
}
