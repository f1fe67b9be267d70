import Foundation
import JieyouDomain
import Vapor

/// 统计分析: the metrics of the closed loop for a scope and period, broken down by department,
/// category or unit, with a ranking that says its sample and leaves small ones out. The same request
/// and report as `GET /api/v1/stats`.
struct StatsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.stats, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let tree = try await req.orgTree()
        let desk = try await req.problemDesk()
        var scopeUnit = actor.orgUnitID
        let outcome: StatsPageView.Outcome
        do {
            // A reader who may not read statistics is refused here (403 passes through `forForm`).
            var stats = try await desk.statsRequest(query: req.queryText, for: actor, tree: tree)
            if req.query[String.self, at: "groupBy"] == nil { stats.grouping = .department }
            scopeUnit = stats.scope.orgUnitID ?? actor.orgUnitID
            outcome = .report(
                try await desk.stats(stats, for: actor, tree: tree), unitName: tree[scopeUnit]?.name ?? "")
        } catch {
            outcome = .refused(try AppError.forForm(error).fieldErrors)
        }
        let view = StatsPageView(
            query: { req.query[String.self, at: $0] }, outcome: outcome,
            choices: try await desk.statsChoices(for: actor, scopeUnit: scopeUnit, tree: tree))
        return try await req.page("统计分析", view.html)
    }
}
