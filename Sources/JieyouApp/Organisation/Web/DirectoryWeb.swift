import JieyouDomain
import Vapor

/// 通讯录: the org units and active departments a staff member can see, read-only.
struct DirectoryWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.directory, use: index)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .readDirectory)
        let view = DirectoryView(sections: try await ctx.desk.directory(), tree: ctx.tree)
        return try await req.page("通讯录", view.html)
    }
}
