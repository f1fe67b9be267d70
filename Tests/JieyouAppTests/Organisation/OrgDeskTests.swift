import Fluent
import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The organisation desk below HTTP: every read is scoped to the actor's subtree, and a record
/// outside it is "not found" whether it is asked for alone or looked for in a list.
@Suite struct OrgDeskTests {
    /// The World's admins: a park's (two parks) and the city's above them.
    func admins(_ world: World) -> [(name: String, actor: Actor)] {
        [("lx_admin", world.linxiangPark), ("pj_admin", world.pingjiangPark), ("yy_admin", world.city)].map {
            ($0.0, Actor(userID: world.users[$0.0]!, roles: [.admin], orgUnitID: $0.1))
        }
    }

    func isNotFound(_ body: () async throws -> Void) async -> Bool {
        do {
            try await body()
            return false
        } catch let error as AppError {
            return error.status == .notFound
        } catch {
            return false
        }
    }

    @Test func eachAdminReadsExactlyTheAccountsDepartmentsAndUnitsOfItsSubtree() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let tree = try await OrgDirectory.tree(on: app.db)
            let users = try await UserModel.query(on: app.db).all()
            let departments = try await DepartmentModel.query(on: app.db).all()
            for (name, actor) in admins(world) {
                let desk = OrgDesk(database: app.db, actor: actor, tree: tree)
                func reaches(_ unit: UUID) -> Bool { tree.isWithin(unit, subtreeOf: actor.orgUnitID) }

                let listed = try await desk.users(matching: nil, role: nil, page: 1, size: 100)
                let expectedUsers = Set(users.filter { reaches($0.$orgUnit.id) }.map(\.id!))
                #expect(Set(listed.users.map(\.id!)) == expectedUsers, "\(name)'s account list")
                #expect(listed.total == expectedUsers.count)
                for user in users {
                    let refused = await isNotFound { _ = try await desk.user(user.id!) }
                    #expect(refused == !reaches(user.$orgUnit.id), "\(name) reading \(user.username)")
                }

                let listedDepartments = try await desk.departments()
                #expect(
                    Set(listedDepartments.map(\.id!)) == Set(departments.filter { reaches($0.$orgUnit.id) }.map(\.id!)),
                    "\(name)'s department list")
                for department in departments {
                    let refused = await isNotFound { _ = try await desk.department(department.id!) }
                    #expect(refused == !reaches(department.$orgUnit.id), "\(name) reading \(department.name)")
                }

                #expect(Set(try await desk.orgUnits().map(\.id!)) == tree.subtree(of: actor.orgUnitID))
                for unit in [world.province!, world.city!, world.linxiangPark!, world.pingjiangPark!] {
                    let refused = await isNotFound { _ = try await desk.orgUnit(unit) }
                    #expect(refused == !reaches(unit), "\(name) reading a unit")
                    let filtered = await isNotFound { _ = try desk.subtree(of: unit) }
                    #expect(filtered == !reaches(unit), "\(name) filtering by a unit")
                }
                #expect(Set(try await desk.directory().map(\.unit.id)) == tree.subtree(of: actor.orgUnitID))
            }
        }
    }

    @Test func theEventLogShowsOnlyTheSubtreesRecords() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let tree = try await OrgDirectory.tree(on: app.db)
            let park = admins(world).first { $0.name == "pj_admin" }!.actor
            let page = try await OrgDesk(database: app.db, actor: park, tree: tree).events(before: nil, size: 500)
            #expect(!page.events.isEmpty)
            #expect(
                page.events.allSatisfy { $0.orgUnitID.map { tree.isWithin($0, subtreeOf: park.orgUnitID) } == true })
            #expect(page.names.name(of: world.users["pj_cadre"]!) == "pj_cadre（pj_cadre）")
            #expect(!page.more)
        }
    }

    @Test func anEnterpriseContactsEnterpriseIsFoundByCodeOnlyInScope() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let tree = try await OrgDirectory.tree(on: app.db)
            let park = admins(world).first { $0.name == "lx_admin" }!.actor
            let desk = OrgDesk(database: app.db, actor: park, tree: tree)
            let own = try await EnterpriseModel.find(world.enterprise, on: app.db)!
            #expect(try await desk.enterpriseID(creditCode: own.creditCode.lowercased()) == world.enterprise)
            let other = try await EnterpriseModel.find(world.pingjiangEnterprise, on: app.db)!
            do {
                _ = try await desk.enterpriseID(creditCode: other.creditCode)
                Issue.record("another park's enterprise was found")
            } catch let error as AppError {
                #expect(error.field == "enterpriseId")
                #expect(error.message.contains(other.creditCode))
            }
        }
    }
}
