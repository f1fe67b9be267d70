import Vapor

extension Request {
    /// The organisation's reads, scoped to the signed-in actor.
    func orgDesk() async throws -> OrgDesk {
        OrgDesk(database: db, actor: try requireSignedIn().actor, tree: try await OrgDirectory.tree(on: db))
    }

    /// The organisation's write use cases for this request's database and clock: what the API and
    /// the admin pages call.
    var userService: UserService {
        UserService(database: db, now: now, hashing: application.passwordHashing)
    }

    var departmentService: DepartmentService { DepartmentService(database: db, now: now) }

    var orgUnitService: OrgUnitService { OrgUnitService(database: db, now: now) }

}
