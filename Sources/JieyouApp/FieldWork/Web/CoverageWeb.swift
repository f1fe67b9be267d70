import JieyouDomain
import Vapor

/// 走访覆盖: how far a campaign (or a period) has reached the enterprises of a subtree.
struct CoverageWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.coverage, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let desk = try await req.fieldWorkDesk()
        let access = try desk.access()
        let query = CoveragePageView.Query(
            campaign: req.query[String.self, at: "campaign"], orgUnit: req.query[String.self, at: "orgUnit"],
            from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
        let report: Result<CoverageReport, CoveragePageView.FieldErrors>
        do {
            report = .success(
                try await desk.coverage(
                    orgUnit: query.orgUnit, campaign: query.campaign, from: query.from, to: query.to))
        } catch {
            report = .failure(.init(errors: try AppError.forForm(error).fieldErrors))
        }
        let view = CoveragePageView(
            query: query, campaigns: try await desk.campaigns(),
            unitOptions: UnitChoices.options(under: access.actor.orgUnitID, tree: access.tree), report: report,
            summaryLink: AccessPolicy.has(access.actor, .readStatistics))
        return try await req.page("走访覆盖", view.html)
    }
}
