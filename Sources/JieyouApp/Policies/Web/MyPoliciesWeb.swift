import JieyouDomain
import Vapor

/// 我的政策: an enterprise account's policies, the ones in force that fit it and why, with a button to
/// confirm it knows each (确认知晓), what it has received (兑现), and its project applications.
struct MyPoliciesWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.myPolicies, use: index)
        routes.post(SiteURL.acknowledgePolicy(.key), use: acknowledge)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard signedIn.actor.has(.enterprise), signedIn.actor.enterpriseID != nil else {
            throw AppError.forbidden()
        }
        let desk = try await req.policyDesk()
        let view = MyPoliciesView(
            fits: try await desk.fits(), tags: try await desk.tags(), tree: desk.tree,
            benefits: try await desk.ownBenefits(), projects: try await desk.ownProjects().items,
            csrf: FormFields.csrf(signedIn))
        return try await req.page("我的政策", view.html, flash: req.flash)
    }

    @Sendable func acknowledge(req: Request) async throws -> Response {
        try await req.policyDesk().acknowledge(try req.idParameter("政策"))
        return req.redirect(to: "\(WebPath.myPolicies)?done=acknowledged")
    }
}
