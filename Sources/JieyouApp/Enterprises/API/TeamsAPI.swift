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
        TeamList(items: try await req.enterpriseDesk().teams())
    }

    @Sendable func show(req: Request) async throws -> TeamSummary {
        try await req.enterpriseDesk().team(try req.idParameter("专班"))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.content.decode(TeamWrite.self)
        let id = try await req.enterpriseDesk().saveTeam(body.input, id: nil)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    /// Replaces the whole team (members and enterprises as sent).
    @Sendable func replace(req: Request) async throws -> TeamSummary {
        let body = try req.content.decode(TeamWrite.self)
        _ = try await req.enterpriseDesk().saveTeam(body.input, id: try req.idParameter("专班"))
        return try await show(req: req)
    }
}

extension TeamSummary: Content {}
