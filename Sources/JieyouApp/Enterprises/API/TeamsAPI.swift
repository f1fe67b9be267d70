import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/teams`: 一对一专班.
struct TeamsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let teams = routes.grouped("teams")
        teams.get(use: list)
        teams.post(use: create)
        teams.get(":id", use: show)
        teams.put(":id", use: replace)
    }

    struct TeamWrite: Content {
        let orgUnitId: UUID?
        let kind: String?
        let name: String?
        let project: String?
        let leaderId: UUID?
        let memberIds: [UUID]?
        let enterpriseIds: [UUID]?

        var input: TeamInput {
            TeamInput(
                orgUnitID: orgUnitId, kind: kind, name: name, project: project, leaderID: leaderId,
                memberIDs: memberIds ?? [], enterpriseIDs: enterpriseIds ?? [])
        }
    }

    struct TeamList: Content {
        let items: [TeamSummary]
    }

    @Sendable func list(req: Request) async throws -> TeamList {
        let access = try await EnterpriseAccess.load(req)
        guard case .units(let units) = access.reach else { throw AppError.forbidden() }
        return TeamList(
            items: try await TeamService.list(units: units, on: req.db.sql))
    }

    @Sendable func show(req: Request) async throws -> TeamSummary {
        let access = try await EnterpriseAccess.load(req)
        let id = try req.idParameter("专班")
        guard case .units(let units) = access.reach,
            let team = try await TeamService.team(id, on: req.db.sql),
            units.contains(team.orgUnitId)
        else { throw AppError.notFound("专班") }
        return team
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(TeamWrite.self)
        let id = try await TeamService(database: req.db, now: req.now).save(body.input, id: nil, by: signedIn.actor)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    /// Replaces the whole team (members and enterprises as sent).
    @Sendable func replace(req: Request) async throws -> TeamSummary {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(TeamWrite.self)
        _ = try await TeamService(database: req.db, now: req.now).save(
            body.input, id: try req.idParameter("专班"), by: signedIn.actor)
        return try await show(req: req)
    }
}

extension TeamSummary: Content {}
