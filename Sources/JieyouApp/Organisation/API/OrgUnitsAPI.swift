import JieyouDomain
import Vapor

/// `/api/v1/org-units`: the units in the caller's subtree.
struct OrgUnitsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("org-units")
        units.get(use: list)
        units.post(use: create)
        units.get(":id", use: show)
        units.patch(":id", use: update)
    }

    @Sendable func list(req: Request) async throws -> [API.OrgUnitDTO] {
        let ctx = try await AdminContext.load(req, .readDirectory)
        let units = try await ctx.desk.orgUnits()
        return units.map { API.OrgUnitDTO($0, tree: ctx.tree) }.sorted { $0.path < $1.path }
    }

    @Sendable func show(req: Request) async throws -> API.OrgUnitDTO {
        let ctx = try await AdminContext.load(req, .readDirectory)
        let id = try req.idParameter("组织")
        return API.OrgUnitDTO(try await ctx.desk.orgUnit(id), tree: ctx.tree)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        let body = try req.content.decode(API.OrgUnitCreate.self)
        let unit = try await req.orgUnitService.create(body.input, by: signedIn.actor)
        let tree = try await req.orgTree()
        return try await API.OrgUnitDTO(unit, tree: tree).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> API.OrgUnitDTO {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        let id = try req.idParameter("组织")
        let body = try req.content.decode(API.OrgUnitCreate.self)
        let unit = try await req.orgUnitService.update(id, body.input, by: signedIn.actor)
        return API.OrgUnitDTO(unit, tree: try await req.orgTree())
    }
}
