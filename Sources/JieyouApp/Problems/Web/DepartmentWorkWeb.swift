import Foundation
import JieyouDomain
import Vapor

/// 部门工作台: one department's work in the loop — what waits for its signature, what it is working on
/// as lead or as co-department, what falls due in the next three working days and what is overdue,
/// with its figures for the year. Its handlers read their own department's; the dispatchers, leaders
/// and admins of its unit and the units above read any within their reach (`ProblemDesk.departmentWork`).
struct DepartmentWorkWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.departmentWork(.key), use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let work = try await req.problemDesk().departmentWork(try req.idParameter("部门"), for: actor)
        let view = DepartmentWorkView(work: work)
        return try await req.page(view.title, view.html)
    }
}
