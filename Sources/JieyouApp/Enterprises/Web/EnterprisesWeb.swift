import JieyouDomain
import Vapor

/// 企业 pages: the registry list with search and filters, and everything known about one enterprise.
struct EnterprisesWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.enterprises, use: index)
        routes.get(SiteURL.enterprise(.key), use: show)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let desk = try await req.enterpriseDesk()
        let access = try desk.access()
        if case .enterprise(let id) = access.reach { return req.redirect(to: WebPath.enterprise(id)) }
        let filter = try EnterpriseFilter(query: req, access: access)
        let cursor = req.query[String.self, at: "cursor"]
        let page = try await desk.search(filter, limit: 30, cursor: cursor)
        var query = req.url.query ?? ""
        query = query.split(separator: "&").filter { !$0.hasPrefix("cursor=") }.joined(separator: "&")
        let view = EnterpriseListView(
            page: page, filter: filter, tags: try await desk.tags(), query: query, isFirstPage: cursor == nil,
            access: access)
        return try await req.page("企业", view.html, flash: req.flash)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let desk = try await req.enterpriseDesk()
        let profile = try await desk.profile(try req.idParameter("企业"))
        var page = EnterprisePageView(profile: profile, access: try desk.access())
        page.credit = try await CreditStore(sql: req.db.sql).records(of: profile.enterprise.row.id)
        page.today = LocalDate(req.now, in: .chinaStandard)
        return try await req.page(profile.enterprise.row.name, page.html, flash: req.flash)
    }
}
