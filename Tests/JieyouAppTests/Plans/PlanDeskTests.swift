import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The plan desk below HTTP: one unit's tasks are read only inside the reader's subtree, and only by
/// those who read plans.
@Suite struct PlanDeskTests {
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

    @Test func aUnitsTasksAreReadOnlyInsideTheReadersSubtree() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let desk = PlanDesk(database: app.db, now: app.clock.now())
            let period = TenDayPeriod(containing: LocalDate(app.clock.now(), in: .chinaStandard))
            let admin = Actor(userID: world.users["lx_admin"]!, roles: [.admin], orgUnitID: world.linxiangPark)
            let own = try await desk.unitTasks(world.linxiangEconomy, period: period, for: admin)
            #expect(own.tasks.isEmpty && own.reported.isEmpty)
            #expect(!own.name.isEmpty)
            #expect(
                await status { _ = try await desk.unitTasks(world.pingjiangEconomy, period: period, for: admin) } == 404
            )
            let contact = Actor(
                userID: world.users["lx_enterprise"]!, roles: [.enterprise], orgUnitID: world.linxiangPark,
                enterpriseID: world.enterprise)
            #expect(
                await status { _ = try await desk.unitTasks(world.linxiangEconomy, period: period, for: contact) }
                    == 403)
        }
    }
}
