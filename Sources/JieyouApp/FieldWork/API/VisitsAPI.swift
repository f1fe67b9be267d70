import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/visits`: record a visit (with its findings) and list the visits the caller may read.
struct VisitsAPI: RouteCollection {
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
        let body = try req.content.decode(VisitWrite.self)
        let desk = try await req.fieldWorkDesk()
        let id = try await desk.recordVisit(
            VisitInput(
                enterpriseID: body.enterpriseId, visitedOn: body.visitedOn, purposes: body.purposes ?? [],
                notes: body.notes, cadreIDs: body.cadreIds ?? [],
                findings: (body.findings ?? []).map { ($0.kind, $0.text) }))
        let visit = try await desk.visit(id)
        return try await VisitList(items: visit).encodeResponse(status: .created, for: req)
    }

    /// Newest first, at most `limit` (default 50, at most 500); filters `enterprise`, `from`, `to`.
    @Sendable func list(req: Request) async throws -> VisitList {
        let desk = try await req.fieldWorkDesk()
        let filter = try FieldWorkFilter(query: req.queryText, reach: try desk.access().reach)
        let limit = try req.pageLimit(maximum: 500)
        return VisitList(items: try await desk.visits(filter, limit: limit))
    }
}
