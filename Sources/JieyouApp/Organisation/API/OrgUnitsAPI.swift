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
        units.get(":id", "settings", use: settings)
        units.patch(":id", "settings", use: updateSettings)
    }

    /// What a unit's admins set for it: `overdueWebhookUrl`, where the daily 催办 run posts the unit's
    /// overdue problems (null when unset).
    struct Settings: Content {
        let overdueWebhookUrl: String?

        init(overdueWebhookUrl: String?) { self.overdueWebhookUrl = overdueWebhookUrl }

        /// An unset address is `null`, not a missing key.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(overdueWebhookUrl, forKey: .overdueWebhookUrl)
        }
    }

    @Sendable func settings(req: Request) async throws -> Settings {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("组织")
        return Settings(
            overdueWebhookUrl: try await req.orgSettingsService.webhook(of: id, by: actor))
    }

    /// A blank or null `overdueWebhookUrl` clears it.
    @Sendable func updateSettings(req: Request) async throws -> Settings {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("组织")
        let body = try req.content.decode(Settings.self)
        return Settings(
            overdueWebhookUrl: try await req.orgSettingsService.setWebhook(
                body.overdueWebhookUrl, for: id, by: actor))
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
