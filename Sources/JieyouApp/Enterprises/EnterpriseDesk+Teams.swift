import Foundation
import JieyouDomain

extension EnterpriseDesk {
    // MARK: 一对一专班

    /// The teams of the reader's units (an enterprise account reads none).
    func teams() async throws -> [TeamSummary] {
        guard case .units(let units) = try access().reach else { throw AppError.forbidden() }
        return try await TeamService.list(units: units, on: sql)
    }

    /// A team of the reader's units, or not found.
    func team(_ id: UUID) async throws -> TeamSummary {
        guard case .units(let units) = try access().reach, let team = try await TeamService.team(id, on: sql),
            units.contains(team.orgUnitId)
        else { throw AppError.notFound("专班") }
        return team
    }

    /// A team of the actor's own subtree, to edit.
    func editableTeam(_ id: UUID) async throws -> TeamSummary {
        guard let team = try await TeamService.team(id, on: sql),
            tree.isWithin(team.orgUnitId, subtreeOf: actor.orgUnitID)
        else { throw AppError.notFound("专班") }
        return team
    }

    /// Creates a team (`id` nil) or replaces one whole.
    func saveTeam(_ input: TeamInput, id: UUID?) async throws -> UUID {
        try await TeamService(database: database, now: now).save(input, id: id, by: actor)
    }

    /// The enterprises of the actor's subtree that pasted lines name (by name or credit code).
    func enterprises(named keys: [String]) async throws -> [String: NamedRef] {
        try await EnterpriseLookup.resolve(keys, units: Array(tree.subtree(of: actor.orgUnitID)), on: sql)
    }

    /// Who a team's form offers as 组长 (联点领导) and 成员 (cadres): the active people of the actor's
    /// unit and the units above it.
    func teamChoices() async throws -> (leaders: [(String, String)], cadres: [(String, String)]) {
        let line = tree.lineage(of: actor.orgUnitID).map(\.id)
        let people = try await UserStore(database: database).active(in: line)
        return (
            people.filter { $0.roles.contains(.leader) }.map { ($0.id!.uuidString, $0.displayName) },
            people.filter { $0.roles.contains(.cadre) }.map { ($0.id!.uuidString, $0.displayName) }
        )
    }
}
