import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The problem desk below HTTP: plain inputs in, view values out, and the store's list reach saying
/// what `ProblemAccess` says of each problem.
@Suite struct ProblemDeskTests {
    /// The World's accounts as the desk sees them.
    func actors(_ world: World) -> [String: Actor] {
        func actor(_ name: String, _ roles: Set<Role>, _ unit: UUID, department: UUID? = nil, enterprise: UUID? = nil)
            -> (String, Actor)
        {
            (
                name,
                Actor(
                    userID: world.users[name]!, roles: roles, orgUnitID: unit, departmentID: department,
                    enterpriseID: enterprise)
            )
        }
        return Dictionary(
            uniqueKeysWithValues: [
                actor("lx_admin", [.admin], world.linxiangPark),
                actor("lx_dispatcher", [.dispatcher], world.linxiangPark, department: world.linxiangService),
                actor("lx_handler", [.handler], world.linxiangPark, department: world.linxiangEconomy),
                actor("lx_cadre", [.cadre], world.linxiangPark),
                actor("lx_leader", [.leader], world.linxiangPark),
                actor("lx_monitor", [.monitor], world.linxiangPark),
                actor("lx_enterprise", [.enterprise], world.linxiangPark, enterprise: world.enterprise),
                actor("pj_admin", [.admin], world.pingjiangPark),
                actor("pj_cadre", [.cadre], world.pingjiangPark),
                actor("yy_upper", [.upper], world.city),
                actor("yy_admin", [.admin], world.city),
            ])
    }

    func desk(_ app: Application) async throws -> ProblemDesk {
        ProblemDesk(database: app.db, now: app.clock.now(), calendar: try await CalendarStore.calendar(on: app.db))
    }

    /// A monitor's report names no enterprise. The park's cadres list it in their ledger, and before
    /// access was one definition its page answered 404 to them.
    @Test func aCadreOpensTheMonitorsReportItLists() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let actors = actors(world)
            let desk = try await desk(app)
            let report = try await desk.submit(
                ProblemInput(description: "园区某窗口工作人员推诿", campaignID: nil), orgUnit: nil, by: actors["lx_monitor"]!)
            let cadre = actors["lx_cadre"]!
            let tree = try await OrgDirectory.tree(on: app.db)
            let listed = try await desk.ledger(LedgerRequest(), for: cadre, tree: tree)
            #expect(listed.items.map(\.id) == [report])
            let shown = try await desk.show(report, to: cadre)
            #expect(shown.parties == [.reader])
            #expect(shown.actions.isEmpty)
            #expect(shown.timeline.first?.actor == "监测员", "the monitor stays hidden from the cadre")
        }
    }

    /// For every account, the ledger lists exactly the problems whose page opens for it.
    @Test func theLedgerListsExactlyWhatEachAccountMayOpen() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let actors = actors(world)
            let desk = try await desk(app)
            let dispatcher = actors["lx_dispatcher"]!
            var ids: [UUID] = []
            ids.append(
                try await desk.submit(
                    ProblemInput(enterpriseID: world.enterprise, description: "厂区道路破损", campaignID: nil),
                    orgUnit: nil, by: dispatcher))
            try await desk.act(.accept(category: "hardship"), on: ids[0], note: nil, by: dispatcher)
            try await desk.act(
                .assign(lead: world.linxiangEconomy, co: [], deadline: nil), on: ids[0], note: nil, by: dispatcher)
            ids.append(
                try await desk.submit(
                    ProblemInput(description: "用电报装排队太久", campaignID: nil), orgUnit: nil, by: actors["lx_enterprise"]!))
            ids.append(
                try await desk.submit(
                    ProblemInput(description: "窗口推诿", campaignID: nil), orgUnit: nil, by: actors["lx_monitor"]!))
            ids.append(
                try await desk.submit(
                    ProblemInput(enterpriseID: world.pingjiangEnterprise, description: "招工难", campaignID: nil),
                    orgUnit: nil, by: actors["pj_cadre"]!))
            let tree = try await OrgDirectory.tree(on: app.db)
            for (name, actor) in actors {
                let listed = Set(try await desk.ledger(LedgerRequest(), for: actor, tree: tree).items.map(\.id))
                var opened: Set<UUID> = []
                for id in ids where (try? await desk.show(id, to: actor)) != nil { opened.insert(id) }
                #expect(listed == opened, "\(name)")
            }
            #expect(
                Set(try await desk.ledger(LedgerRequest(), for: actors["lx_handler"]!, tree: tree).items.map(\.id))
                    == [ids[0]])
            #expect(
                Set(try await desk.ledger(LedgerRequest(), for: actors["pj_admin"]!, tree: tree).items.map(\.id))
                    == [ids[3]])
        }
    }

    /// The desk returns what a page needs: the facts, the names behind the ids, and the choices of
    /// the steps the reader may take now.
    @Test func theProblemsPageContextNamesItsEnterpriseAndOffersTheUnitsDepartments() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let dispatcher = actors(world)["lx_dispatcher"]!
            let desk = try await desk(app)
            let id = try await desk.submit(
                ProblemInput(enterpriseID: world.enterprise, description: "厂区道路破损", campaignID: nil),
                orgUnit: nil, by: dispatcher)
            let context = try await desk.page(id, for: dispatcher)
            #expect(context.enterprise?.name == "临湘浮标科技有限公司")
            #expect(context.departments.map(\.name).sorted() == ["服务小组", "经济发展局"])
            #expect(context.problem.actions.contains(.accept))
            #expect(context.categories.contains { $0.code == "hardship" })
            let other = actors(world)["pj_admin"]!
            await #expect(throws: AppError.self) { try await desk.page(id, for: other) }
        }
    }
}
