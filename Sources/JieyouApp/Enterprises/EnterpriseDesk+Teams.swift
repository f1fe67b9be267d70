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

    /// The enterprises of the actor's subtree that a pasted list names, one per line (by name or credit
    /// code), in its order; a line that names none is an error on `field` that says its line.
    func enterprises(pasted text: String, field: String) async throws -> [UUID] {
        let lines = PastedLines.records(text, maxFields: 1, separators: [])
        let found = try await EnterpriseLookup.resolve(
            lines.map { $0.fields[0] }, units: Array(tree.subtree(of: actor.orgUnitID)), on: sql)
        var v = Validator()
        for record in lines where found[record.fields[0]] == nil {
            v.fail(field, "服务企业第\(record.line)行：找不到企业“\(record.fields[0])”")
        }
        try v.throwIfFailed()
        return lines.compactMap { found[$0.fields[0]]?.id }
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
