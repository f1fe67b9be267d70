import Fluent
import Foundation
import JieyouDomain

/// What the organisation's pages and API read: the units, departments and accounts of the actor's
/// subtree, the 通讯录 and the event log, each scoped here once, so that an adapter cannot forget it.
/// A record outside the scope is "not found", never "forbidden": its existence is not revealed.
/// Writes go through `OrgUnitService`, `DepartmentService` and `UserService`, which check the same.
struct OrgDesk {
    let database: any Database
    let actor: Actor
    let tree: OrgTree

    /// Every unit the actor reaches: its own and everything below.
    var scope: [UUID] { OrgDirectory.scope(of: actor, in: tree) }

    /// The subtree of `unit`, which must be in scope (a list filtered to one unit).
    func subtree(of unit: UUID) throws -> [UUID] {
        guard scope.contains(unit) else { throw AppError.notFound("组织") }
        return Array(tree.subtree(of: unit))
    }

    // MARK: Org units

    func orgUnits() async throws -> [OrgUnitModel] {
        try await OrgUnitStore(database: database).list(scope)
    }

    func orgUnit(_ id: UUID) async throws -> OrgUnitModel {
        guard scope.contains(id), let unit = try await OrgUnitStore(database: database).find(id) else {
            throw AppError.notFound("组织")
        }
        return unit
    }

    /// A unit the actor may edit (not its own root, nor a unit above a park admin's reach).
    func editableOrgUnit(_ id: UUID) async throws -> OrgUnitModel {
        guard AccessPolicy.mayEditOrgUnit(actor, id, in: tree),
            let unit = try await OrgUnitStore(database: database).find(id)
        else { throw AppError.notFound("组织") }
        return unit
    }

    // MARK: Departments

    /// The departments of `units` (the whole scope when nil) by name; `byUnit` groups them by their
    /// unit's path first, as the admin list shows them.
    func departments(in units: [UUID]? = nil, byUnit: Bool = false) async throws -> [DepartmentModel] {
        let departments = try await DepartmentStore(database: database).list(in: units ?? scope)
        guard byUnit else { return departments }
        return departments.sorted {
            (tree.pathName(of: $0.$orgUnit.id), $0.name) < (tree.pathName(of: $1.$orgUnit.id), $1.name)
        }
    }

    func department(_ id: UUID) async throws -> DepartmentModel {
        guard let department = try await DepartmentStore(database: database).find(id),
            scope.contains(department.$orgUnit.id)
        else { throw AppError.notFound("部门") }
        return department
    }

    /// The active departments of the scope as "unit · department", for an account's department select.
    /// The active departments of the actor's own unit, by name: where a unit-level setting may point.
    func ownDepartmentChoices() async throws -> [(value: String, label: String)] {
        try await DepartmentStore(database: database).list(in: [actor.orgUnitID], activeOnly: true)
            .map { ($0.id!.uuidString, $0.name) }
            .sorted { $0.1 < $1.1 }
    }

    func departmentChoices() async throws -> [(String, String)] {
        try await DepartmentStore(database: database).list(in: scope, activeOnly: true)
            .map { ($0.id!.uuidString, "\(tree[$0.$orgUnit.id]?.name ?? "") · \($0.name)") }
            .sorted { $0.1 < $1.1 }
    }

    // MARK: Accounts

    /// One numbered page of the scope's accounts by username, and how many match in all.
    func users(matching text: String?, role: Role?, page: Int, size: Int) async throws
        -> (users: [UserModel], total: Int)
    {
        let store = UserStore(database: database)
        let search = UserStore.Search(units: scope, text: text, role: role)
        return (try await store.page(search, offset: (page - 1) * size, limit: size), try await store.count(search))
    }

    /// Up to `limit` accounts after the username `cursor`, of the scope or of the subtree of `unit`
    /// (the API's pages).
    func users(matching text: String?, role: Role?, under unit: UUID?, after cursor: String?, limit: Int)
        async throws -> [UserModel]
    {
        let search = UserStore.Search(units: try unit.map(subtree(of:)) ?? scope, text: text, role: role)
        return try await UserStore(database: database).page(search, after: cursor, limit: limit)
    }

    func user(_ id: UUID, withEnterprise: Bool = false) async throws -> UserModel {
        guard let user = try await UserStore(database: database).find(id, withEnterprise: withEnterprise),
            scope.contains(user.$orgUnit.id)
        else { throw AppError.notFound("用户") }
        return user
    }

    /// The scope's enterprise with 统一社会信用代码 `code`: an enterprise contact's account names its
    /// enterprise by the code people know.
    func enterpriseID(creditCode code: String) async throws -> UUID {
        guard let found = try await EnterpriseLookup.byCreditCode(code, units: scope, on: database.sql) else {
            throw AppError.invalid("enterpriseId", "未找到统一社会信用代码为“\(code)”的本辖区企业")
        }
        return found.id
    }

    // MARK: 通讯录 and the event log

    /// Each unit of the scope, depth-first, with its active departments.
    func directory() async throws -> [(unit: OrgTree.Node, departments: [DepartmentModel])] {
        let departments = try await DepartmentStore(database: database).list(in: scope, activeOnly: true)
        let byUnit = Dictionary(grouping: departments, by: { $0.$orgUnit.id })
        return tree.flattened(from: [actor.orgUnitID]).map { ($0.node, byUnit[$0.node.id] ?? []) }
    }

    /// The newest `size` events of the scope below sequence `before`, the names they mention, and
    /// whether older ones remain.
    func events(before: Int64?, size: Int) async throws -> (events: [EventModel], names: EventNames, more: Bool) {
        let events = try await EventStore(database: database).newest(in: scope, before: before, limit: size + 1)
        let page = Array(events.prefix(size))
        return (page, try await EventNames.load(for: page, tree: tree, on: database), events.count > size)
    }

    /// How many units, departments and accounts the scope holds (an admin's home page).
    func counts() async throws -> (units: Int, departments: Int, users: Int) {
        (
            scope.count, try await DepartmentStore(database: database).count(in: scope),
            try await UserStore(database: database).count(in: scope)
        )
    }
}
