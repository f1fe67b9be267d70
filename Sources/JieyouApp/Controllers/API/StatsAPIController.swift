import JieyouDomain
import SQLKit
import Vapor

/// `GET /api/v1/stats`: the metrics of PRODUCT.md §3 for a scope and period, optionally per
/// department, category or unit with a ranking (see `Request.statsRequest`).
struct StatsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("stats", use: show)
    }

    @Sendable func show(req: Request) async throws -> StatsReport {
        let actor = try req.requireSignedIn().actor
        guard StatsRequest.mayRead(actor) else { throw AppError.forbidden("只有园区工作人员可以查看统计") }
        let tree = try await OrgDirectory.tree(on: req.db)
        let stats = try await req.statsRequest(for: actor, tree: tree)
        return try await stats.report(
            actor: actor, tree: tree, today: LocalDate(req.now, in: .chinaStandard),
            calendar: try await CalendarStore.calendar(on: req.db), on: req.db.sql)
    }
}

extension StatsReport: Content {}
