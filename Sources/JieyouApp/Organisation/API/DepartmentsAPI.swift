import JieyouDomain
import Vapor

/// `/api/v1/departments`: departments of the units in the caller's subtree.
struct DepartmentsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let departments = routes.grouped("departments")
        departments.get(use: list)
        departments.post(use: create)
        departments.get(":id", use: show)
        departments.patch(":id", use: update)
    }

    @Sendable func list(req: Request) async throws -> [API.DepartmentDTO] {
        let ctx = try await AdminContext.load(req, .readDirectory)
        var units: [UUID]?
        if let text = req.queryText("orgUnit") {
            guard let id = UUID(uuidString: text) else { throw AppError.notFound("组织") }
            units = try ctx.desk.subtree(of: id)
        }
        return try await ctx.desk.departments(in: units).map(API.DepartmentDTO.init)
    }

    @Sendable func show(req: Request) async throws -> API.DepartmentDTO {
        let ctx = try await AdminContext.load(req, .readDirectory)
        let id = try req.idParameter("部门")
        return API.DepartmentDTO(try await ctx.desk.department(id))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        let body = try req.content.decode(API.DepartmentWrite.self)
        let d = try await req.departmentService.create(body.input, by: signedIn.actor)
        return try await API.DepartmentDTO(d).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> API.DepartmentDTO {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        let id = try req.idParameter("部门")
        let body = try req.content.decode(API.DepartmentWrite.self)
        let d = try await req.departmentService.update(id, body.input, by: signedIn.actor)
        return API.DepartmentDTO(d)
    }
}
