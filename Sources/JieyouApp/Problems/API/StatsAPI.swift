import JieyouDomain
import Vapor

/// `GET /api/v1/stats`: the metrics of PRODUCT.md §3 for a scope and period, optionally per
/// department, category or unit with a ranking (see `StatsRequest.init(query:for:tree:on:)`).
struct StatsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("stats", use: show)
    }

    @Sendable func show(req: Request) async throws -> StatsReport {
        let actor = try req.requireSignedIn().actor
        let tree = try await req.orgTree()
        let desk = try await req.problemDesk()
        return try await desk.stats(
            try await desk.statsRequest(query: req.queryText, for: actor, tree: tree), for: actor, tree: tree)
    }
}

extension StatsReport: Content {}
