import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `GET /api/v1/coverage?orgUnit=&campaign=&from=&to=`: 走访覆盖 of a campaign or a period.
struct CoverageAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("coverage", use: show)
    }

    @Sendable func show(req: Request) async throws -> CoverageReport {
        let access = try await EnterpriseAccess.load(req)
        return try await CoverageService.report(
            orgUnit: req.query[String.self, at: "orgUnit"], campaign: req.query[String.self, at: "campaign"],
            from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"], access: access,
            today: LocalDate(req.now, in: .chinaStandard), on: req.db.sql)
    }
}
