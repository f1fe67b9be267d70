import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The policy desk below HTTP: who reads the catalogue, who edits a policy, and an enterprise account
/// reading only its own benefits and applications.
@Suite struct PolicyDeskTests {
    func desk(
        _ app: Application, _ world: World, _ name: String, _ roles: Set<Role>, unit: UUID, enterprise: UUID? = nil
    )
        async throws -> PolicyDesk
    {
        PolicyDesk(
            database: app.db,
            actor: Actor(userID: world.users[name]!, roles: roles, orgUnitID: unit, enterpriseID: enterprise),
            tree: try await OrgDirectory.tree(on: app.db), now: app.clock.now())
    }

    func status(_ body: () async throws -> Void) async -> Int? {
        do {
            try await body()
            return nil
        } catch let error as AppError {
            return Int(error.status.code)
        } catch {
            return -1
        }
    }

    @Test func aParksPolicyIsHiddenFromAnotherParkAndReadByTheUnitsAbove() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let linxiang = try await desk(app, world, "lx_admin", [.admin], unit: world.linxiangPark)
            let id = try await linxiang.create(
                PolicyDraft(
                    title: "临湘高新区设备更新补贴", issuer: "临湘高新区管委会", level: "park", themes: ["设备更新"],
                    benefitKind: "subsidy"),
                rule: nil, department: nil, orgUnit: nil)
            #expect(try await linxiang.managed(id).id == id)
            #expect(try await linxiang.catalogue(PolicyFilter()).map(\.id) == [id])

            let pingjiang = try await desk(app, world, "pj_admin", [.admin], unit: world.pingjiangPark)
            #expect(await status { _ = try await pingjiang.policy(id) } == 404)
            #expect(await status { _ = try await pingjiang.managed(id) } == 404)
            #expect(try await pingjiang.catalogue(PolicyFilter()).isEmpty)

            let city = try await desk(app, world, "yy_admin", [.admin], unit: world.city)
            #expect(try await city.policy(id).id == id, "the city reads the policies of its parks")
        }
    }

    @Test func anEnterpriseAccountReadsOnlyWhatIsItsOwn() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let contact = try await desk(
                app, world, "lx_enterprise", [.enterprise], unit: world.linxiangPark, enterprise: world.enterprise)
            #expect(await status { _ = try await contact.catalogue(PolicyFilter()) } == 403)
            guard case .enterprise(let own) = try contact.ownReach() else {
                Issue.record("an enterprise account reaches more than its enterprise")
                return
            }
            #expect(own == world.enterprise)
            #expect(try await contact.ownBenefits().entries.isEmpty)
            let cadre = try await desk(app, world, "lx_cadre", [.cadre], unit: world.linxiangPark)
            #expect(await status { _ = try cadre.ownReach() } == 403)
        }
    }
}
