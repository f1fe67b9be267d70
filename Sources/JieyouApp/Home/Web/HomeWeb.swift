import JieyouDomain
import Vapor

/// The first page after sign-in: who and where the user is, today's place in the reporting cadence, and
/// what the user's roles look after.
struct HomeWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home, use: home)
    }

    @Sendable func home(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let actor = signedIn.actor
        let facts = try await req.homeDesk.facts(for: actor)
        let view = HomeView(
            facts: facts, actor: actor, displayName: signedIn.displayName, roles: signedIn.roles)
        return try await req.page("首页", view.html, flash: req.flash)
    }
}
