import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/visits`: record a visit (with its findings) and list the visits the caller may read.
struct VisitsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let visits = routes.grouped("visits")
        visits.get(use: list)
        visits.post(use: create)
    }

    struct FindingWrite: Content {
        let kind: String?
        let text: String?
    }

    struct VisitWrite: Content {
        let enterpriseId: UUID?
        let visitedOn: String?
        let purposes: [String]?
        let notes: String?
        let cadreIds: [UUID]?
        let findings: [FindingWrite]?
    }

    struct VisitList: Content {
        let items: [VisitSummary]
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(VisitWrite.self)
        let id = try await VisitService(database: req.db, now: req.now).record(
            VisitInput(
                enterpriseID: body.enterpriseId, visitedOn: body.visitedOn, purposes: body.purposes ?? [],
                notes: body.notes, cadreIDs: body.cadreIds ?? [],
                findings: (body.findings ?? []).map { ($0.kind, $0.text) }),
            by: signedIn.actor)
        let visit = try await VisitQueries.visit(id, on: req.db.sql)
        return try await VisitList(items: visit).encodeResponse(status: .created, for: req)
    }

    /// Newest first, at most `limit` (default 50, at most 500); filters `enterprise`, `from`, `to`.
    @Sendable func list(req: Request) async throws -> VisitList {
        let access = try await EnterpriseAccess.load(req)
        let filter = try FieldWorkFilter(query: req.queryText, reach: access.reach)
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 50, 1), 500)
        return VisitList(items: try await VisitQueries.recent(filter, limit: limit, on: req.db.sql))
    }
}
