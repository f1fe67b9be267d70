import Vapor

/// `GET /api/v1/dashboard`: the 数据看板's figures (`ReportDesk.dashboard`).
struct DashboardAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: show)
    }

    @Sendable func show(req: Request) async throws -> Dashboard {
        let desk = try await req.reportDesk()
        let query = try await desk.dashboardQuery(query: req.queryText, for: try req.requireSignedIn().actor)
        return try await desk.dashboard(query, cache: req.application.dashboardCache)
    }
}
