import Foundation
import JieyouDomain
import Vapor

/// 数据看板 (issue 5) on the web: the leaders' view of a unit's subtree — the figures as cards, each
/// category's problems by stage, new and closed problems per 旬, the departments ranked and a
/// campaign's coverage in the units below, charts drawn on the server (JieyouOffice's SVG, see
/// `DashboardLinks`) whose every number opens its list. For the staff who read statistics.
struct DashboardWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.dashboard, use: page)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let desk = try await req.reportDesk()
        let wanted = try await desk.dashboardQuery(query: req.queryText, for: try req.requireSignedIn().actor)
        let d = try await desk.dashboard(wanted, cache: req.application.dashboardCache)
        let view = DashboardPageView(
            dashboard: d,
            unitOptions: UnitChoices.options(under: wanted.actor.orgUnitID, tree: wanted.tree, lowercased: true))
        return try await req.page("数据看板", view.html)
    }
}
