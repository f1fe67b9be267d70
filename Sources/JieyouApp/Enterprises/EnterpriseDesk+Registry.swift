import Foundation
import JieyouDomain
import Logging

extension EnterpriseDesk {
    // MARK: Reading the registry

    /// One page of the reader's enterprises as `filter` narrows them, after the opaque `cursor`.
    func search(_ filter: EnterpriseFilter, limit: Int, cursor: String?) async throws -> EnterprisePage {
        try await EnterpriseSearch.page(filter, reach: try access().reach, limit: limit, cursor: cursor, on: sql)
    }

    /// The registry's tags (the built-in ones and those the admins added).
    func tags() async throws -> [String] {
        try await TagStore.names(on: sql)
    }

    /// An enterprise the reader may read, with its liaison.
    func enterprise(_ id: UUID) async throws -> (enterprise: StoredEnterprise, liaison: Liaison) {
        let stored = try await access().enterprise(id, on: database)
        return (stored, try await LiaisonService.load([id], on: sql)[id] ?? Liaison())
    }

    /// An enterprise of the actor's subtree, to edit, with its liaison.
    func editable(_ id: UUID) async throws -> (enterprise: StoredEnterprise, liaison: Liaison) {
        guard let stored = try await StoredEnterprise.load(id, on: sql),
            tree.isWithin(stored.row.orgUnitId, subtreeOf: actor.orgUnitID)
        else { throw AppError.notFound("企业") }
        return (stored, try await LiaisonService.load([id], on: sql)[id] ?? Liaison())
    }

    // MARK: Registering and editing

    /// Registers an enterprise, and its liaison when one is given; the liaison is checked first, so a
    /// refused form writes neither.
    func register(_ draft: EnterpriseDraft, orgUnit: UUID?, liaison: LiaisonAssignment? = nil) async throws -> UUID {
        if let liaison {
            try await liaisonService.check(liaison, orgUnit: orgUnit ?? actor.orgUnitID, tree: tree)
        }
        let id = try await EnterpriseService(database: database, now: now).create(
            orgUnitID: orgUnit, draft, by: actor)
        if let liaison, liaison != LiaisonAssignment(leaderID: nil, departmentID: nil, cadreIDs: []) {
            try await liaisonService.set(enterpriseID: id, liaison, by: actor)
        }
        return id
    }

    /// Saves an enterprise's fields, and its liaison when one is given (checked first, as above).
    func update(_ id: UUID, orgUnit: UUID?, _ draft: EnterpriseDraft, liaison: LiaisonAssignment? = nil) async throws {
        if let liaison {
            let stored = try await editable(id).enterprise
            try await liaisonService.check(liaison, orgUnit: orgUnit ?? stored.row.orgUnitId, tree: tree)
        }
        try await EnterpriseService(database: database, now: now).update(id, orgUnitID: orgUnit, draft, by: actor)
        if let liaison {
            try await liaisonService.set(enterpriseID: id, liaison, by: actor)
        }
    }

    func setLiaison(_ id: UUID, _ liaison: LiaisonAssignment) async throws {
        try await liaisonService.set(enterpriseID: id, liaison, by: actor)
    }

    func addTag(_ name: String?) async throws {
        try await EnterpriseService(database: database, now: now).addTag(name, by: actor)
    }

    /// Imports an enterprise list into the unit `narrowing` names (the actor's own when none): all or
    /// nothing, every bad row and column named.
    func importList(_ file: URL, narrowing: String?, logger: Logger) async throws -> EnterpriseImportReport {
        let access = try access()
        guard access.mayManage else { throw AppError.forbidden() }
        let target = try access.narrowing(narrowing) ?? actor.orgUnitID
        return try await EnterpriseImport(
            database: database, now: now, actorID: actor.userID,
            writableUnits: tree.subtree(of: actor.orgUnitID), logger: logger
        ).run(file: file, into: target)
    }

    /// Who the forms offer as 联点领导, 驻企干部 and 对口部门 for an enterprise of `unit`: the active
    /// people and departments of its line of the tree.
    func liaisonChoices(for unit: UUID) async throws
        -> (leaders: [(String, String)], cadres: [(String, String)], departments: [(String, String)])
    {
        let line = tree.lineage(of: tree[unit] == nil ? actor.orgUnitID : unit).map(\.id)
        let people = try await UserStore(database: database).active(in: line)
        return (
            people.filter { $0.roles.contains(.leader) }.map { ($0.id!.uuidString, $0.displayName) },
            people.filter { $0.roles.contains(.cadre) }.map { ($0.id!.uuidString, $0.displayName) },
            try await DepartmentStore(database: database).activeChoices(in: line)
        )
    }

    private var liaisonService: LiaisonService { LiaisonService(database: database, now: now) }
}
