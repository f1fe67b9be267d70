import JieyouDomain
import Vapor

/// 通讯录: the org units and active departments a staff member can see, read-only.
struct DirectoryWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.directory, use: index)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .readDirectory)
        let sections = try await ctx.desk.directory().map { entry -> HTML in
            let list = entry.departments.map { d -> HTML in
                "<tr><td>\(d.name)</td><td>\(d.departmentKind.chineseName)</td><td>\(d.phone)</td></tr>"
            }
            return """
                <h2>\(ctx.tree.pathName(of: entry.unit.id))</h2>
                \(list.isEmpty ? HTML("<p class=\"muted\">暂无部门</p>") : HTML("<div class=\"table-wrap\"><table><thead><tr><th>部门</th><th>类型</th><th>电话</th></tr></thead><tbody>\(list)</tbody></table></div>"))
                """
        }
        return try await req.page("通讯录", "<h1>通讯录</h1><div data-testid=\"directory\">\(sections)</div>")
    }
}
