import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `GET /api/v1/coverage?orgUnit=&campaign=&from=&to=`: 走访覆盖 of a campaign or a period.
struct CoverageAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("coverage", use: show)
    }

    @Sendable func show(req: Request) async throws -> CoverageReport {
        try await req.fieldWorkDesk().coverage(
            orgUnit: req.queryText("orgUnit"), campaign: req.queryText("campaign"),
            from: req.queryText("from"), to: req.queryText("to"))
    }
}
